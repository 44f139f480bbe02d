import type { Core } from '@strapi/strapi';
import type { EraseResult, PersonDataSummary } from '../../../shared/contracts/gdpr';
import type { AdminUserLike } from '../centres/scope';
import { getService } from '../utils/get-service';
import { parseOrThrow } from '../utils/validation-error';
import { buildArchive } from './archive';
import { consents, memberAccounts } from './core-declarations';
import { eraseRequest, personQuery, type Person } from './person';
import { createRegistry, type FoundRecord, type PersonalDataType, type PersonRef } from './registry';

interface Found {
  type: PersonalDataType;
  records: FoundRecord[];
}

const createGdprService = ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = createRegistry();
  registry.register(memberAccounts(strapi));
  registry.register(consents(strapi));

  /** Everything held on the person that `user` may handle: their centres' entries only, unless super-admin. */
  async function collect(user: AdminUserLike, person: Person): Promise<Found[]> {
    const scope = getService(strapi, 'scope');
    const superAdmin = scope.isSuperAdmin(user);
    const centres = superAdmin ? [] : await scope.centreIdsOf(user.id);
    const found: Found[] = [];
    const related: PersonRef[] = [];
    for (const type of registry.ordered()) {
      if (!superAdmin && !type.centreScoped) continue;
      const records = (await type.find(person, related)).filter(
        (item) => superAdmin || (item.ref.centre !== null && centres.includes(item.ref.centre)),
      );
      related.push(...records.map((item) => item.ref));
      found.push({ type, records });
    }
    return found;
  }

  return {
    /** Products declare their personal data types here, in their register or bootstrap. */
    register(type: PersonalDataType): void {
      registry.register(type);
    },

    async summary(user: AdminUserLike, rawPerson: unknown): Promise<PersonDataSummary> {
      const found = await collect(user, parseOrThrow(personQuery, rawPerson));
      const types = found.map(({ type, records }) => ({ uid: type.uid, label: type.label, count: records.length }));
      return { types, total: types.reduce((sum, type) => sum + type.count, 0) };
    },

    async exportArchive(user: AdminUserLike, rawPerson: unknown): Promise<Uint8Array> {
      const found = await collect(user, parseOrThrow(personQuery, rawPerson));
      const archive = buildArchive(
        found.map(({ type, records }) => ({ label: type.label, records: records.map((item) => item.record) })),
        new Date(),
      );
      await getService(strapi, 'audit').record({
        action: 'gdpr.export',
        details: { counts: Object.fromEntries(found.map(({ type, records }) => [type.uid, records.length])) },
      });
      return archive;
    },

    async erase(user: AdminUserLike, rawRequest: unknown): Promise<EraseResult> {
      const { confirmation: _confirmation, ...contact } = parseOrThrow(eraseRequest, rawRequest);
      const found = await collect(user, parseOrThrow(personQuery, contact));
      const types: EraseResult['types'] = [];
      // Types found through others go first, while what they point at still exists.
      for (const { type, records } of [...found].reverse()) {
        const outcome =
          records.length > 0 ? await type.erase(records.map((item) => item.ref)) : { erased: 0, anonymised: 0 };
        types.unshift({ uid: type.uid, label: type.label, ...outcome });
      }
      await getService(strapi, 'audit').record({
        action: 'gdpr.erase',
        details: { counts: Object.fromEntries(types.map((type) => [type.uid, type.erased + type.anonymised])) },
      });
      return { types };
    },
  };
};

export type GdprService = ReturnType<typeof createGdprService>;
export default createGdprService;
