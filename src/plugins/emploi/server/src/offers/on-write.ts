import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { parseOrThrow } from '@csc/plugin-core/toolkit';
import { EMPLOYER_UID, OFFER_UID } from '../../../shared/permissions';
import { getService } from '../utils/get-service';
import { applyProblems, communeKey, employerFields, fields, validUntilProblem } from './fields';

type Data = Record<string, unknown>;

/** Checks only the fields present, each may be emptied (null) unless the schema requires it. */
const present = (shape: Record<string, z.ZodType>) =>
  z.object(Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.nullable().optional()])));

const offerChecks = present(fields);
const employerChecks = present(employerFields);

function problems(list: { path: string; message: string }[]) {
  const [first] = list;
  return new errors.ValidationError(first.message, {
    errors: list.map((item) => ({ path: [item.path], message: item.message, name: 'ValidationError' })),
  });
}

/**
 * Offers and employers are checked on every write, whoever writes (content manager, partners and
 * employers through moderation, the demo), in French. A new offer without a last day gets the
 * configured default; the last day is never past nor beyond the configured maximum.
 */
export function validateOnWrite(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.action !== 'create' && context.action !== 'update') return next();
    const params = context.params as { data?: Data };
    const data: Data = { ...(params.data ?? {}) };
    if (context.uid === OFFER_UID) {
      const parsed = parseOrThrow(offerChecks, data) as Data;
      for (const key of Object.keys(parsed)) if (key in data) data[key] = parsed[key];
      const limits = getService(strapi, 'offers').limits();
      if (context.action === 'create' && !data.validUntil) data.validUntil = limits.defaultDay;
      const found: { path: string; message: string }[] = [];
      const day = typeof data.validUntil === 'string' ? data.validUntil : null;
      const problem = day ? validUntilProblem(day, limits) : null;
      if (problem) found.push({ path: 'validUntil', message: problem });
      if (context.action === 'update' && data.validUntil === null) {
        found.push({ path: 'validUntil', message: 'La date de fin est obligatoire.' });
      }
      if (context.action === 'create' || 'applyMethod' in data) found.push(...applyProblems(data));
      if (found.length > 0) throw problems(found);
      if (typeof data.commune === 'string') data.communeKey = communeKey(data.commune);
      // Reopened by the team: the next closing is told again.
      if (context.action === 'update' && data.state === 'open') {
        data.closedAt = null;
        data.closingNoticeSentAt = null;
      }
      // Closed by the team: dated once, so that its page says so for a while, then goes.
      if (data.state === 'closed' && !data.closedAt) {
        const documentId = (context.params as { documentId?: string }).documentId;
        const current = documentId
          ? ((await strapi.db
              .query(OFFER_UID)
              .findOne({ where: { documentId, closedAt: { $notNull: true } }, select: ['closedAt'] })) as {
              closedAt: string;
            } | null)
          : null;
        data.closedAt = current?.closedAt ?? getService(strapi, 'clock').now();
      }
      params.data = data;
    } else if (context.uid === EMPLOYER_UID) {
      const parsed = parseOrThrow(employerChecks, data) as Data;
      for (const key of Object.keys(parsed)) if (key in data) data[key] = parsed[key];
      params.data = data;
      const result = await next();
      if (data.validated === true) await getService(strapi, 'employers').ensureRole();
      return result;
    }
    return next();
  });
}
