import { z } from 'zod';
import { UNKNOWN_FIELD, employerFields, fields, optional, text } from '../offers/fields';

/** Fields of a candidate's profile an employer may be shown, when the candidate allows it. */
export const VISIBLE_FIELDS = ['desiredJobs', 'skills', 'commune', 'mobilityKm', 'availability', 'languages'] as const;
export type VisibleField = (typeof VISIBLE_FIELDS)[number];

const email = fields.applyEmail;
const password = z
  .string('Le mot de passe est un texte.')
  .min(10, 'Le mot de passe compte au moins 10 caractères.')
  .max(72, 'Le mot de passe compte 72 caractères au plus.');

const list = (label: string, max: number) =>
  z.array(text(label, 1, 80), `${label} : une liste de textes.`).max(max, `${max} éléments au plus.`);

const phone = z
  .string('Le téléphone est un texte.')
  .trim()
  .transform((value) => value.replace(/[\s.-]/g, ''))
  .refine((value) => /^(\+33|0)[1-9]\d{8}$/.test(value), 'Le téléphone compte 10 chiffres (06 12 34 56 78).');

export const profileFields = {
  firstName: text('Le prénom', 1, 60),
  lastName: text('Le nom', 1, 80),
  phone: optional(phone),
  desiredJobs: list('Les métiers recherchés', 10),
  skills: list('Les compétences', 30),
  commune: text('La commune', 2, 80),
  mobilityKm: z
    .number('La mobilité est un nombre de kilomètres.')
    .int('La mobilité est un nombre entier de kilomètres.')
    .min(0, 'La mobilité est positive.')
    .max(200, '200 km au plus.'),
  availability: z.enum(
    ['immediate', 'within-month', 'later'],
    'La disponibilité est immédiate, dans le mois ou plus tard.',
  ),
  languages: list('Les langues', 10),
  visibility: z
    .array(z.enum(VISIBLE_FIELDS, 'Ce champ ne peut pas être montré aux employeurs.'))
    .max(VISIBLE_FIELDS.length),
};

/** The candidate's own changes (`PUT /members/profile`): every field optional. */
export const profileUpdate = z.strictObject(
  Object.fromEntries(Object.entries(profileFields).map(([key, schema]) => [key, schema.optional()])) as {
    [Key in keyof typeof profileFields]: z.ZodOptional<(typeof profileFields)[Key]>;
  },
  UNKNOWN_FIELD,
);

const consent = z.literal(
  true,
  'Cochez la case pour accepter que votre profil soit montré, sans vos coordonnées, aux employeurs validés.',
);

export const candidateSignUp = z.strictObject(
  {
    email,
    password,
    firstName: profileFields.firstName,
    lastName: profileFields.lastName,
    commune: profileFields.commune,
    centre: optional(text('Le centre', 1, 80)),
    consent,
  },
  UNKNOWN_FIELD,
);

export const employerSignUp = z.strictObject(
  {
    email,
    password,
    name: employerFields.name,
    siret: employerFields.siret,
    sector: employerFields.sector,
    commune: employerFields.commune,
    contactRole: employerFields.contactRole,
    centre: optional(text('Le centre', 1, 80)),
  },
  UNKNOWN_FIELD,
);

export const login = z.strictObject(
  { email, password: z.string('Le mot de passe est un texte.').min(1, 'Le mot de passe est obligatoire.').max(200) },
  UNKNOWN_FIELD,
);

export const messageBody = z.strictObject({ body: text('Le message', 1, 4000) }, UNKNOWN_FIELD);

export const positioningBody = z.strictObject({ message: text('Le message', 10, 2000) }, UNKNOWN_FIELD);

export const answerBody = z.strictObject(
  { decision: z.enum(['accept', 'decline'], 'Répondez « accept » ou « decline ».') },
  UNKNOWN_FIELD,
);

export const idParam = z.strictObject({
  id: z.string().regex(/^[a-z0-9]{10,40}$/, 'Identifiant inconnu.'),
});

/** Deleting one's space is typed out, as core's erasure is. */
export const eraseBody = z.strictObject(
  { confirmation: z.literal('SUPPRIMER', 'Écrivez SUPPRIMER pour confirmer la suppression de votre espace.') },
  UNKNOWN_FIELD,
);

/** Closing one's own offer takes nothing but the offer's address. */
export const closeOfferBody = z.strictObject({}, UNKNOWN_FIELD);

/** A referent's account, created by the team (`POST /emploi/referents`, admin). */
export const referentBody = z.strictObject({ email }, UNKNOWN_FIELD);

/**
 * A profile the team fills in with a resident present (`POST /emploi/candidates`, admin): her
 * consent is given orally or on paper, and a referent answers employers with her.
 */
export const staffCandidate = z.strictObject(
  {
    firstName: profileFields.firstName,
    lastName: profileFields.lastName,
    email: optional(email),
    phone: profileFields.phone,
    commune: profileFields.commune,
    desiredJobs: profileFields.desiredJobs.optional(),
    skills: profileFields.skills.optional(),
    mobilityKm: optional(profileFields.mobilityKm),
    availability: optional(profileFields.availability),
    languages: profileFields.languages.optional(),
    visibility: profileFields.visibility.optional(),
    centre: optional(text('Le centre', 1, 80)),
    referent: email,
    consentMethod: z.enum(['oral', 'paper'], 'Précisez comment la personne a donné son accord : oral ou papier.'),
  },
  UNKNOWN_FIELD,
);

/** « Mot de passe oublié » : the address only. */
export const forgotBody = z.strictObject({ email }, UNKNOWN_FIELD);

/** A new password, with the token of the e-mailed link. */
export const resetBody = z.strictObject(
  {
    token: z
      .string('Le lien n’est pas valide.')
      .min(20, 'Le lien n’est pas valide : copiez-le en entier depuis l’e-mail.')
      .max(100, 'Le lien n’est pas valide : copiez-le en entier depuis l’e-mail.')
      .regex(/^[A-Za-z0-9_-]+$/, 'Le lien n’est pas valide : copiez-le en entier depuis l’e-mail.'),
    password,
  },
  UNKNOWN_FIELD,
);
