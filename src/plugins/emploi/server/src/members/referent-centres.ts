import type { Core } from '@strapi/strapi';
import { CANDIDATE_UID, REFERENT_CENTRE_UID } from '../../../shared/permissions';

/**
 * A referent's account is not a centre's (a partner's counsellor may follow residents of
 * several), yet a team sees and names only the referents of its own centres: those it created or
 * added, and those who follow a candidate there.
 */
export async function referentIdsOfCentres(strapi: Core.Strapi, centres: number[]): Promise<number[]> {
  if (centres.length === 0) return [];
  const [links, followed] = await Promise.all([
    strapi.db
      .query(REFERENT_CENTRE_UID)
      .findMany({ where: { centre: { $in: centres } }, select: ['account'] }) as Promise<{ account: number }[]>,
    strapi.db.query(CANDIDATE_UID).findMany({
      where: { centre: { id: { $in: centres } }, referent: { id: { $notNull: true } } },
      select: ['id'],
      populate: { referent: { select: ['id'] } },
    }) as Promise<{ referent: { id: number } | null }[]>,
  ]);
  return [
    ...new Set([
      ...links.map((link) => link.account),
      ...followed.flatMap((row) => (row.referent ? [row.referent.id] : [])),
    ]),
  ];
}

/** Makes a referent one of these centres' (once per centre). */
export async function linkReferent(strapi: Core.Strapi, account: number, centres: number[]): Promise<void> {
  const links = strapi.db.query(REFERENT_CENTRE_UID);
  for (const centre of centres) {
    if ((await links.count({ where: { account, centre } })) === 0) await links.create({ data: { account, centre } });
  }
}
