import type { Core } from '@strapi/strapi';
import { ACTIONS, CENTRE_UID, SAME_CENTRE_CONDITION } from '../../../shared/permissions';
import { directoryStaffPermissions } from '../directory/staff-permissions';

export const STAFF_ROLE = {
  name: 'Équipe du centre',
  description: 'Salariés et bénévoles d’un centre : ils ne voient et ne modifient que les données de leur centre.',
} as const;

/** What a centre's team may change on its own centre; membership and slug stay with admins. */
const EDITABLE_FIELDS = [
  'street',
  'postalCode',
  'city',
  'phone',
  'email',
  'website',
  'logo',
  'primaryColour',
  'secondaryColour',
  'smsSenderName',
  'openingHours',
];
// Coordinates follow the address (core geocoding): readable, never edited by hand here.
const READABLE_FIELDS = ['name', 'slug', ...EDITABLE_FIELDS, 'latitude', 'longitude'];

export interface StaffPermission {
  action: string;
  subject: string | null;
  properties: Record<string, unknown>;
  conditions: string[];
}

/** What core itself gives a centre's team. */
const CORE_PERMISSIONS: StaffPermission[] = [
  {
    action: 'plugin::content-manager.explorer.read',
    subject: CENTRE_UID,
    properties: { fields: READABLE_FIELDS },
    conditions: [SAME_CENTRE_CONDITION],
  },
  {
    action: 'plugin::content-manager.explorer.update',
    subject: CENTRE_UID,
    properties: { fields: EDITABLE_FIELDS },
    conditions: [SAME_CENTRE_CONDITION],
  },
  { action: ACTIONS.readOverview, subject: null, properties: {}, conditions: [] },
  { action: ACTIONS.readAudit, subject: null, properties: {}, conditions: [] },
  // Scoped to the user's centres by the services behind these pages.
  { action: ACTIONS.readMail, subject: null, properties: {}, conditions: [] },
  { action: ACTIONS.readModeration, subject: null, properties: {}, conditions: [] },
  { action: ACTIONS.decideModeration, subject: null, properties: {}, conditions: [] },
  { action: ACTIONS.readSms, subject: null, properties: {}, conditions: [] },
  // Their centre's jobs only (SMS reminders…): the outbox API scopes by centre.
  { action: ACTIONS.readOutbox, subject: null, properties: {}, conditions: [] },
];

/** Which grants core has made to the role: one it made and an admin removed is not made again. */
const GRANTED_KEY = 'staff-role-granted';
/** The fields each content type had at the last start: a field absent from it is new. */
const FIELDS_KEY = 'staff-role-fields';
/**
 * The fields added by the version that started recording them: an install upgraded from an
 * earlier one has no record yet, and the role's lists (written when it was created, or saved
 * since) lack these.
 */
const ADDED_BEFORE_RECORDING: Record<string, string[]> = {
  'plugin::core.service': ['age_min', 'age_max'],
  'plugin::core.event': ['age_min', 'age_max'],
};
const keyOf = (permission: { action: string; subject: string | null }) =>
  `${permission.action}|${permission.subject ?? ''}`;

/**
 * The "Équipe du centre" role, created at the first start with every permission core and the
 * products declare, each with the "same centre" condition where it applies to entries. At later
 * starts, permissions declared since (a new product, a new page) and fields added to a content
 * type since are added; changes an administrator made in Settings › Roles are kept, removals
 * included.
 *
 * It must run after the admin's own bootstrap: the admin creates its default roles (super-admin
 * included) only when no role exists at all, so a role created earlier would prevent them. The
 * app calls it from its bootstrap, which Strapi runs after every plugin's.
 */
