import { z } from 'zod';
import {
  AUDIENCES,
  PAGE_KINDS,
  type CentreSiteResponse,
  type ListResponse,
  type PublicActivity,
  type PublicNewsItem,
} from '@csc/plugin-site/shared';

const nullableText = z.string().nullable();
const richText = z.array(z.unknown()).nullable();
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'date illisible');

const image = z
  .object({
    url: z.string().min(1),
    alternativeText: nullableText,
    width: z.number().nullable(),
    height: z.number().nullable(),
  })
  .strict()
  .nullable();

export const centreSiteSchema = z
  .object({
    centre: z
      .object({
        name: z.string().min(1),
        slug: z.string().min(1),
        street: nullableText,
        postalCode: nullableText,
        city: nullableText,
        phone: nullableText,
        email: nullableText,
        website: nullableText,
        primaryColour: nullableText,
        openingHours: nullableText,
        logo: image,
      })
      .strict(),
    pages: z.array(
      z
        .object({
          kind: z.enum(PAGE_KINDS),
          title: z.string().min(1),
          summary: nullableText,
          body: richText,
          updatedAt: isoDate,
        })
        .strict(),
    ),
  })
  .strict();

const activity = z
  .object({
    documentId: z.string().min(1),
    slug: z.string().min(1),
    title: z.string().min(1),
    audience: z.enum(AUDIENCES),
    summary: nullableText,
    description: richText,
    schedule: nullableText,
    place: nullableText,
    price: nullableText,
    registration: nullableText,
    image,
    updatedAt: isoDate,
  })
  .strict();

const newsItem = z
  .object({
    documentId: z.string().min(1),
    slug: z.string().min(1),
    title: z.string().min(1),
    date: isoDate,
    summary: nullableText,
    body: richText,
    image,
    updatedAt: isoDate,
  })
  .strict();

const meta = z
  .object({
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().min(0),
    pages: z.number().int().min(1),
  })
  .strict();

export const activityListSchema = z.object({ data: z.array(activity), meta }).strict();
export const newsListSchema = z.object({ data: z.array(newsItem), meta }).strict();

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const siteSchemasMatchContract: [
  Same<z.infer<typeof centreSiteSchema>, CentreSiteResponse>,
  Same<z.infer<typeof activityListSchema>, ListResponse<PublicActivity>>,
  Same<z.infer<typeof newsListSchema>, ListResponse<PublicNewsItem>>,
] = [true, true, true];
