import { z } from 'zod';
import {
  PUBLICS,
  THEMATIQUES,
  type DirectoryEvent,
  type DirectoryListResponse,
  type Public,
  type Thematique,
} from '@csc/plugin-core/shared';

const nullableText = z.string().nullable();
const nullableNumber = z.number().nullable();
/** Children's ages in whole years (core's `AgeRange`), null when the entry says nothing. */
export const age = z.number().int().min(0).max(25).nullable();
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'date illisible');
const publics = PUBLICS.map((item) => item.value) as [Public, ...Public[]];
const thematiques = THEMATIQUES.map((item) => item.value) as [Thematique, ...Thematique[]];

export const placeSchema = z
  .object({
    id: z.string().min(1),
    nom: z.string().min(1),
    adresse: nullableText,
    complement_adresse: nullableText,
    code_postal: nullableText,
    commune: nullableText,
    code_insee: nullableText,
    latitude: nullableNumber,
    longitude: nullableNumber,
    accessibilite: nullableText,
    accessibilite_lieu: nullableText,
  })
  .strict();

export const eventSchema = z
  .object({
    id: z.string().min(1),
    titre: z.string().min(1),
    description: nullableText,
    date_debut: isoDate,
    date_fin: isoDate.nullable(),
    journee_entiere: z.boolean(),
    recurrence: nullableText,
    prochaine_date: isoDate,
    lieu: placeSchema.nullable(),
    organisateur: z
      .object({ id: z.string().min(1), nom: z.string().min(1) })
      .strict()
      .nullable(),
    publics: z.array(z.enum(publics)),
    age_min: age,
    age_max: age,
    thematiques: z.array(z.enum(thematiques)),
    prix: nullableText,
    inscription: nullableText,
    lien_inscription: nullableText,
    centre: z
      .object({ name: z.string().min(1), slug: z.string().min(1) })
      .strict()
      .nullable(),
    date_maj: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ attendue'),
  })
  .strict();

export const eventListSchema = z
  .object({
    data: z.array(eventSchema),
    meta: z
      .object({
        page: z.number().int().min(1),
        pageSize: z.number().int().min(1),
        total: z.number().int().min(0),
        pageCount: z.number().int().min(1),
      })
      .strict(),
  })
  .strict();

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const directorySchemasMatchContract: Same<
  z.infer<typeof eventListSchema>,
  DirectoryListResponse<DirectoryEvent>
> = true;
