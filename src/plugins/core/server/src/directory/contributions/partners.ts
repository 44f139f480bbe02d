import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EVENT_UID, PLACE_UID, SERVICE_UID, STRUCTURE_UID } from '../../../../shared/contracts/directory';
import type { PartnerEntry, PartnerKind } from '../../../../shared/contracts/directory-contributions';
import type { ModerationStatus } from '../../../../shared/contracts/moderation';
import { MODERATION_ITEM_UID } from '../../../../shared/permissions';
import { getService } from '../../utils/get-service';
import { centreIdBySlug } from './centres';
import { fieldError, forbidden } from '../../utils/errors';
import {
  eventEdit,
  partnerEventCreate,
  partnerServiceCreate,
  parseContribution,
  partnerStructureCreate,
  serviceEdit,
  structureEdit,
} from './schemas';

/** A logged-in Users & Permissions account. */
export interface PartnerUser {
  id: number;
  email?: string | null;
}

type Row = Record<string, unknown> & { documentId: string };

/** A partner reads and writes this much of their own entries at most. */
const OWN_LIMIT = 500;

const UIDS: Record<PartnerKind, string> = { structures: STRUCTURE_UID, services: SERVICE_UID, events: EVENT_UID };

const NOT_FOUND: Record<PartnerKind, string> = {
  structures: 'Cette structure n’existe pas.',
  services: 'Ce service n’existe pas.',
  events: 'Cet événement n’existe pas.',
};

const NOT_YOURS: Record<PartnerKind, string> = {
  structures: 'Cette structure n’est pas rattachée à votre compte : vous ne pouvez pas la modifier.',
  services: 'Ce service appartient à une structure qui n’est pas rattachée à votre compte.',
  events: 'Cet événement est organisé par une structure qui n’est pas rattachée à votre compte.',
};

const submitterOf = (user: PartnerUser) => (user.email ? { email: user.email } : undefined);

/**
 * What a partner (a Users & Permissions account linked to structures by staff, through the
 * structure's « Partenaires » field) may do: see their structures, services and events with
 * their moderation state, propose new ones, and propose edits. Everything goes through core
 * moderation; an entry is theirs when its structure (organiser, for events) lists them, as
 * the draft says — the draft is what staff edit.
 */
