import { z } from 'zod';
import { PAGE_FIELDS, UNKNOWN_PARAMETER } from '@csc/plugin-core/toolkit';
import { COMPASS_LARGEST_PAGE, GLOSSARY_LETTERS } from '../../../shared/contracts/values';
import { isoDay } from '../validation/fields';

/**
 * Public query parameters. Values are bounded here; whether a theme, audience or commune belongs
 * to the compass is checked against it by the view (`view.ts`), with the same French 400.
 */
const word = (label: string, max = 120) =>
  z.string(`${label} est un texte.`).trim().min(1, `${label} est vide.`).max(max, `${label} est trop long.`);

const q = z
  .string('La recherche est un texte.')
  .trim()
  .min(2, 'Cherchez au moins 2 caractères.')
  .max(100, 'Recherche trop longue (100 caractères au plus).');

export const compassParams = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Identifiant de boussole invalide.')
    .max(60, 'Identifiant de boussole invalide.'),
});

export const entryParams = compassParams.extend({
  id: z.string().regex(/^[a-z0-9-]{1,100}$/, 'Identifiant invalide.'),
});

const FILTERS = {
  theme: word('La thématique').optional(),
  audience: word('Le public').optional(),
  commune: word('La commune', 100).optional(),
  q: q.optional(),
};

const range = {
  from: isoDay.optional(),
  to: isoDay.optional(),
};

const COMPASS_PAGE_FIELDS = {
  ...PAGE_FIELDS,
  pageSize: z.coerce
    .number('La taille de page est un nombre.')
    .int('La taille de page est un nombre entier.')
    .min(1, 'Au moins une ligne par page.')
    .max(COMPASS_LARGEST_PAGE, `${COMPASS_LARGEST_PAGE} lignes par page au plus.`)
    .default(25),
};

export const directoryQuery = z.strictObject({ ...COMPASS_PAGE_FIELDS, ...FILTERS }, UNKNOWN_PARAMETER);

export const eventQuery = z
  .strictObject({ ...COMPASS_PAGE_FIELDS, ...FILTERS, ...range }, UNKNOWN_PARAMETER)
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'La date de fin (to) vient après la date de début (from).',
    path: ['to'],
  });

export const resourceQuery = z.strictObject(
  {
    ...PAGE_FIELDS,
    theme: FILTERS.theme,
    audience: FILTERS.audience,
    kind: word('Le type').optional(),
    q: q.optional(),
  },
  UNKNOWN_PARAMETER,
);

export const glossaryQuery = z.strictObject(
  {
    ...PAGE_FIELDS,
    // A glossary is read whole by the site: larger pages than the directory's.
    pageSize: z.coerce
      .number('La taille de page est un nombre.')
      .int('La taille de page est un nombre entier.')
      .min(1, 'Au moins un mot par page.')
      .max(500, '500 mots par page au plus.')
      .default(100),
    letter: z
      .string('La lettre est un texte.')
      .transform((value) => value.toUpperCase())
      .refine((value) => (GLOSSARY_LETTERS as readonly string[]).includes(value), 'Une lettre de A à Z, ou #.')
      .optional(),
    q: q.optional(),
  },
  UNKNOWN_PARAMETER,
);

export const noQuery = z.strictObject({}, UNKNOWN_PARAMETER);
