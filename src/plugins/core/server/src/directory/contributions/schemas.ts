import { errors } from '@strapi/utils';
import { z } from 'zod';
import { FRAIS, TYPES_DE_SERVICES, valuesOf } from '../../../../shared/contracts/directory-values';
import { EVENT_UID, SERVICE_UID, STRUCTURE_UID } from '../../../../shared/contracts/directory';
import { formValidationError, frenchErrors } from '../../public-forms/messages';
import { ages, assertValidDirectoryEntry } from '../validation';

/**
 * Request bodies of directory contributions (partners, public suggestions, correction links).
 * These schemas check shapes and lengths and refuse unknown keys; the directory's own rules
 * (`validation.ts`: lists, codes, phone, URLs, hours, RRULE) then run on the same data, so a
 * contribution meets exactly what the content manager asks of staff, and every problem comes
 * back in one 400 with a French message per field.
 */

const STRICT = {
  error: (issue: { code?: string; input?: unknown }) => {
    if (
      issue.code === 'invalid_type' &&
      (typeof issue.input !== 'object' || issue.input === null || Array.isArray(issue.input))
    ) {
      return 'Le formulaire est illisible : envoyez-le à nouveau.';
    }
    return undefined;
  },
};

/** A text field: an empty answer means "no value". */
const text = (max: number, label: string) =>
  z
    .string(`${label} : du texte est attendu.`)
    .trim()
    .max(max, `${label} : ${max.toLocaleString('fr-FR')} caractères au plus.`)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/** A list of short codes (thématiques, publics…); the directory rules check the values. */
const list = (label: string) =>
  z
    .array(z.string(`${label} : chaque valeur est un texte.`).max(120, `${label} : valeur inconnue.`), {
      error: `${label} : une liste est attendue.`,
    })
    .max(60, `${label} : 60 valeurs au plus.`)
    .nullable()
    .optional();

const coordinate = (label: string) => z.number(`${label} : un nombre est attendu.`).nullable().optional();

const email = z
  .string('L’e-mail de contact est un texte.')
  .trim()
  .toLowerCase()
  .max(254, 'Cette adresse e-mail n’est pas valide.')
  .refine((value) => value === '' || z.email().safeParse(value).success, 'Cette adresse e-mail n’est pas valide.')
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

const ADDRESS = {
  adresse: text(255, 'Adresse'),
  complement_adresse: text(255, 'Complément d’adresse'),
  code_postal: text(5, 'Code postal'),
  commune: text(100, 'Commune'),
  code_insee: text(5, 'Code INSEE'),
  latitude: coordinate('Latitude'),
  longitude: coordinate('Longitude'),
};

const STRUCTURE_FIELDS = {
  nom: z
    .string('Indiquez le nom de la structure.')
    .trim()
    .min(3, 'Le nom compte au moins 3 caractères.')
    .max(150, 'Le nom compte 150 caractères au plus.'),
  description: text(10000, 'Description'),
  typologie: text(100, 'Type de structure'),
  siret: text(14, 'SIRET'),
  site_web: text(2083, 'Site internet'),
  telephone: text(30, 'Téléphone'),
  courriel: email,
  ...ADDRESS,
  horaires_accueil: text(500, 'Horaires d’accueil'),
  accessibilite_lieu: text(2083, 'Page Accès libre'),
  thematiques: list('Thématiques'),
  reseaux_porteurs: list('Réseaux'),
};

const SERVICE_FIELDS = {
  nom: z
    .string('Indiquez le nom du service.')
    .trim()
    .min(3, 'Le nom compte au moins 3 caractères.')
    .max(150, 'Le nom compte 150 caractères au plus.'),
  description: z
    .string('Présentez le service en quelques phrases.')
    .trim()
    .min(5, 'La présentation compte au moins 5 caractères.')
    .max(10000, 'La présentation compte 10 000 caractères au plus.'),
  type: z
    .enum(valuesOf(TYPES_DE_SERVICES) as [string, ...string[]], {
      error: 'Type de service inconnu de la liste data·inclusion.',
    })
    .nullable()
    .optional(),
  thematiques: list('Thématiques'),
  publics: list('Publics'),
  publics_precisions: text(2000, 'Précisions sur les publics'),
  ...ages,
  modes_accueil: list('Modes d’accueil'),
  frais: z
    .enum(valuesOf(FRAIS) as [string, ...string[]], { error: 'Frais : gratuit ou payant.' })
    .nullable()
    .optional(),
  frais_precisions: text(2000, 'Précisions sur les frais'),
  conditions_acces: text(2000, 'Conditions d’accès'),
  zone_eligibilite: list('Zone d’éligibilité'),
  horaires_accueil: text(500, 'Horaires'),
  telephone: text(30, 'Téléphone'),
  courriel: email,
  lien_mobilisation: text(2083, 'Lien pour s’inscrire'),
  ...ADDRESS,
};

const dateTime = (required: string) =>
  z
    .string(required)
    .trim()
    .max(40, 'Date et heure illisibles.')
    .refine((value) => !Number.isNaN(new Date(value).getTime()), 'Date et heure illisibles.');

