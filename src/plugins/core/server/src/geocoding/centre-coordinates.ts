import type { Core } from '@strapi/strapi';
import { CENTRE_UID } from '../../../shared/permissions';
import { getService } from '../utils/get-service';
import { addressKey } from './address';

const ADDRESS_FIELDS = ['street', 'postalCode', 'city'] as const;
const COORDINATE_FIELDS = ['latitude', 'longitude'] as const;

interface CentreAddress {
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
}

interface CentreRow extends CentreAddress {
  id: number;
  documentId: string;
  latitude: number | null;
  longitude: number | null;
}

/** "12 rue des Écoles, 59000 Lille"; null without a commune (postal code or city). */
export function centreAddress(centre: CentreAddress): string | null {
  const street = centre.street?.trim() ?? '';
  const commune = [centre.postalCode?.trim(), centre.city?.trim()].filter(Boolean).join(' ');
  if (!commune) return null;
  return street ? `${street}, ${commune}` : commune;
}

/**
 * A centre's latitude and longitude belong to the server: they follow its address (a position
 * set by hand in Socle › Géocodage, else the BAN). On every create or update that touches the
 * address, the position is looked up before the write; when it cannot be found (API down,
 * unknown address) the centre is saved without one and the housekeeping job tries again.
 * Coordinates sent by a client are ignored. The log says which centre, never its address.
 */
export function fillCentreCoordinates(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== CENTRE_UID || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    const data = params.data;
    if (!data) return next();
    delete data.latitude;
    delete data.longitude;
    if (!ADDRESS_FIELDS.some((field) => field in data)) return next();

    const current =
      context.action === 'update' && params.documentId
        ? ((await strapi.db.query(CENTRE_UID).findOne({
            where: { documentId: params.documentId },
            select: [...ADDRESS_FIELDS, ...COORDINATE_FIELDS],
          })) as CentreRow | null)
        : null;
    const merged = { ...(current ?? {}), ...data } as CentreAddress;
    const address = centreAddress(merged);
    if (!address) {
      Object.assign(data, { latitude: null, longitude: null });
      return next();
    }
    const before = current ? centreAddress(current) : null;
    if (before && addressKey(before) === addressKey(address) && current?.latitude != null) return next();

    const outcome = await getService(strapi, 'geocoding')
      .geocode(address)
      .catch((error: Error) => {
        strapi.log.error(`Geocoding a centre failed: ${error.message}`);
        return null;
      });
    if (outcome?.status === 'found') {
      Object.assign(data, { latitude: outcome.latitude, longitude: outcome.longitude });
    } else {
      Object.assign(data, { latitude: null, longitude: null });
      strapi.log.warn(
        `Centre ${params.documentId ?? '(new)'}: no position for its address (${outcome?.status ?? 'error'}); saved without coordinates`,
      );
    }
    return next();
  });
}

const createCentreCoordinatesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Looks the position of centres up again: those at one address (`key`, after an override
   * changed), or those still without coordinates (`onlyMissing`, the housekeeping job). Writes
   * through the query engine: coordinates are not an edit anyone made. Returns how many changed.
   */
  async refresh(options: { key?: string; onlyMissing?: boolean } = {}): Promise<number> {
    const centres = (await strapi.db.query(CENTRE_UID).findMany({
      select: ['id', 'documentId', ...ADDRESS_FIELDS, ...COORDINATE_FIELDS],
      ...(options.onlyMissing ? { where: { latitude: { $null: true } } } : {}),
      limit: 500,
    })) as CentreRow[];
    let changed = 0;
    for (const centre of centres) {
      const address = centreAddress(centre);
      if (!address || (options.key !== undefined && addressKey(address) !== options.key)) continue;
      const outcome = await getService(strapi, 'geocoding').geocode(address);
      const position =
        outcome.status === 'found'
          ? { latitude: outcome.latitude, longitude: outcome.longitude }
          : outcome.status === 'unavailable'
            ? null
            : { latitude: null, longitude: null };
      if (!position || (position.latitude === centre.latitude && position.longitude === centre.longitude)) continue;
      await strapi.db.query(CENTRE_UID).update({ where: { id: centre.id }, data: position });
      changed += 1;
    }
    return changed;
  },
});

export type CentreCoordinatesService = ReturnType<typeof createCentreCoordinatesService>;
export default createCentreCoordinatesService;
