import { z } from 'zod';
import { PAGE_FIELDS, UNKNOWN_PARAMETER } from '../utils/list-query';
import { PUBLICS, THEMATIQUES, valuesOf } from '../../../shared/contracts/directory-values';

const THEMATIQUE_VALUES = new Set<string>(valuesOf(THEMATIQUES));
const PUBLIC_VALUES = new Set<string>(valuesOf(PUBLICS));

const isoDate = (name: string) =>
  z
    .string(`${name} est une date AAAA-MM-JJ.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} est une date AAAA-MM-JJ, par exemple 2026-07-01.`)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, `${name} n’existe pas dans le calendrier.`)
    .refine((value) => value >= '1970-01-01' && value <= '2199-12-31', `${name} est entre 1970 et 2199.`)
    .optional();

/** Filters common to the three lists; every one optional, every value bounded. */
const FILTERS = {
  thematique: z
    .string('La thématique est un texte.')
    .refine((value) => THEMATIQUE_VALUES.has(value), 'Thématique inconnue de la liste data·inclusion.')
    .optional(),
  public: z
    .string('Le public est un texte.')
    .refine((value) => PUBLIC_VALUES.has(value), 'Public inconnu de la liste data·inclusion.')
    .optional(),
  commune: z
    .string('La commune est un texte.')
    .trim()
    .min(1, 'Nom de commune vide.')
    .max(100, 'Nom de commune trop long (100 caractères au plus).')
    .optional(),
  code_insee: z
    .string('Le code INSEE est un texte.')
    .regex(/^\d[0-9AB]\d{3}$/, 'Le code INSEE de la commune compte 5 caractères, par exemple 69388.')
    .optional(),
  q: z
    .string('La recherche est un texte.')
    .trim()
    .min(2, 'Cherchez au moins 2 caractères.')
    .max(100, 'Recherche trop longue (100 caractères au plus).')
    .optional(),
  centre: z
    .string('Le centre est désigné par son identifiant.')
    .regex(/^[a-z0-9-]{1,80}$/, 'Identifiant de centre invalide (lettres minuscules, chiffres et tirets).')
    .optional(),
};

const DATE_RANGE = { from: isoDate('La date de début (from)'), to: isoDate('La date de fin (to)') };

const rangeInOrder = (query: { from?: string; to?: string }) => !query.from || !query.to || query.from <= query.to;
const RANGE_MESSAGE = { message: 'La date de fin (to) vient après la date de début (from).', path: ['to'] };

export const directoryQuery = z.strictObject({ ...PAGE_FIELDS, ...FILTERS }, UNKNOWN_PARAMETER);
export const eventQuery = z
  .strictObject({ ...PAGE_FIELDS, ...FILTERS, ...DATE_RANGE }, UNKNOWN_PARAMETER)
  .refine(rangeInOrder, RANGE_MESSAGE);
/** The calendar feed: the same filters, no pages. */
export const calendarQuery = z
  .strictObject({ ...FILTERS, ...DATE_RANGE }, UNKNOWN_PARAMETER)
  .refine(rangeInOrder, RANGE_MESSAGE);
export const documentIdParam = z.strictObject({
  documentId: z.string().regex(/^[a-z0-9]{10,40}$/, 'Identifiant d’événement invalide.'),
});

export type DirectoryFilters = z.infer<typeof calendarQuery>;
