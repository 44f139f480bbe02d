import type { Core } from '@strapi/strapi';
import { PARTNER_ROLE } from '../../../../shared/permissions';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

export { PARTNER_ROLE };

/** The partner routes' actions, as Users & Permissions names them. */
export const PARTNER_ACTIONS = ['structures', 'services', 'events'].flatMap((kind) =>
  ['list', 'create', 'edit'].map((verb) => `plugin::core.partner.${verb}${kind[0].toUpperCase()}${kind.slice(1)}`),
);

/** Which product actions were given to the role: one an administrator removed is not given again. */
const GRANTED_KEY = 'partner-role-granted';

/**
 * The Users & Permissions role « Partenaire », created with core's permissions when missing.
 * Once it exists, an administrator's changes (name, permissions) are never undone; actions a
 * product declared since (`grant`, from its register or bootstrap) are added once. Called from
 * the app's bootstrap, after Users & Permissions has created its default roles (it creates them
 * only when no role exists at all).
 */
export function createPartnerRole(strapi: Core.Strapi) {
  const declared: string[] = [];
  return {
    grant(actions: string[]): void {
      declared.push(...actions);
    },

    async ensure(): Promise<void> {
      const roles = strapi.db.query(ROLE_UID);
      const permissions = strapi.db.query(PERMISSION_UID);
      const store = strapi.store({ type: 'plugin', name: 'core', key: GRANTED_KEY });
      await strapi.db.transaction(async () => {
        let role = (await roles.findOne({ where: { type: PARTNER_ROLE.type }, select: ['id'] })) as {
          id: number;
        } | null;
        const granted = new Set(((await store.get({})) as string[] | null) ?? []);
        if (!role) {
          role = (await roles.create({ data: { ...PARTNER_ROLE } })) as { id: number };
          granted.clear();
          for (const action of PARTNER_ACTIONS) await permissions.create({ data: { action, role: role.id } });
        }
        const present = new Set(
          ((await permissions.findMany({ where: { role: role.id }, select: ['action'] })) as { action: string }[]).map(
            (permission) => permission.action,
          ),
        );
        for (const action of new Set(declared)) {
          if (!granted.has(action) && !present.has(action)) {
            await permissions.create({ data: { action, role: role.id } });
          }
        }
        await store.set({ value: [...new Set([...granted, ...declared])] });
      });
    },
  };
}
