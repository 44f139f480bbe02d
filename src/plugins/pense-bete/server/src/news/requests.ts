import { z } from 'zod';
import { senderNameProblem } from '@csc/plugin-core/shared';
import { NEWS_VARIABLES, templateProblem } from '../planning/template';
import { UNKNOWN_FIELD, consentRequest } from '../requests';

/** Requests of the groups, news and sending-settings endpoints: unknown keys refused, French messages. */

const documentId = (message: string) => z.string({ error: message }).regex(/^[a-z0-9]{10,40}$/, message);

const groupName = z
  .string({ error: 'Le nom du groupe est un texte.' })
  .trim()
  .min(2, 'Indiquez le nom du groupe.')
  .max(80, 'Le nom du groupe compte 80 caractères au plus.')
  .refine((value) => !/[\p{Cc}{}<>]/u.test(value), 'Le nom du groupe contient des caractères non autorisés.');

const groupDescription = z
  .string({ error: 'La description est un texte.' })
  .trim()
  .max(300, 'La description compte 300 caractères au plus.')
  .refine(
    (value) => !/[\p{Cc}<>]/u.test(value.replace(/\n/g, '')),
    'La description contient des caractères non autorisés.',
  );

const centre = z
  .number({ error: 'Le centre est désigné par son numéro.' })
  .int('Le centre est désigné par son numéro.')
  .positive('Le centre est désigné par son numéro.');

export const groupCreate = z.strictObject(
  { name: groupName, description: groupDescription.nullable().optional(), centre: centre.optional() },
  UNKNOWN_FIELD,
);

export const groupUpdate = z.strictObject(
  { name: groupName.optional(), description: groupDescription.nullable().optional() },
  UNKNOWN_FIELD,
);

export const memberAdd = z.strictObject(
  { person: documentId('Personne inconnue.'), consent: consentRequest },
  UNKNOWN_FIELD,
);

export const memberRemove = z.strictObject(
  {
    person: documentId('Personne inconnue.'),
    method: z.enum(['oral', 'paper', 'online-form', 'email', 'sms-stop'], {
      error:
        'Précisez comment la personne a demandé à quitter le groupe : oral, papier, formulaire en ligne, e-mail ou STOP.',
    }),
  },
  UNKNOWN_FIELD,
);

/** A news template: the variables of a news only ({prenom}, {centre}, {telephone_centre}). */
export const newsTemplate = z
  .string({ error: 'Le message est un texte.' })
  .max(1000, 'Le message compte 1 000 caractères au plus.')
  .superRefine((value, ctx) => {
    const problem = templateProblem(value, NEWS_VARIABLES);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const newsPreviewRequest = z.strictObject({ template: newsTemplate }, UNKNOWN_FIELD);

export const newsSendRequest = z.strictObject(
  {
    template: newsTemplate,
    confirmation: z
      .string({ error: 'Faites d’abord l’aperçu, puis confirmez l’envoi.' })
      .regex(/^\d{9,11}\.[A-Za-z0-9_-]{43}$/, 'Cette confirmation n’est pas valide : refaites l’aperçu.'),
    recipients: z
      .number({ error: 'Indiquez le nombre de destinataires affiché par l’aperçu.' })
      .int('Le nombre de destinataires est un nombre entier.')
      .min(1, 'Il n’y a personne à qui envoyer ce message.'),
  },
  UNKNOWN_FIELD,
);

export const centreParams = z.object({
  centre: z
    .string({ error: 'Centre inconnu.' })
    .regex(/^[1-9]\d{0,9}$/, 'Centre inconnu.')
    .transform(Number),
});

const secretText = (what: string) =>
  z
    .string({ error: `${what} est un texte.` })
    .trim()
    .min(8, `${what} compte 8 caractères au moins.`)
    .max(128, `${what} compte 128 caractères au plus.`)
    .regex(/^[\x21-\x7e]+$/, `${what} ne contient ni espace ni caractère accentué.`);

export const centreSettingsUpdate = z.strictObject(
  {
    senderName: z
      .string({ error: 'Le nom d’expéditeur est un texte.' })
      .trim()
      .superRefine((value, ctx) => {
        const problem = senderNameProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .nullable()
      .optional(),
    ovh: z
      .strictObject(
        {
          appKey: secretText('La clé d’application'),
          appSecret: secretText('Le secret d’application'),
          consumerKey: secretText('La clé de consommateur'),
          serviceName: z
            .string({ error: 'Le nom du compte SMS est un texte.' })
            .trim()
            .regex(
              /^[A-Za-z0-9._-]{1,64}$/,
              'Le nom du compte SMS s’écrit comme dans l’espace client OVH, par exemple sms-ab12345-1.',
            ),
        },
        UNKNOWN_FIELD,
      )
      .nullable()
      .optional(),
  },
  UNKNOWN_FIELD,
);
