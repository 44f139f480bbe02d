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

/**
 * Creates the "Équipe du centre" role once, with the "same centre" condition on every
 * permission; later changes made by an administrator in Settings › Roles are kept.
 *
 * It must run after the admin's own bootstrap: the admin creates its default roles (super-admin
 * included) only when no role exists at all, so a role created earlier would prevent them. The
 * app calls it from its bootstrap, which Strapi runs after every plugin's.
 */
async function ensureStaffRole(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');
  const existing = await strapi.db.query('admin::role').findOne({ where: { name: STAFF_ROLE.name } });
  if (existing) return;
  const role = await roles.create({ ...STAFF_ROLE });
  await roles.assignPermissions(role.id, [
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
    // The shared directory and agenda: their centre's entries only.
    ...directoryStaffPermissions(strapi),
  ]);
}

const createStaffRoleService = ({ strapi }: { strapi: Core.Strapi }) => ({
  ensure: () => ensureStaffRole(strapi),
});

export default createStaffRoleService;
