import type { Core } from '@strapi/strapi';
import { SMS_ACCOUNT_UID } from '../../../shared/permissions';
import { getService } from '../utils/get-service';

/** The keys of an OVH SMS account, opened. */
export interface OvhAccountKeys {
  appKey: string;
  appSecret: string;
  consumerKey: string;
  serviceName: string;
}

interface AccountRecord {
  id: number;
  serviceName: string;
  appKey: string;
  appSecret: string;
  consumerKey: string;
}

/**
 * How long another instance may go on using a centre's previous account after staff changed
 * it: each instance reads the account again after this time.
 */
const CACHE_MS = 30_000;

const keyOf = (centre: number) => `centre-${centre}`;

/**
 * Centres' own OVH accounts, their keys sealed by core's secrets service before they reach the
 * database. Reads are cached a short while: sending thousands of messages reads them once.
 */
export function createSmsAccounts(strapi: Core.Strapi) {
  const accounts = () => strapi.db.query(SMS_ACCOUNT_UID);
  const names = new Map<number, { name: string | null; at: number }>();

  function open(row: AccountRecord): OvhAccountKeys {
    const secrets = getService(strapi, 'secrets');
    return {
      appKey: secrets.open(row.appKey),
      appSecret: secrets.open(row.appSecret),
      consumerKey: secrets.open(row.consumerKey),
      serviceName: row.serviceName,
    };
  }

  return {
    /** The name of the centre's own account, or null when its SMS leave from the install's. */
    async nameOf(centre: number): Promise<string | null> {
      const cached = names.get(centre);
      if (cached && Date.now() - cached.at < CACHE_MS) return cached.name;
      const row = (await accounts().findOne({ where: { centreKey: keyOf(centre) }, select: ['serviceName'] })) as {
        serviceName: string;
      } | null;
      const name = row?.serviceName ?? null;
      names.set(centre, { name, at: Date.now() });
      return name;
    },

    /**
     * The centre's own account, opened; null when it has none. Throws core's SecretKeyError (a
     * French message) when the install's key changed since the keys were saved.
     */
    async keysOf(centre: number): Promise<OvhAccountKeys | null> {
      const row = (await accounts().findOne({ where: { centreKey: keyOf(centre) } })) as AccountRecord | null;
      return row ? open(row) : null;
    },

    /** Any centre's account of that name, opened: what a receipt sent through it needs later. */
    async keysNamed(serviceName: string): Promise<OvhAccountKeys | null> {
      const row = (await accounts().findOne({
        where: { serviceName },
        orderBy: { id: 'desc' },
      })) as AccountRecord | null;
      return row ? open(row) : null;
    },

    /** Centres that have their own account. */
    async centresWithOwn(): Promise<{ centre: number; serviceName: string }[]> {
      const rows = (await accounts().findMany({ select: ['centreKey', 'serviceName'] })) as {
        centreKey: string;
        serviceName: string;
      }[];
      return rows.map((row) => ({
        centre: Number(row.centreKey.slice('centre-'.length)),
        serviceName: row.serviceName,
      }));
    },

    /** Saves (sealed) or, with null, removes the centre's own account. */
    async set(centre: number, keys: OvhAccountKeys | null): Promise<void> {
      const existing = (await accounts().findOne({ where: { centreKey: keyOf(centre) }, select: ['id'] })) as {
        id: number;
      } | null;
      names.delete(centre);
      if (!keys) {
        if (existing) await accounts().delete({ where: { id: existing.id } });
        return;
      }
      const secrets = getService(strapi, 'secrets');
      const data = {
        serviceName: keys.serviceName,
        appKey: secrets.seal(keys.appKey),
        appSecret: secrets.seal(keys.appSecret),
        consumerKey: secrets.seal(keys.consumerKey),
      };
      if (existing) await accounts().update({ where: { id: existing.id }, data });
      else await accounts().create({ data: { centreKey: keyOf(centre), centre, ...data } });
    },
  };
}

export type SmsAccounts = ReturnType<typeof createSmsAccounts>;
