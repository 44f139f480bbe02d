import { z } from 'zod';
import {
  WORD_CATEGORIES,
  type LatestWords,
  type PublicContributors,
  type WordDetail,
  type WordDetailsPage,
  type WordIndex,
} from '@csc/plugin-dictionnaire/shared';

const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'date illisible');

const summaryShape = {
  slug: z.string().min(1),
  term: z.string().min(1),
  variants: z.array(z.string()),
  category: z.enum(WORD_CATEGORIES),
  letter: z.string().min(1),
};
const wordSummary = z.object(summaryShape).strict();

const media = { url: z.string().min(1), mime: z.string().nullable() };

const definition = z
  .object({
    id: z.string().min(1),
    text: z.string().min(1),
    example: z.string(),
    illustration: z
      .object({ ...media, alt: z.string().min(1) })
      .strict()
      .nullable(),
    audio: z.object(media).strict().nullable(),
    credit: z
      .object({
        group: z.string().min(1),
        commune: z.string(),
        year: z.number().int(),
        structure: z.object({ name: z.string(), commune: z.string() }).strict().nullable(),
      })
      .strict(),
    publishedAt: isoDate,
  })
  .strict();

export const wordIndexSchema = z
  .object({ data: z.array(wordSummary), meta: z.object({ total: z.number().int().min(0) }).strict() })
  .strict();

export const latestWordsSchema = z
  .object({ data: z.array(z.object({ ...summaryShape, publishedAt: isoDate }).strict()) })
  .strict();

const wordDetail = z
  .object({
    ...summaryShape,
    definition: definition.nullable(),
    otherDefinitions: z.array(definition),
    related: z.array(wordSummary),
    updatedAt: isoDate,
  })
  .strict();
export const wordDetailSchema = z.object({ data: wordDetail }).strict();
export const wordDetailsPageSchema = z
  .object({
    data: z.array(wordDetail),
    meta: z
      .object({
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z.number().int(),
        pageCount: z.number().int(),
      })
      .strict(),
  })
  .strict();

export const contributorsSchema = z
  .object({
    data: z.array(
      z
        .object({
          name: z.string().min(1),
          kind: z.string(),
          commune: z.string(),
          definitions: z.number().int().min(0),
        })
        .strict(),
    ),
  })
  .strict();

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const dictionnaireSchemasMatchContract: [
  Same<z.infer<typeof wordIndexSchema>, WordIndex>,
  Same<z.infer<typeof latestWordsSchema>, LatestWords>,
  Same<z.infer<typeof wordDetail>, WordDetail>,
  Same<z.infer<typeof wordDetailsPageSchema>, WordDetailsPage>,
  Same<z.infer<typeof contributorsSchema>, PublicContributors>,
] = [true, true, true, true, true];