const createStaffRoleService = ({ strapi }: { strapi: Core.Strapi }) => {
  // The shared directory and agenda: their centre's entries only.
  const declared: StaffPermission[] = [...CORE_PERMISSIONS, ...directoryStaffPermissions(strapi)];
  const store = strapi.store({ type: 'plugin', name: 'core', key: GRANTED_KEY });
  const fieldsStore = strapi.store({ type: 'plugin', name: 'core', key: FIELDS_KEY });

  /** Every field path the admin lists for a content type (components as `component.field`). */
  const fieldsOf = (uid: string): string[] =>
    strapi
      .service('admin::content-type')
      .getNestedFields(strapi.contentTypes[uid as keyof typeof strapi.contentTypes], {
        components: strapi.components,
      });

  /**
   * Saving the role in Settings › Roles writes the list of fields of each permission, so a field
   * added to a content type by a later version would stay out of the team's reach. A field that
   * did not exist at the last start is added to every permission of the role that lists fields;
   * a field an administrator took away existed then, and stays away.
   */
  async function addNewFields(roleId: number): Promise<void> {
    const recorded = (await fieldsStore.get({})) as Record<string, string[]> | null;
    const known = recorded ?? {};
    const rows = (await strapi.db.query('admin::permission').findMany({ where: { role: roleId } })) as {
      id: number;
      subject: string | null;
      properties: { fields?: unknown } | null;
    }[];
    const current: Record<string, string[]> = {};
    for (const row of rows) {
      if (!row.subject || !strapi.contentTypes[row.subject as keyof typeof strapi.contentTypes]) continue;
      current[row.subject] ??= fieldsOf(row.subject);
      const fields = row.properties?.fields;
      const added = ADDED_BEFORE_RECORDING[row.subject] ?? [];
      const before =
        known[row.subject] ?? (!recorded ? current[row.subject].filter((field) => !added.includes(field)) : undefined);
      if (!Array.isArray(fields) || !before) continue;
      const missing = current[row.subject].filter((field) => !before.includes(field) && !fields.includes(field));
      if (missing.length === 0) continue;
      await strapi.db.query('admin::permission').update({
        where: { id: row.id },
        data: { properties: { ...row.properties, fields: [...fields, ...missing] } },
      });
    }
    await fieldsStore.set({ value: { ...known, ...current } });
  }

  return {
    /** Products give the team what it needs of theirs, from their register or bootstrap. */
    grant(permissions: StaffPermission[]): void {
      declared.push(...permissions);
    },

    /**
     * Gives the team full, same-centre access to a product's content types in the content
     * manager (read, create, update, delete, and publish where drafts exist).
     */
    grantContentTypes(uids: string[]): void {
      for (const uid of uids) {
        const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
          { options?: { draftAndPublish?: boolean } } | undefined;
        const actions = [
          'read',
          'create',
          'update',
          'delete',
          ...(contentType?.options?.draftAndPublish ? ['publish'] : []),
        ];
        declared.push(
          ...actions.map((action) => ({
            action: `plugin::content-manager.explorer.${action}`,
            subject: uid,
            properties: {},
            conditions: [SAME_CENTRE_CONDITION],
          })),
        );
      }
    },

    async ensure(): Promise<void> {
      const roles = strapi.service('admin::role');
      let role = await strapi.db.query('admin::role').findOne({ where: { name: STAFF_ROLE.name } });
      const granted = new Set(((await store.get({})) as string[] | null) ?? []);
      if (!role) {
        role = await roles.create({ ...STAFF_ROLE });
        granted.clear();
      }
      const present = new Set(
        (await strapi.db.query('admin::permission').findMany({ where: { role: role.id } })).map(keyOf),
      );
      const missing = declared.filter(
        (permission) => !granted.has(keyOf(permission)) && !present.has(keyOf(permission)),
      );
      for (const permission of missing) {
        await strapi.db.query('admin::permission').create({
          data: { ...permission, actionParameters: {}, role: role.id },
        });
      }
      await store.set({ value: [...new Set([...granted, ...declared.map(keyOf)])] });
      await addNewFields(role.id);
    },
  };
};

export default createStaffRoleService;
