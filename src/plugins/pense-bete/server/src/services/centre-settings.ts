import type { Core } from '@strapi/strapi';
import { parseOrThrow } from '@csc/plugin-core/toolkit';
import type { CentreSettingsView } from '../../../shared/contracts/news';
import { coreService, type StaffUser } from '../core-services';
import { centreParams, centreSettingsUpdate } from '../news/requests';
import { centresOf, notFound } from '../staff-scope';

const CENTRE_UID = 'plugin::core.centre';

export interface OvhAccount {
  appKey: string;
  appSecret: string;
  consumerKey: string;
  serviceName: string;
}

/**
 * A centre's sending settings, kept by core where every product's SMS uses them: the sender name
 * (the centre's field, which signs its messages) and its own OVH account, whose keys core seals
 * before they reach the database and never returns.
 */
const createCentreSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const sms = () => coreService(strapi, 'sms');

  async function centreOf(
    user: StaffUser,
    rawParams: unknown,
  ): Promise<{ id: number; name: string; smsSenderName: string | null }> {
    const { centre } = parseOrThrow(centreParams, rawParams ?? {});
    const centres = await centresOf(strapi, user);
    const row = centres.includes(centre)
      ? ((await strapi.db
          .query(CENTRE_UID)
          .findOne({ where: { id: centre }, select: ['id', 'name', 'smsSenderName'] })) as {
          id: number;
          name: string;
          smsSenderName: string | null;
        } | null)
      : null;
    if (!row) throw notFound('Ce centre');
    return row;
  }

  async function view(centre: { id: number; name: string; smsSenderName: string | null }): Promise<CentreSettingsView> {
    const account = await sms().centreAccount(centre.id);
    return {
      centre: { id: centre.id, name: centre.name },
      senderName: centre.smsSenderName || null,
      ovh: { configured: account !== null, serviceName: account?.serviceName ?? null },
    };
  }

  return {
    async get(user: StaffUser, rawParams: unknown): Promise<CentreSettingsView> {
      return view(await centreOf(user, rawParams));
    },

    /** Fields left out are kept; `null` clears (the sender name, or the whole OVH account). */
    async update(user: StaffUser, rawParams: unknown, raw: unknown): Promise<CentreSettingsView> {
      const centre = await centreOf(user, rawParams);
      const data = parseOrThrow(centreSettingsUpdate, raw ?? {});
      await strapi.db.transaction(async () => {
        if (data.senderName !== undefined) {
          await strapi.db
            .query(CENTRE_UID)
            .update({ where: { id: centre.id }, data: { smsSenderName: data.senderName } });
        }
        if (data.ovh !== undefined) await sms().setCentreAccount(centre.id, data.ovh);
      });
      await coreService(strapi, 'audit').record({
        action: 'pense-bete.centre-settings.update',
        subject: { uid: CENTRE_UID, id: String(centre.id) },
        centre: centre.id,
        // What changed, never a value.
        details: {
          senderName: data.senderName !== undefined,
          ovh: data.ovh === undefined ? 'kept' : data.ovh === null ? 'removed' : 'set',
        },
      });
      return view(await centreOf(user, rawParams));
    },
  };
};

export type CentreSettingsService = ReturnType<typeof createCentreSettingsService>;
export default createCentreSettingsService;