const EVENT_FIELDS = {
  titre: z
    .string('Indiquez le titre de l’événement.')
    .trim()
    .min(3, 'Le titre compte au moins 3 caractères.')
    .max(150, 'Le titre compte 150 caractères au plus.'),
  description: text(10000, 'Description'),
  date_debut: dateTime('Indiquez la date et l’heure du début.'),
  date_fin: dateTime('La fin est une date et une heure.').nullable().optional(),
  journee_entiere: z.boolean('Toute la journée : vrai ou faux.').optional(),
  recurrence: text(300, 'Répétition'),
  publics: list('Publics'),
  ...ages,
  thematiques: list('Thématiques'),
  prix: text(150, 'Prix'),
  inscription: text(1000, 'Inscription'),
  lien_inscription: text(2083, 'Lien d’inscription'),
};

/** A document id of this install, as Strapi writes them. */
export const documentId = (message: string) => z.string(message).regex(/^[a-z0-9]{10,64}$/, message);

const centreSlug = z
  .string('Indiquez le centre.')
  .trim()
  .max(120, 'Ce centre n’existe pas.')
  .regex(/^[a-z0-9-]+$/, 'Ce centre n’existe pas.');

/** Runs the directory's own rules over what the shape let through. */
function withDirectoryRules<Schema extends z.ZodType>(uid: string, schema: Schema) {
  return schema.superRefine((data, ctx) => {
    try {
      assertValidDirectoryEntry(uid, data);
    } catch (error) {
      if (!(error instanceof errors.ValidationError)) throw error;
      const found = ((error.details as { errors?: { path: string[]; message: string }[] })?.errors ?? []).slice(0, 20);
      for (const problem of found) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }
  });
}

const atLeastOne = (data: Record<string, unknown>) => Object.keys(data).length > 0;
const NOTHING_TO_CHANGE = { message: 'Indiquez au moins un champ à modifier.' };

// Partners, through their account.
export const partnerStructureCreate = withDirectoryRules(
  STRUCTURE_UID,
  z.strictObject({ centre: centreSlug.optional(), ...STRUCTURE_FIELDS }, STRICT),
);
export const partnerServiceCreate = withDirectoryRules(
  SERVICE_UID,
  z.strictObject({ structure: documentId('Choisissez une de vos structures.'), ...SERVICE_FIELDS }, STRICT),
);
export const partnerEventCreate = withDirectoryRules(
  EVENT_UID,
  z.strictObject(
    {
      organisateur: documentId('Choisissez une de vos structures comme organisatrice.'),
      lieu: documentId('Ce lieu n’existe pas.').nullable().optional(),
      ...EVENT_FIELDS,
    },
    STRICT,
  ),
);

/** Edits change the entry's own fields only, never its centre nor its links. */
export const structureEdit = withDirectoryRules(
  STRUCTURE_UID,
  z.strictObject(STRUCTURE_FIELDS, STRICT).partial().refine(atLeastOne, NOTHING_TO_CHANGE),
);
export const serviceEdit = withDirectoryRules(
  SERVICE_UID,
  z.strictObject(SERVICE_FIELDS, STRICT).partial().refine(atLeastOne, NOTHING_TO_CHANGE),
);
export const eventEdit = withDirectoryRules(
  EVENT_UID,
  z.strictObject(EVENT_FIELDS, STRICT).partial().refine(atLeastOne, NOTHING_TO_CHANGE),
);

const submitterEmail = z
  .string('L’adresse e-mail est un texte.')
  .trim()
  .toLowerCase()
  .max(254, 'Cette adresse e-mail n’est pas valide.')
  .email('Cette adresse e-mail n’est pas valide.')
  .optional();

// Visitors without an account (public forms): the centre by its slug, their e-mail if they
// want to hear about the decision.
export const structureSuggestion = withDirectoryRules(
  STRUCTURE_UID,
  z.strictObject({ centre: centreSlug, email: submitterEmail, ...STRUCTURE_FIELDS }, STRICT),
);
export const eventSuggestion = withDirectoryRules(
  EVENT_UID,
  z.strictObject({ centre: centreSlug, email: submitterEmail, ...EVENT_FIELDS }, STRICT),
);

/** A correction through a signed link: the token names the structure, the body the changes. */
export const correctionRequest = withDirectoryRules(
  STRUCTURE_UID,
  z
    .strictObject({ email: submitterEmail, ...STRUCTURE_FIELDS }, STRICT)
    .partial()
    .refine((data) => Object.keys(data).some((key) => key !== 'email'), NOTHING_TO_CHANGE),
);

export const correctionToken = z.strictObject(
  {
    token: z
      .string('Ce lien de correction n’est pas valide.')
      .max(200, 'Ce lien de correction n’est pas valide.')
      .regex(/^[A-Za-z0-9._-]+$/, 'Ce lien de correction n’est pas valide.'),
  },
  STRICT,
);

export type StructureSuggestion = z.infer<typeof structureSuggestion>;
export type EventSuggestion = z.infer<typeof eventSuggestion>;
export type CorrectionRequest = z.infer<typeof correctionRequest>;

/**
 * Parses a partner's body as public forms do theirs: one French message per field, an unknown
 * key reported on that key, so that partner and public forms read alike.
 */
export function parseContribution<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const result = schema.safeParse(body ?? {}, frenchErrors);
  if (!result.success) throw formValidationError(result.error.issues);
  return result.data;
}
