import type { Core } from '@strapi/strapi';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

export const PARTNER_ROLE = {
  name: 'Partenaire',
  description:
    'Structures partenaires du territoire : elles proposent leurs fiches, services et événements, relus par l’équipe du centre avant publication.',
  type: 'partenaire',
} as const;

/** The partner routes' actions, as Users & Permissions names them. */
export const PARTNER_ACTIONS = ['structures', 'services', 'events'].flatMap((kind) =>
  ['list', 'create', 'edit'].map((verb) => `plugin::core.partner.${verb}${kind[0].toUpperCase()}${kind.slice(1)}`),
);

/**
 * The Users & Permissions role « Partenaire », created with its permissions when missing. Once
 * it exists it is left alone: an administrator's changes (name, permissions) are never undone.
 * Called from the app's bootstrap, after Users & Permissions has created its default roles
 * (it creates them only when no role exists at all).
 */
export async function ensurePartnerRole(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.db.query(ROLE_UID);
  if (await roles.findOne({ where: { type: PARTNER_ROLE.type }, select: ['id'] })) return;
  await strapi.db.transaction(async () => {
    const role = (await roles.create({ data: { ...PARTNER_ROLE } })) as { id: number };
    for (const action of PARTNER_ACTIONS) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  });
}
