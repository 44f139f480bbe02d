import type { Core, UID } from '@strapi/strapi';
import { DEFINITION_UID, REQUEST_UID, WORD_UID } from '../../../shared/permissions';
import { foldText, isSameKey, wordKey } from '../../../shared/normalise';
import { fieldError } from '@csc/plugin-core/toolkit';
import { getService } from '../utils/get-service';

type Data = Record<string, unknown>;

const MAX_VARIANTS = 20;

/** « Mot de passe » → « mot-de-passe »; never empty. */
function slugOf(term: string): string {
  return foldText(term).replace(/ /g, '-').slice(0, 100) || 'mot';
}

function cleanVariants(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : null;
  if (!list || list.some((item) => typeof item !== 'string' || item.trim().length === 0 || item.length > 80)) {
    throw fieldError('variants', 'Les autres écritures sont une liste de mots entre crochets : ["wifi", "wi fi"].');
  }
  if (list.length > MAX_VARIANTS) throw fieldError('variants', `${MAX_VARIANTS} autres écritures au plus.`);
  return [...new Set((list as string[]).map((item) => item.replace(/\s+/g, ' ').trim()))];
}

/**
 * What must hold whoever writes (contributors, the content manager, the demo): a word's search
 * key and slug follow its term, an illustration always has its alternative text, and a
 * definition's publication publishes its word, closes the requests for that word and queues the
 * notices to the people who asked.
 */
export function watchWrites(strapi: Core.Strapi): void {
  async function uniqueSlug(term: string): Promise<string> {
    const base = slugOf(term);
    for (let suffix = 1; suffix < 1000; suffix += 1) {
      const slug = suffix === 1 ? base : `${base}-${suffix}`;
      if (!(await strapi.db.query(WORD_UID).findOne({ where: { slug }, select: ['id'] }))) return slug;
    }
    return `${base}-${Date.now()}`;
  }

  async function checkIllustration(data: Data, documentId?: string): Promise<void> {
    const alt = typeof data.illustration_alt === 'string' ? data.illustration_alt.trim() : '';
    let illustration = data.illustration;
    if (illustration === undefined && documentId && 'illustration_alt' in data) {
      const current = (await strapi.db.query(DEFINITION_UID).findOne({
        where: { documentId, publishedAt: { $null: true } },
        populate: { illustration: { select: ['id'] } },
      })) as { illustration?: unknown } | null;
      illustration = current?.illustration;
    }
    const present = Array.isArray(illustration) ? illustration.length > 0 : Boolean(illustration);
    if (present && !alt) {
      throw fieldError(
        'illustration_alt',
        'Décrivez l’illustration en une phrase (texte alternatif) : elle est lue aux personnes qui ne voient pas l’image.',
      );
    }
  }

  /** The word of a definition's draft, published first so the definition links to it. */
  async function publishWordOf(documentId: string): Promise<void> {
    const draft = (await strapi.db.query(DEFINITION_UID).findOne({
      where: { documentId, publishedAt: { $null: true } },
      populate: { word: { select: ['documentId'] } },
    })) as { word?: { documentId: string } | null } | null;
    const word = draft?.word?.documentId;
    if (!word) return;
    const published = await strapi.db
      .query(WORD_UID)
      .findOne({ where: { documentId: word, publishedAt: { $notNull: true } }, select: ['id'] });
    if (!published) await strapi.documents(WORD_UID as UID.ContentType).publish({ documentId: word } as never);
  }

  /** The requests this definition answers: its own, and any other for the word or a variant. */
  async function closeRequests(documentId: string): Promise<void> {
    const draft = (await strapi.db.query(DEFINITION_UID).findOne({
      where: { documentId, publishedAt: { $null: true } },
      populate: { word: { select: ['term', 'variants', 'slug'] }, request: { select: ['id'] } },
    })) as {
      word?: { term: string; variants: string[] | null; slug: string } | null;
      request?: { id: number } | null;
    } | null;
    if (!draft?.word) return;
    const keys = [draft.word.term, ...(draft.word.variants ?? [])].map(wordKey).filter(Boolean);
    const open = (await strapi.db.query(REQUEST_UID).findMany({
      where: { status: { $ne: 'defined' } },
      select: ['id', 'key'],
      limit: 5000,
    })) as { id: number; key: string }[];
    const ids = new Set(open.filter((row) => keys.some((key) => isSameKey(key, row.key))).map((row) => row.id));
    if (draft.request) ids.add(draft.request.id);
    if (ids.size === 0) return;
    await strapi.db.query(REQUEST_UID).updateMany({
      where: { id: { $in: [...ids] }, status: { $ne: 'defined' } },
      data: { status: 'defined', defined_slug: draft.word.slug, defined_at: new Date() },
    });
    await getService(strapi, 'notices').notifyRequesters([...ids], draft.word.slug);
  }

  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (uid !== WORD_UID && uid !== DEFINITION_UID) return next();
    const params = context.params as { data?: Data; documentId?: string };
    const writes = action === 'create' || action === 'update';
    if (uid === WORD_UID && writes && params.data) {
      const data = { ...params.data };
      if (typeof data.term === 'string') {
        data.search_key = wordKey(data.term).slice(0, 255);
        if (action === 'create' && !data.slug) data.slug = await uniqueSlug(data.term);
      }
      if ('variants' in data) data.variants = cleanVariants(data.variants);
      params.data = data;
    }
    if (uid === DEFINITION_UID && writes && params.data) await checkIllustration(params.data, params.documentId);
    if (uid === DEFINITION_UID && action === 'publish' && params.documentId) await publishWordOf(params.documentId);
    const result = await next();
    if (uid === DEFINITION_UID && action === 'publish' && params.documentId) await closeRequests(params.documentId);
    getService(strapi, 'words').forget();
    return result;
  });
}
