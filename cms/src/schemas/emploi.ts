import { z } from 'zod';
import type { DirectoryEvent, DirectoryListResponse, DirectoryStructure } from '@csc/plugin-core/shared';
import {
  APPLY_METHOD_VALUES,
  CONTRACT_VALUES,
  SECTOR_VALUES,
  type OfferResponse,
  type OffersResponse,
} from '@csc/plugin-emploi/shared';
import { compassStructuresSchema } from './boussole';
import { eventListSchema } from './directory';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ attendue');
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'date illisible');

const offer = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    romeCode: z.string().nullable(),
    employer: z.object({ name: z.string().min(1) }).strict(),
    sector: z.enum(SECTOR_VALUES).nullable(),
    contract: z.enum(CONTRACT_VALUES),
    hoursPerWeek: z.number().nullable(),
    commune: z.string().min(1),
    postalCode: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    description: z.string(),
    profile: z.string().nullable(),
    startDate: day.nullable(),
    validUntil: day,
    datePosted: isoDate,
    apply: z
      .object({ method: z.enum(APPLY_METHOD_VALUES), email: z.string().nullable(), url: z.string().nullable() })
      .strict(),
    status: z.enum(['open', 'closed']),
    centre: z
      .object({ name: z.string().min(1), slug: z.string().min(1) })
      .strict()
      .nullable(),
  })
  .strict();

export const offersSchema = z
  .object({
    data: z.array(offer),
    meta: z
      .object({
        page: z.number().int().min(1),
        pageSize: z.number().int().min(1),
        total: z.number().int().min(0),
        pageCount: z.number().int().min(0),
      })
      .strict(),
  })
  .strict();

export const offerSchema = z.object({ data: offer }).strict();

/** The employment view of the directory and the agenda has the shape of core's lists. */
export const actorsSchema = compassStructuresSchema;
export const employmentEventsSchema = eventListSchema;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const emploiSchemasMatchContract: [
  Same<z.infer<typeof offersSchema>, OffersResponse>,
  Same<z.infer<typeof offerSchema>, OfferResponse>,
  Same<z.infer<typeof actorsSchema>, DirectoryListResponse<DirectoryStructure>>,
  Same<z.infer<typeof employmentEventsSchema>, DirectoryListResponse<DirectoryEvent>>,
] = [true, true, true, true];
