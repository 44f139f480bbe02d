import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { CONSENT_UID } from '../../../shared/permissions';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/validation-error';

const method = z.enum(['oral', 'paper', 'online-form', 'email'], {
  error: 'Précisez comment le consentement a été recueilli : oral, papier, formulaire en ligne ou e-mail.',
});

const consentInput = z.strictObject({
  centre: z.number().int().positive('Le centre est obligatoire.'),
  subject: z.strictObject({ uid: z.string().min(1).max(120), id: z.string().min(1).max(64) }),
  purpose: z.string().regex(/^[a-z0-9.-]{3,80}$/, 'Objet du consentement inconnu.'),
  informationText: z
    .string()
    .trim()
    .min(20, 'Le texte d’information montré à la personne est obligatoire.')
    .max(4000, 'Le texte d’information compte 4 000 caractères au plus.'),
  method,
  givenAt: z.coerce.date().optional(),
  recordedBy: z.string().max(64).optional(),
});

export type ConsentInput = z.input<typeof consentInput>;

/** Consent records: what a person agreed to, how, recorded by whom, and when withdrawn. */
const createConsentService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(input: ConsentInput): Promise<{ documentId: string }> {
    const data = parseOrThrow(consentInput, input);
    const created = await strapi.db.query(CONSENT_UID).create({
      data: {
        centre: data.centre,
        subjectUid: data.subject.uid,
        subjectId: data.subject.id,
        purpose: data.purpose,
        informationText: data.informationText,
        method: data.method,
        givenAt: data.givenAt ?? new Date(),
        recordedBy: data.recordedBy ?? null,
      },
    });
    await getService(strapi, 'audit').record({
      action: 'consent.record',
      subject: { uid: CONSENT_UID, id: created.documentId },
      centre: data.centre,
      details: { purpose: data.purpose, method: data.method },
    });
    return { documentId: created.documentId };
  },

  /** Withdrawing is as easy as consenting: one call, whatever the channel. */
  async withdraw(documentId: string, how: { method: string; by?: string }): Promise<void> {
    const existing = await strapi.db
      .query(CONSENT_UID)
      .findOne({ where: { documentId }, populate: { centre: { select: ['id'] } } });
    if (!existing || existing.withdrawnAt) return;
    await strapi.db.query(CONSENT_UID).update({
      where: { id: existing.id },
      data: { withdrawnAt: new Date(), withdrawnBy: how.by ?? null, withdrawalMethod: how.method },
    });
    await getService(strapi, 'audit').record({
      action: 'consent.withdraw',
      subject: { uid: CONSENT_UID, id: documentId },
      centre: existing.centre?.id ?? null,
      details: { purpose: existing.purpose, method: how.method },
    });
  },

  /** Whether the person behind `subject` currently consents to `purpose`. */
  async isGiven(subject: { uid: string; id: string }, purpose: string): Promise<boolean> {
    const count = await strapi.db.query(CONSENT_UID).count({
      where: { subjectUid: subject.uid, subjectId: subject.id, purpose, withdrawnAt: { $null: true } },
    });
    return count > 0;
  },

  /**
   * Which of these subjects (document ids of one content type) currently consent to `purpose`,
   * in one statement: for jobs that check hundreds of persons at once.
   */
  async givenAmong(uid: string, ids: string[], purpose: string): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = (await strapi.db.query(CONSENT_UID).findMany({
      where: { subjectUid: uid, subjectId: { $in: [...new Set(ids)] }, purpose, withdrawnAt: { $null: true } },
      select: ['subjectId'],
    })) as { subjectId: string }[];
    return new Set(rows.map((row) => row.subjectId));
  },
});

export type ConsentService = ReturnType<typeof createConsentService>;
export default createConsentService;
