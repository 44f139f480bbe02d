import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { STRUCTURE_FIELDS, STRUCTURE_UID } from '../../../../shared/contracts/directory';
import type { CorrectionForm, CorrectionLinkSent } from '../../../../shared/contracts/directory-contributions';
import type { AdminUserLike } from '../../centres/scope';
import { composeMail } from '../../mail/templates';
import { jobType } from '../../outbox/types';
import { getService } from '../../utils/get-service';
import { CORRECTION_LINK_DAYS, signCorrectionToken, verifyCorrectionToken } from './correction-token';
import { fieldError } from '../../utils/errors';
import { correctionPagePath } from '../../../../shared/contracts/public-pages';
import type { CorrectionRequest } from './schemas';

/** The e-mail carrying a correction link; the payload holds ids only, never the address. */
export const CORRECTION_LINK_JOB = jobType<{ structure: string; expiresAt: string }>('core.directory-correction-link');

/** The fields a correction form shows and may change: the structure's own, public ones. */
export const CORRECTABLE_FIELDS = STRUCTURE_FIELDS;

interface PublishedStructure {
  documentId: string;
  nom: string;
  courriel: string | null;
  centre: { id: number; name: string; slug: string; website: string | null } | null;
  [field: string]: unknown;
}

const structureId = z.string().regex(/^[a-z0-9]{10,64}$/);

const longDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });

const GONE = 'Cette structure n’est plus dans l’annuaire : ce lien ne sert plus.';

/**
 * Correction links: staff send a structure's contact a link (signed, 30 days) to a form where
 * anyone holding it reads the structure's public data and proposes changes — moderated like
 * any other edit, the published version unchanged until a moderator accepts.
 */
export function createCorrections(strapi: Core.Strapi) {
  const appKeys = () => (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];

  async function published(documentId: string): Promise<PublishedStructure | null> {
    return (await strapi.documents(STRUCTURE_UID).findOne({
      documentId,
      status: 'published',
      populate: { centre: { fields: ['id', 'name', 'slug', 'website'] } },
    } as never)) as PublishedStructure | null;
  }

  /**
   * The CMS's public address (PUBLIC_URL): the correction page is served by the CMS, which alone
   * can fill a form from the link without JavaScript.
   */
  function publicUrl(): string | null {
    const base = strapi.config.get('server.url') as string | undefined;
    return typeof base === 'string' && /^https?:\/\/[^\s]+$/.test(base.trim()) ? base.trim().replace(/\/+$/, '') : null;
  }

  async function structureOfToken(token: string) {
    const { structure, expiresAt } = verifyCorrectionToken(appKeys(), token);
    const entry = await published(structure);
    if (!entry) throw new errors.NotFoundError(GONE);
    return { entry, expiresAt };
  }

  const token = (structure: string, expiresAt: Date) => signCorrectionToken(appKeys(), structure, expiresAt);

  return {
    /** A token for a structure, valid until `expiresAt` (used by the e-mail, and by tests). */
    token,

    /** `POST /core/directory/structures/:id/correction-link`: queued through the outbox. */
    async sendLink(user: AdminUserLike, rawId: unknown): Promise<CorrectionLinkSent> {
      const parsed = structureId.safeParse(rawId);
      const entry = parsed.success ? await published(parsed.data) : null;
      const scope = getService(strapi, 'scope');
      const allowed =
        entry && (scope.isSuperAdmin(user) || (await scope.centreIdsOf(user.id)).includes(entry.centre?.id ?? -1));
      // Another centre's structure answers like a missing one.
      if (!entry || !allowed) {
        throw new errors.NotFoundError(
          'Cette structure n’existe pas ou n’est pas publiée dans l’annuaire de vos centres.',
        );
      }
      if (!entry.courriel) {
        throw fieldError(
          'courriel',
          'Cette structure n’a pas d’e-mail de contact : ajoutez-le à sa fiche avant d’envoyer un lien de correction.',
        );
      }
      if (!publicUrl()) {
        throw fieldError(
          'url',
          'L’adresse publique de l’installation (PUBLIC_URL) n’est pas réglée : le lien de correction mène à une page servie à cette adresse. Demandez à la personne qui gère l’installation de la régler.',
        );
      }
      const expiresAt = new Date(Date.now() + CORRECTION_LINK_DAYS * 86400000);
      const centre = entry.centre?.id ?? null;
      await strapi.db.transaction(async () => {
        await getService(strapi, 'outbox').enqueue(
          CORRECTION_LINK_JOB,
          { structure: entry.documentId, expiresAt: expiresAt.toISOString() },
          { centre },
        );
        await getService(strapi, 'audit').record({
          action: 'directory.correction-link',
          subject: { uid: STRUCTURE_UID, id: entry.documentId },
          centre,
          details: { expiresAt: expiresAt.toISOString() },
        });
      });
      return { queued: true, expiresAt: expiresAt.toISOString() };
    },

    /** The outbox job: writes the e-mail with a fresh token for the structure's contact. */
    async deliverLink(payload: { structure: string; expiresAt: string }): Promise<'sent' | 'gone'> {
      const entry = await published(payload.structure);
      const site = publicUrl();
      if (!entry || !entry.courriel || !site) return 'gone';
      const expiresAt = new Date(payload.expiresAt);
      const url = `${site}${correctionPagePath(token(entry.documentId, expiresAt))}`;
      const centreName = entry.centre?.name ?? null;
      const layout = {
        subject: `Votre fiche dans l’annuaire : ${entry.nom.slice(0, 120)}`,
        paragraphs: [
          `${centreName ? `Le ${centreName}` : 'Le centre social'} tient à jour l’annuaire des structures du territoire, publié sur son site. Pour vérifier et corriger la fiche « ${entry.nom} », ouvrez ce lien :`,
          url,
          `Le lien est valable jusqu’au ${longDate.format(expiresAt)}. Vos corrections sont relues par l’équipe du centre avant d’être mises en ligne ; vous recevrez sa réponse à cette adresse.`,
          'Si cette fiche ne vous concerne pas, ignorez ce message.',
        ],
        signature: centreName ? `L’équipe du ${centreName}` : 'L’équipe du centre social',
        footer: 'Vous recevez ce message parce que cette adresse est le contact de la structure dans l’annuaire.',
      };
      await getService(strapi, 'mail').send({
        to: entry.courriel,
        ...composeMail(layout),
        centre: entry.centre?.id ?? null,
      });
      return 'sent';
    },

    /** `GET /api/core/directory/corrections/:token`: what the form shows. */
    async form(token: string): Promise<CorrectionForm> {
      const { entry, expiresAt } = await structureOfToken(token);
      return {
        id: entry.documentId,
        centre: entry.centre ? { name: entry.centre.name, slug: entry.centre.slug } : null,
        fields: Object.fromEntries(CORRECTABLE_FIELDS.map((field) => [field, entry[field] ?? null])),
        expiresAt: expiresAt.toISOString(),
      };
    },

    /** `POST /api/core/directory/corrections/:token`: the changes go to moderation. */
    async propose(token: string, body: CorrectionRequest): Promise<{ applied: boolean }> {
      const { entry } = await structureOfToken(token);
      const { email, ...changes } = body;
      // Decisions go to whoever gave an address, else to the contact the link was sent to.
      const to = (email as string | undefined) ?? entry.courriel ?? undefined;
      const result = await getService(strapi, 'moderation').proposeEdit(STRUCTURE_UID, entry.documentId, changes, {
        submitter: to ? { email: to } : undefined,
      });
      return { applied: result.applied };
    },
  };
}
