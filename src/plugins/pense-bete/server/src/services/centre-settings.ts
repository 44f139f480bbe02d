import type { Core } from '@strapi/strapi';
import { parseOrThrow } from '@csc/plugin-core/toolkit';
import { CENTRE_SETTING_UID } from '../../../shared/news';
import type { CentreSettingsView } from '../../../shared/contracts/news';
import { coreService, type StaffUser } from '../core-services';
import { centreParams, centreSettingsUpdate } from '../news/requests';
import { centresOf, notFound } from '../staff-scope';

const CENTRE_UID = 'plugin::core.centre';

interface SettingRecord {
  id: number;
  ovhServiceName: string | null;
  ovhAppKey: string | null;
  ovhAppSecret: string | null;
  ovhConsumerKey: string | null;
}

export interface OvhAccount {
  appKey: string;
  appSecret: string;
  consumerKey: string;
  serviceName: string;
}

/**
 * A centre's sending settings. The sender name is core's centre field (core's SMS service signs
 * every message of the centre with it); the centre's own OVH keys are sealed by core's secrets
 * service before they reach the database, and never leave it through the API.
 */
const createCentreSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.db.query(CENTRE_SETTING_UID);
  const keyOf = (centre: number) => `centre-${centre}`;

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
    const row = (await settings().findOne({ where: { centreKey: keyOf(centre.id) } })) as SettingRecord | null;
    return {
      centre: { id: centre.id, name: centre.name },
      senderName: centre.smsSenderName || null,
      ovh: {
        configured: Boolean(row?.ovhAppSecret && row.ovhConsumerKey && row.ovhAppKey && row.ovhServiceName),
        serviceName: row?.ovhServiceName ?? null,
      },
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
      const secrets = coreService(strapi, 'secrets');
      const sealed =
        data.ovh === undefined
          ? undefined
          : data.ovh === null
            ? { ovhServiceName: null, ovhAppKey: null, ovhAppSecret: null, ovhConsumerKey: null }
            : {
                ovhServiceName: data.ovh.serviceName,
                ovhAppKey: secrets.seal(data.ovh.appKey),
                ovhAppSecret: secrets.seal(data.ovh.appSecret),
                ovhConsumerKey: secrets.seal(data.ovh.consumerKey),
              };
      await strapi.db.transaction(async () => {
        if (data.senderName !== undefined) {
          await strapi.db
            .query(CENTRE_UID)
            .update({ where: { id: centre.id }, data: { smsSenderName: data.senderName } });
        }
        if (sealed) {
          const existing = await settings().findOne({ where: { centreKey: keyOf(centre.id) }, select: ['id'] });
          if (existing) await settings().update({ where: { id: existing.id }, data: sealed });
          else await settings().create({ data: { centreKey: keyOf(centre.id), centre: centre.id, ...sealed } });
        }
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

    /** The name of the centre's own OVH SMS account, if one is set (never a secret). */
    async ovhServiceName(centre: number): Promise<string | null> {
      const row = (await settings().findOne({ where: { centreKey: keyOf(centre) }, select: ['ovhServiceName'] })) as {
        ovhServiceName: string | null;
      } | null;
      return row?.ovhServiceName ?? null;
    },

    /**
     * The centre's own OVH account, opened; null when none is set. Throws core's SecretKeyError
     * (a French message) when the install's key changed since the keys were saved.
     */
    async ovhAccount(centre: number): Promise<OvhAccount | null> {
      const row = (await settings().findOne({ where: { centreKey: keyOf(centre) } })) as SettingRecord | null;
      if (!row?.ovhAppKey || !row.ovhAppSecret || !row.ovhConsumerKey || !row.ovhServiceName) return null;
      const secrets = coreService(strapi, 'secrets');
      return {
        appKey: secrets.open(row.ovhAppKey),
        appSecret: secrets.open(row.ovhAppSecret),
        consumerKey: secrets.open(row.ovhConsumerKey),
        serviceName: row.ovhServiceName,
      };
    },
  };
};

export type CentreSettingsService = ReturnType<typeof createCentreSettingsService>;
export default createCentreSettingsService;