export function createPartnerContributions(strapi: Core.Strapi) {
  const documents = (uid: string) => strapi.documents(uid as UID.ContentType);

  async function ownStructureIds(user: PartnerUser): Promise<string[]> {
    const rows = (await documents(STRUCTURE_UID).findMany({
      status: 'draft',
      filters: { partenaires: { id: user.id } },
      fields: ['documentId'],
      limit: OWN_LIMIT,
    } as never)) as unknown as Row[];
    return rows.map((row) => row.documentId);
  }

  async function draftOf(uid: string, documentId: string, populate: Record<string, unknown>): Promise<Row | null> {
    return (await documents(uid).findOne({ documentId, status: 'draft', populate } as never)) as Row | null;
  }

  /** The structure an entry hangs from: the structure itself, a service's, an event's organiser. */
  function ownerOf(kind: PartnerKind, entry: Row): string | null {
    if (kind === 'structures') return entry.documentId;
    const link = (kind === 'services' ? entry.structure : entry.organisateur) as Row | null | undefined;
    return link?.documentId ?? null;
  }

  /** A structure of the partner's, with its centre; 403 when it is someone else's. */
  async function ownStructure(
    user: PartnerUser,
    documentId: string,
    field: string,
  ): Promise<{ centre: number | null }> {
    const structure = await draftOf(STRUCTURE_UID, documentId, {
      centre: { fields: ['id'] },
      partenaires: { fields: ['id'], filters: { id: user.id } },
    });
    if (!structure) throw fieldError(field, 'Cette structure n’existe pas.');
    if (((structure.partenaires as unknown[]) ?? []).length === 0) {
      throw forbidden('Cette structure n’est pas rattachée à votre compte : vous ne pouvez rien proposer en son nom.');
    }
    return { centre: (structure.centre as { id: number } | null)?.id ?? null };
  }

  async function placeOf(documentId: string, centre: number | null): Promise<void> {
    const place = (await documents(PLACE_UID).findOne({
      documentId,
      status: 'published',
      populate: { centre: { fields: ['id'] } },
    } as never)) as Row | null;
    if (!place || ((place.centre as { id: number } | null)?.id ?? null) !== centre) {
      throw fieldError('lieu', 'Ce lieu n’existe pas dans l’agenda de ce centre.');
    }
  }

  /** The latest moderation item of each entry, and how many proposals wait. */
  async function moderationOf(uid: string, ids: string[]) {
    const rows = (await strapi.db.query(MODERATION_ITEM_UID).findMany({
      where: { subjectUid: uid, subjectId: { $in: ids }, kind: { $in: ['new', 'edit'] } },
      select: ['subjectId', 'kind', 'status', 'createdAt', 'decidedAt', 'message'],
      orderBy: { id: 'desc' },
      limit: OWN_LIMIT * 4,
    })) as {
      subjectId: string;
      kind: 'new' | 'edit';
      status: ModerationStatus;
      createdAt: string | Date;
      decidedAt: string | Date | null;
      message: string | null;
    }[];
    const latest = new Map<string, (typeof rows)[number]>();
    const pending = new Map<string, number>();
    for (const row of rows) {
      if (!latest.has(row.subjectId)) latest.set(row.subjectId, row);
      if (row.status === 'pending') pending.set(row.subjectId, (pending.get(row.subjectId) ?? 0) + 1);
    }
    return { latest, pending };
  }

  return {
    /** The partner's own entries of one kind, each with where it stands in moderation. */
    async list(user: PartnerUser, kind: PartnerKind): Promise<PartnerEntry[]> {
      const uid = UIDS[kind];
      const structures = await ownStructureIds(user);
      if (structures.length === 0) return [];
      const filters =
        kind === 'structures'
          ? { documentId: { $in: structures } }
          : kind === 'services'
            ? { structure: { documentId: { $in: structures } } }
            : { organisateur: { documentId: { $in: structures } } };
      const title = kind === 'events' ? 'titre' : 'nom';
      const drafts = (await documents(uid).findMany({
        status: 'draft',
        filters,
        fields: ['documentId', title, 'updatedAt'],
        populate:
          kind === 'structures' ? {} : { [kind === 'services' ? 'structure' : 'organisateur']: { fields: ['nom'] } },
        sort: [{ [title]: 'asc' }],
        limit: OWN_LIMIT,
      } as never)) as unknown as Row[];
      const ids = drafts.map((row) => row.documentId);
      const published = new Set(
        (
          (await documents(uid).findMany({
            status: 'published',
            filters: { documentId: { $in: ids } },
            fields: ['documentId'],
            limit: OWN_LIMIT,
          } as never)) as unknown as Row[]
        ).map((row) => row.documentId),
      );
      const { latest, pending } = await moderationOf(uid, ids);
      return drafts.map((row) => {
        const item = latest.get(row.documentId);
        const parent = (kind === 'services' ? row.structure : row.organisateur) as Row | null | undefined;
        return {
          id: row.documentId,
          title: String(row[title] ?? ''),
          ...(kind === 'structures'
            ? {}
            : { structure: parent ? { id: parent.documentId, nom: String(parent.nom) } : null }),
          published: published.has(row.documentId),
          pendingProposals: pending.get(row.documentId) ?? 0,
          moderation: item
            ? {
                kind: item.kind,
                status: item.status,
                at: new Date(item.decidedAt ?? item.createdAt).toISOString(),
                message: item.status === 'pending' ? null : item.message,
              }
            : null,
        };
      });
    },

    /** A new structure, service or event from a partner: waits for a moderator (pre-moderation). */
    async create(user: PartnerUser, kind: PartnerKind, body: unknown) {
      const moderation = getService(strapi, 'moderation');
      const submitter = submitterOf(user);
      let created: { documentId: string; published: boolean };
      if (kind === 'structures') {
        const { centre, ...fields } = parseContribution(partnerStructureCreate, body ?? {});
        const centreId = centre ? await centreIdBySlug(strapi, centre) : undefined;
        created = await moderation.submit(
          STRUCTURE_UID,
          { ...fields, ...(centreId ? { centre: centreId } : {}), partenaires: [user.id] },
          { submitter },
        );
      } else if (kind === 'services') {
        const data = parseContribution(partnerServiceCreate, body ?? {});
        const { centre } = await ownStructure(user, data.structure, 'structure');
        created = await moderation.submit(SERVICE_UID, { ...data, centre }, { submitter });
      } else {
        const data = parseContribution(partnerEventCreate, body ?? {});
        const { centre } = await ownStructure(user, data.organisateur, 'organisateur');
        if (data.lieu) await placeOf(data.lieu, centre);
        created = await moderation.submit(EVENT_UID, { ...data, centre }, { submitter });
      }
      return { id: created.documentId, published: created.published };
    },

    /**
     * An edit of the partner's own entry, proposed to moderation: the published version stays
     * as it is until a moderator accepts (pre-moderation).
     */
    async edit(user: PartnerUser, kind: PartnerKind, documentId: string, body: unknown) {
      const uid = UIDS[kind];
      const schema = { structures: structureEdit, services: serviceEdit, events: eventEdit }[kind];
      const data = parseContribution(schema, body ?? {});
      const entry = /^[a-z0-9]{10,64}$/.test(documentId)
        ? await draftOf(uid, documentId, {
            ...(kind === 'services' ? { structure: { fields: ['documentId'] } } : {}),
            ...(kind === 'events' ? { organisateur: { fields: ['documentId'] } } : {}),
          })
        : null;
      if (!entry) throw new errors.NotFoundError(NOT_FOUND[kind]);
      const owner = ownerOf(kind, entry);
      if (!owner || !(await ownStructureIds(user)).includes(owner)) throw forbidden(NOT_YOURS[kind]);
      const published = await documents(uid).findOne({
        documentId,
        status: 'published',
        fields: ['documentId'],
      } as never);
      if (!published) {
        throw new errors.ApplicationError(
          'Cette fiche n’est pas encore en ligne : attendez la décision de l’équipe du centre avant de la modifier.',
        );
      }
      const result = await getService(strapi, 'moderation').proposeEdit(uid, documentId, data, {
        submitter: submitterOf(user),
      });
      return { id: documentId, applied: result.applied };
    },
  };
}
