import { z } from 'zod';
import { UNKNOWN_PARAMETER } from '@csc/plugin-core/toolkit';
import { STRUCTURE_KINDS, WORD_CATEGORIES } from '../../shared/contracts/public';
import { foldText } from '../../shared/normalise';

/** An unknown field of a body is named back, in French. */
const UNKNOWN_FIELD = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Champ inconnu : ${(issue.keys ?? []).join(', ')}.` : undefined,
};

/** A field left empty on a form is a field not given. */
const optional = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

const word = z
  .string('Écrivez le mot qui manque.')
  .min(1, 'Écrivez le mot qui manque.')
  .max(80, 'Le mot compte 80 caractères au plus.')
  .refine((value) => foldText(value).length > 0, 'Écrivez un mot avec des lettres ou des chiffres.');

const email = z
  .email('Cette adresse e-mail n’est pas valide.')
  .max(254, 'Cette adresse e-mail est trop longue.')
  .transform((value) => value.toLowerCase());

export const REQUESTER_CONSENT_TEXT =
  'J’accepte que mon adresse e-mail soit gardée pour être prévenu(e) une fois quand ce mot sera défini ; elle est effacée dès que le message est envoyé.';

/** « Ce mot manque » */
export const wordRequestForm = z
  .strictObject(
    {
      word,
      context: optional(z.string('Le contexte est un texte.').max(300, 'Le contexte compte 300 caractères au plus.')),
      email: optional(email),
      consent: optional(z.boolean('Cochez ou décochez la case.')),
    },
    UNKNOWN_FIELD,
  )
  .superRefine((data, ctx) => {
    if (data.email && data.consent !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['consent'],
        message: 'Pour être prévenu(e), cochez la case qui nous autorise à garder votre adresse jusque-là.',
      });
    }
  });
export type WordRequestInput = z.infer<typeof wordRequestForm>;

/** « Devenir contributeur » */
export const contributorForm = z.strictObject(
  {
    name: z
      .string('Indiquez le nom de votre structure.')
      .min(2, 'Indiquez le nom de votre structure.')
      .max(120, 'Le nom compte 120 caractères au plus.'),
    kind: z.enum(STRUCTURE_KINDS, 'Choisissez le type de structure dans la liste.'),
    commune: z
      .string('Indiquez la commune.')
      .min(1, 'Indiquez la commune.')
      .max(80, 'La commune compte 80 caractères au plus.'),
    email: z.email('Cette adresse e-mail n’est pas valide.').max(254, 'Cette adresse e-mail est trop longue.'),
    digest: optional(z.enum(['daily', 'weekly', 'none'], 'Choisissez : chaque jour, chaque semaine ou jamais.')),
  },
  UNKNOWN_FIELD,
);
export type ContributorInput = z.infer<typeof contributorForm>;

export const documentId = z.string('Identifiant invalide.').regex(/^[a-z0-9]{10,64}$/, 'Identifiant invalide.');

/** A definition from an accompanying adult: credited to a group, with no field for a child. */
export const definitionSubmission = z
  .strictObject(
    {
      request: documentId.optional(),
      term: z
        .string('Le mot est un texte.')
        .min(1, 'Indiquez le mot défini.')
        .max(80, 'Le mot compte 80 caractères au plus.')
        .optional(),
      text: z
        .string('Écrivez la définition.')
        .min(20, 'La définition compte au moins 20 caractères.')
        .max(1200, 'La définition compte 1 200 caractères au plus.'),
      example: z
        .string('Écrivez une phrase d’exemple.')
        .min(5, 'Écrivez une phrase d’exemple.')
        .max(400, 'L’exemple compte 400 caractères au plus.'),
      group: z.strictObject(
        {
          label: z
            .string('Nommez le groupe (par exemple « la classe de CM2 de l’école Jules-Ferry »).')
            .min(3, 'Nommez le groupe (par exemple « la classe de CM2 de l’école Jules-Ferry »).')
            .max(120, 'Le nom du groupe compte 120 caractères au plus.'),
          commune: z.string('Indiquez la commune du groupe.').min(1, 'Indiquez la commune du groupe.').max(80),
          year: z.coerce
            .number('L’année est un nombre.')
            .int('L’année est un nombre entier.')
            .min(2000, 'Cette année est trop ancienne.')
            .max(2100, 'Cette année est trop lointaine.'),
        },
        UNKNOWN_FIELD,
      ),
      structure: documentId.optional(),
    },
    UNKNOWN_FIELD,
  )
  .refine((data) => Boolean(data.request || data.term), {
    path: ['term'],
    message: 'Indiquez le mot défini, ou la demande à laquelle vous répondez.',
  });
export type DefinitionInput = z.infer<typeof definitionSubmission>;

export const digestChoice = z.strictObject(
  {
    digest: z.enum(['daily', 'weekly', 'none'], 'Choisissez : chaque jour, chaque semaine ou jamais.'),
    structure: documentId.optional(),
  },
  UNKNOWN_FIELD,
);

// Public read API: every parameter checked, unknown ones refused.
const page = z.coerce
  .number('Le numéro de page est un nombre.')
  .int('Le numéro de page est un nombre entier.')
  .min(1, 'Les pages commencent à 1.')
  .max(10000, 'Ce numéro de page est trop grand.')
  .default(1);

export const wordListQuery = z.strictObject(
  {
    letter: z
      .string('La lettre est un caractère.')
      .regex(/^([a-zA-Z]|#)$/, 'Choisissez une lettre de A à Z, ou # pour les autres.')
      .transform((value) => value.toLowerCase())
      .optional(),
    category: z.enum(WORD_CATEGORIES, 'Cette catégorie n’existe pas.').optional(),
    page,
    pageSize: z.coerce
      .number('La taille de page est un nombre.')
      .int('La taille de page est un nombre entier.')
      .min(1, 'Au moins un mot par page.')
      .max(200, '200 mots par page au plus.')
      .default(50),
  },
  UNKNOWN_PARAMETER,
);

export const detailsQuery = z.strictObject(
  {
    page,
    pageSize: z.coerce
      .number('La taille de page est un nombre.')
      .int('La taille de page est un nombre entier.')
      .min(1, 'Au moins un mot par page.')
      .max(100, '100 mots par page au plus.')
      .default(100),
  },
  UNKNOWN_PARAMETER,
);

export const latestQuery = z.strictObject(
  {
    limit: z.coerce
      .number('Le nombre de mots est un nombre.')
      .int('Le nombre de mots est un nombre entier.')
      .min(1, 'Au moins un mot.')
      .max(50, '50 mots au plus.')
      .default(10),
  },
  UNKNOWN_PARAMETER,
);

export const searchQuery = z.strictObject(
  {
    q: z
      .string('La recherche est un texte.')
      .trim()
      .min(1, 'Écrivez le mot que vous cherchez.')
      .max(80, 'La recherche compte 80 caractères au plus.'),
    limit: z.coerce
      .number('Le nombre de résultats est un nombre.')
      .int('Le nombre de résultats est un nombre entier.')
      .min(1, 'Au moins un résultat.')
      .max(50, '50 résultats au plus.')
      .default(10),
  },
  UNKNOWN_PARAMETER,
);

export const emptyQuery = z.strictObject({}, UNKNOWN_PARAMETER);

export const slugParam = z.strictObject({
  slug: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/, 'Ce mot n’existe pas dans le dictionnaire.'),
});
