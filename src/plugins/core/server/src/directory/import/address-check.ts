import type { Core } from '@strapi/strapi';
import { SERVICE_UID, STRUCTURE_UID } from '../../../../shared/contracts/directory';

/**
 * An address flagged "à vérifier" is settled when someone types its position by hand: saving
 * new coordinates clears the flag, so the list of entries to check only holds what is left.
 */
export function clearAddressCheckOnManualPosition(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if ((context.uid !== STRUCTURE_UID && context.uid !== SERVICE_UID) || context.action !== 'update') return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    const data = params.data;
    if (!data || !params.documentId || typeof data.latitude !== 'number' || typeof data.longitude !== 'number') {
      return next();
    }
    const current = (await strapi.db.query(context.uid).findOne({
      where: { documentId: params.documentId, publishedAt: null },
      select: ['latitude', 'longitude', 'adresse_a_verifier'],
    })) as { latitude: number | null; longitude: number | null; adresse_a_verifier: boolean | null } | null;
    if (!current?.adresse_a_verifier) return next();
    if (current.latitude === data.latitude && current.longitude === data.longitude) return next();
    params.data = { ...data, adresse_a_verifier: false, adresse_a_verifier_motif: null };
    return next();
  });
}

const LIST_COLUMN_KEY = 'directory-address-check-column';

/**
 * Shows « Adresse à vérifier » as a column of the structures and services lists, once: an
 * administrator who removes the column later keeps it removed.
 */
export async function showAddressCheckInLists(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'core', key: LIST_COLUMN_KEY });
  if (await store.get({})) return;
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const uid of [STRUCTURE_UID, SERVICE_UID]) {
    const contentType = strapi.contentTypes[uid];
    const configuration = (await contentTypes.findConfiguration(contentType)) as {
      settings: unknown;
      layouts: { list: string[] } & Record<string, unknown>;
      metadatas: unknown;
    };
    const { settings, layouts, metadatas } = configuration;
    if (layouts.list.includes('adresse_a_verifier')) continue;
    layouts.list = [...layouts.list, 'adresse_a_verifier'];
    await contentTypes.updateConfiguration(contentType, { settings, layouts, metadatas });
  }
  await store.set({ value: true });
}
