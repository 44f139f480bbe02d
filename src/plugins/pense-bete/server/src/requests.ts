import { z } from 'zod';
import { PAGE_FIELDS, UNKNOWN_PARAMETER, normaliseRrule, rruleProblem } from '@csc/plugin-core/toolkit';
import { checkMobile } from '@csc/plugin-core/shared';
import { templateProblem } from './planning/template';

/** Admin API request schemas: unknown keys refused, one French message per field. */

const UNKNOWN_FIELD = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Champ inconnu : ${(issue.keys ?? []).join(', ')}.` : undefined,
};

const firstName = z
  .string({ error: 'Indiquez le prénom.' })
  .trim()
  .min(1, 'Indiquez le prénom.')
  .max(60, 'Le prénom compte 60 caractères au plus.')
  .refine((value) => !/[\p{Cc}{}<>]/u.test(value), 'Le prénom contient des caractères non autorisés.');

/** A mobile of France or overseas, stored E.164; a landline or a foreign number is refused. */
export const mobile = z.string({ error: 'Indiquez un numéro de mobile.' }).transform((value, ctx) => {
  const checked = checkMobile(value);
  if (!checked.ok) {
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  }
  return checked.e164;
});

const email = z
  .string({ error: 'L’adresse e-mail est un texte.' })
  .trim()
  .toLowerCase()
  .max(254, 'L’adresse e-mail compte 254 caractères au plus.')
  .pipe(z.email('Cette adresse e-mail n’est pas valide.'));

const channel = z.enum(['sms', 'email'], { error: 'Le canal est « sms » ou « email ».' });

const consent = z.strictObject(
  {
    method: z.enum(['oral', 'paper', 'online-form', 'email'], {
      error: 'Précisez comment le consentement a été recueilli : oral, papier, formulaire en ligne ou e-mail.',
    }),
    informationText: z
      .string({ error: 'Le texte d’information montré à la personne est obligatoire.' })
      .trim()
      .min(20, 'Le texte d’information montré à la personne est obligatoire (20 caractères au moins).')
      .max(4000, 'Le texte d’information compte 4 000 caractères au plus.'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Champ inconnu : ${issue.keys.join(', ')}.`
        : issue.code === 'invalid_type'
          ? 'Indiquez comment la personne a donné son consentement et le texte d’information qui lui a été montré.'
          : undefined,
  },
);

const centre = z
  .number({ error: 'Le centre est désigné par son numéro.' })
  .int('Le centre est désigné par son numéro.')
  .positive('Le centre est désigné par son numéro.');

export const personCreate = z
  .strictObject(
    {
      firstName,
      phone: mobile.optional(),
      email: email.optional(),
      channel,
      consent,
      centre: centre.optional(),
    },
    UNKNOWN_FIELD,
  )
  .superRefine((person, ctx) => {
    if (person.channel === 'sms' && !person.phone) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Pour recevoir des SMS, indiquez un numéro de mobile.',
      });
    }
    if (person.channel === 'email' && !person.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'Pour recevoir des e-mails, indiquez une adresse e-mail.',
      });
    }
  });

export const personUpdate = z.strictObject(
  {
    firstName: firstName.optional(),
    phone: mobile.nullable().optional(),
    email: email.nullable().optional(),
    channel: channel.optional(),
    consent: consent.optional(),
  },
  UNKNOWN_FIELD,
);

export const personListQuery = z.strictObject(
  {
    ...PAGE_FIELDS,
    q: z
      .string({ error: 'La recherche est un texte.' })
      .trim()
      .max(60, 'La recherche compte 60 caractères au plus.')
      .optional(),
  },
  UNKNOWN_PARAMETER,
);

/** Route parameters come from the router (which adds its own keys): only `id` is read. */
export const documentIdParams = z.object({
  id: z.string({ error: 'Identifiant inconnu.' }).regex(/^[a-z0-9]{10,40}$/, 'Identifiant inconnu.'),
});

export const withdrawRequest = z.strictObject(
  {
    channel: channel.optional(),
    method: z.enum(['oral', 'paper', 'online-form', 'email', 'sms-stop'], {
      error:
        'Précisez comment la personne a retiré son consentement : oral, papier, formulaire en ligne, e-mail ou STOP.',
    }),
  },
  UNKNOWN_FIELD,
);

const isoDate = z
  .string({ error: 'La date s’écrit AAAA-MM-JJ.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'La date s’écrit AAAA-MM-JJ, par exemple 2027-03-15.')
  .refine((value) => {
    const date = new Date(`${value}T12:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'Cette date n’existe pas.');

const clockTime = z
  .string({ error: 'L’heure s’écrit HH:MM.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'L’heure s’écrit HH:MM, par exemple 14:30.');

export const offsets = z
  .array(
    z.strictObject(
      {
        daysBefore: z
          .number({ error: 'Le nombre de jours avant est un nombre.' })
          .int('Le nombre de jours avant est un nombre entier.')
          .min(0, 'Un rappel part avant la date, pas après.')
          .max(90, 'Un rappel part au plus 90 jours avant.'),
        time: clockTime,
      },
      UNKNOWN_FIELD,
    ),
    { error: 'Les rappels sont une liste.' },
  )
  .min(1, 'Prévoyez au moins un rappel.')
  .max(5, 'Cinq rappels au plus par démarche.')
  .refine(
    (list) => new Set(list.map((offset) => `${offset.daysBefore}|${offset.time}`)).size === list.length,
    'Deux rappels sont identiques.',
  );

export const template = z
  .string({ error: 'Le message est un texte.' })
  .max(1000, 'Le message compte 1 000 caractères au plus.')
  .superRefine((value, ctx) => {
    const problem = templateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** An RRULE must end (UNTIL or COUNT): a reminder that never stops is how a person gets 136 SMS. */
const recurrence = z
  .string({ error: 'La répétition est une règle RRULE.' })
  .max(200, 'La règle de répétition compte 200 caractères au plus.')
  .transform((value, ctx) => {
    if (value.trim() === '') return null;
    const rule = normaliseRrule(value);
    const problem = rruleProblem(rule);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return rule;
  });

export const stepRequest = z.strictObject(
  {
    stepType: z
      .string()
      .regex(/^[a-z0-9]{10,40}$/, 'Type de démarche inconnu.')
      .optional(),
    title: z
      .string({ error: 'Le nom de la démarche est un texte.' })
      .trim()
      .min(1, 'Indiquez le nom de la démarche.')
      .max(80, 'Le nom de la démarche compte 80 caractères au plus.')
      .refine((value) => !/[\p{Cc}{}<>]/u.test(value), 'Le nom contient des caractères non autorisés.')
      .optional(),
    date: isoDate,
    time: clockTime.nullable().optional(),
    recurrence: recurrence.nullable().optional(),
    /** The end of a repetition, when the rule itself has none. */
    until: isoDate.nullable().optional(),
    offsets: offsets.optional(),
    template: template.optional(),
  },
  UNKNOWN_FIELD,
);

export const previewRequest = z.strictObject(
  {
    template,
    person: z
      .string()
      .regex(/^[a-z0-9]{10,40}$/, 'Personne inconnue.')
      .optional(),
    title: z.string().trim().max(80, 'Le nom de la démarche compte 80 caractères au plus.').optional(),
    date: isoDate.optional(),
    time: clockTime.nullable().optional(),
  },
  UNKNOWN_FIELD,
);

export const historyQuery = z.strictObject({ ...PAGE_FIELDS }, UNKNOWN_PARAMETER);

/** Shared with the groups and news requests (`news/requests.ts`). */
export { UNKNOWN_FIELD, consent as consentRequest };
