import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { PAGE_FIELDS, UNKNOWN_PARAMETER, parseOrThrow } from '@csc/plugin-core/toolkit';
import {
  THEMATIQUES,
  type DirectoryEvent,
  type DirectoryListResponse,
  type DirectoryScope,
  type DirectoryStructure,
} from '@csc/plugin-core/shared';
import { EMPLOYMENT_THEME_FAMILIES } from '../../../shared/contracts/values';
import { coreService } from '../core-services';
import { isoDay } from '../offers/fields';

/** Every data·inclusion theme of the employment families. */
export const EMPLOYMENT_THEMES: readonly string[] = THEMATIQUES.map((theme) => theme.value).filter((value) =>
  EMPLOYMENT_THEME_FAMILIES.some((family) => value.startsWith(`${family}--`)),
);

const word = (label: string, max: number) =>
  z.string(`${label} est un texte.`).trim().min(1, `${label} est vide.`).max(max, `${label} est trop long.`);

const FILTERS = {
  ...PAGE_FIELDS,
  thematique: word('La thématique', 120).optional(),
  commune: word('La commune', 100).optional(),
  q: z
    .string('La recherche est un texte.')
    .trim()
    .min(2, 'Cherchez au moins 2 caractères.')
    .max(100, 'Recherche trop longue (100 caractères au plus).')
    .optional(),
};

export const actorsQuery = z.strictObject(FILTERS, UNKNOWN_PARAMETER);
export const eventsQuery = z
  .strictObject({ ...FILTERS, from: isoDay.optional(), to: isoDay.optional() }, UNKNOWN_PARAMETER)
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'La date de fin (to) vient après la date de début (from).',
    path: ['to'],
  });

function scopeOf(thematique: string | undefined, commune: string | undefined): DirectoryScope {
  if (thematique && !EMPLOYMENT_THEMES.includes(thematique)) {
    const message = 'Cette thématique n’est pas une thématique de l’emploi.';
    throw new errors.ValidationError(message, { errors: [{ path: ['thematique'], message, name: 'ValidationError' }] });
  }
  return { thematiques: thematique ? [thematique] : EMPLOYMENT_THEMES, ...(commune ? { communes: [commune] } : {}) };
}

/**
 * The employment view of core's shared directory and agenda (France Travail, Mission Locale,
 * PLIE, SIAE, business-creation support, training; job datings, forums, workshops), read through
 * core's directory service with the employment themes as a standing scope, never copied.
 */
const createActorsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const directory = () => coreService(strapi, 'directory');
  return {
    async structures(query: unknown): Promise<DirectoryListResponse<DirectoryStructure>> {
      const { page, pageSize, thematique, commune, q } = parseOrThrow(actorsQuery, query);
      return directory().structures(q ? { q } : {}, { page, pageSize }, scopeOf(thematique, commune));
    },
    async events(query: unknown): Promise<DirectoryListResponse<DirectoryEvent>> {
      const { page, pageSize, thematique, commune, q, from, to } = parseOrThrow(eventsQuery, query);
      return directory().events(
        { ...(q ? { q } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) },
        { page, pageSize },
        scopeOf(thematique, commune),
      );
    },
  };
};

export type ActorsService = ReturnType<typeof createActorsService>;
export default createActorsService;
