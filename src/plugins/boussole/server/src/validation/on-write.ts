import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parseOrThrow } from '@csc/plugin-core/toolkit';
import { GLOSSARY_TERM_UID, RESOURCE_UID } from '../../../shared/permissions';
import { RESOURCE_KINDS } from '../../../shared/contracts/values';
import { audienceList, codeList, documentId, httpUrl, isoDay, slug, slugify } from './fields';
import { knownThemes } from './themes';

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const themes = (known: Set<string>) =>
  codeList('thématique', (value) => known.has(value)).min(1, 'Choisissez au moins une thématique.');

const text = (label: string, min: number, max: number) =>
  z
    .string(`${label} est un texte.`)
    .trim()
    .min(min, `${label} compte au moins ${min} caractères.`)
    .max(max, `${label} compte ${max} caractères au plus.`);

/** Only the fields present are checked: an update may send one field. */
function resourceFields(known: Set<string>) {
  return z.object({
    title: text('Le titre', 3, 150).optional(),
    kind: z
      .enum(
        RESOURCE_KINDS.map((kind) => kind.value),
        'Le type est « article », « guide », « video » ou « fichier ».',
      )
      .optional(),
    summary: text('Le résumé', 10, 400).optional(),
    body: optional(z.string('Le texte est un texte.').max(20000, 'Le texte compte 20 000 caractères au plus.')),
    audiences: optional(audienceList),
    themes: themes(known).optional(),
    source: optional(z.string().max(200, 'La source compte 200 caractères au plus.')),
    licence: optional(z.string().max(120, 'La licence compte 120 caractères au plus.')),
    date: optional(z.union([isoDay, z.date()])),
    url: optional(z.union([z.literal(''), httpUrl])),
  });
}

function glossaryFields(known: Set<string>) {
  return z.object({
    term: text('Le mot', 2, 100).optional(),
    definition: text('La définition', 10, 2000).optional(),
    themes: themes(known).optional(),
    relatedTerms: optional(z.array(slug, 'Les mots liés forment une liste.').max(20, '20 mots liés au plus.')),
    relatedSchemes: optional(
      z.array(text('Un dispositif', 2, 120), 'Les dispositifs forment une liste.').max(20, '20 dispositifs au plus.'),
    ),
    relatedStructures: optional(
      z.array(documentId, 'Les structures liées forment une liste.').max(20, '20 structures liées au plus.'),
    ),
  });
}

const TITLE_FIELD: Record<string, string> = { [RESOURCE_UID]: 'title', [GLOSSARY_TERM_UID]: 'term' };

/** A free address from the title: `conge-parental`, else `conge-parental-2`… */
async function freeSlug(strapi: Core.Strapi, uid: string, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set(
    (
      (await strapi.db.query(uid as typeof RESOURCE_UID).findMany({
        where: { slug: { $startsWith: base } },
        select: ['slug'],
      })) as { slug: string }[]
    ).map((row) => row.slug),
  );
  let candidate = base;
  for (let index = 2; taken.has(candidate); index += 1) candidate = `${base}-${index}`;
  return candidate;
}

/**
 * Resources and glossary terms are checked on every write, whoever writes (content manager,
 * partners through moderation, the demo), in French; a new one without address gets one from
 * its title, since only the content manager fills `uid` fields by itself.
 */
export function validateOnWrite(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const titleField = TITLE_FIELD[context.uid];
    if (titleField && (context.action === 'create' || context.action === 'update')) {
      const params = context.params as { data?: Record<string, unknown> };
      const data = params.data ?? {};
      const known = await knownThemes(strapi);
      parseOrThrow(context.uid === RESOURCE_UID ? resourceFields(known) : glossaryFields(known), data);
      if (context.action === 'create' && !data.slug && typeof data[titleField] === 'string') {
        params.data = { ...data, slug: await freeSlug(strapi, context.uid, data[titleField] as string) };
      }
    }
    return next();
  });
}
