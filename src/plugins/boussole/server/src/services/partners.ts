import type { Core } from '@strapi/strapi';
import { fieldError, parseOrThrow } from '@csc/plugin-core/toolkit';
import { GLOSSARY_TERM_UID, RESOURCE_UID } from '../../../shared/permissions';
import type { PartnerContribution } from '../../../shared/contracts/partner';
import { coreService } from '../core-services';
import { partnerGlossaryTerm, partnerResource } from '../resources/partner-input';
import { getService } from '../utils/get-service';

/** A logged-in Users & Permissions account with the « Partenaire » role. */
export interface PartnerUser {
  id: number;
  email?: string | null;
}

export type PartnerKind = 'resources' | 'glossary-terms';

const UIDS: Record<PartnerKind, string> = { resources: RESOURCE_UID, 'glossary-terms': GLOSSARY_TERM_UID };
const TITLE: Record<PartnerKind, string> = { resources: 'title', 'glossary-terms': 'term' };
const OWN_LIMIT = 500;

/**
 * Partners propose resources and glossary terms for a compass; each one is a draft until the
 * compass's centre accepts it in core moderation (Socle › Modération).
 */
const createPartnersService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(user: PartnerUser, kind: PartnerKind, body: unknown): Promise<{ id: string; published: boolean }> {
    const input = parseOrThrow(kind === 'resources' ? partnerResource : partnerGlossaryTerm, body ?? {});
    const { compass: slug, ...fields } = input;
    const compass = await getService(strapi, 'compasses')
      .bySlug(slug)
      .catch(() => {
        throw fieldError('compass', 'Cette boussole n’existe pas.');
      });
    const themes = new Set([...(compass.themes ?? []), ...(compass.localThemes ?? []).map((theme) => theme.code)]);
    const outside = fields.themes.filter((theme) => !themes.has(theme));
    if (outside.length > 0) {
      throw fieldError('themes', `Thématique absente de cette boussole : ${outside.slice(0, 3).join(', ')}.`);
    }
    const created = await coreService(strapi, 'moderation').submit(
      UIDS[kind],
      { ...fields, proposedBy: user.id, ...(compass.centre ? { centre: compass.centre.id } : {}) },
      user.email ? { submitter: { email: user.email } } : {},
    );
    return { id: created.documentId, published: created.published };
  },

  /** What the partner proposed, newest first, with the latest decision on each. */
  async list(user: PartnerUser, kind: PartnerKind): Promise<PartnerContribution[]> {
    const uid = UIDS[kind];
    const rows = (await strapi.documents(uid as typeof RESOURCE_UID).findMany({
      status: 'draft',
      filters: { proposedBy: { id: user.id } },
      fields: ['documentId', TITLE[kind], 'createdAt', 'publishedAt'],
      sort: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit: OWN_LIMIT,
    } as never)) as unknown as Record<string, unknown>[];
    const statuses = await coreService(strapi, 'moderation').contributionStatuses(
      uid,
      rows.map((row) => String(row.documentId)),
    );
    return rows.map((row) => {
      const id = String(row.documentId);
      const { status, message } = statuses.get(id) ?? { status: 'pending' as const, message: null };
      return {
        id,
        title: String(row[TITLE[kind]]),
        status,
        message,
        createdAt: new Date(row.createdAt as string).toISOString(),
      };
    });
  },
});

export type PartnersService = ReturnType<typeof createPartnersService>;
export default createPartnersService;
