import type { Core } from '@strapi/strapi';
import { SAME_CENTRE_CONDITION } from '../../../shared/permissions';
import { DIRECTORY_UIDS } from '../../../shared/contracts/directory';

const SYSTEM_FIELDS = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);
const ACTIONS = ['create', 'read', 'update', 'delete', 'publish'] as const;

/**
 * What the "Équipe du centre" role may do with the directory and agenda: everything, on its own
 * centres' entries only (added to the role when it is first created).
 */
export function directoryStaffPermissions(strapi: Core.Strapi) {
  return DIRECTORY_UIDS.flatMap((uid) => {
    const attributes = strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes ?? {};
    const fields = Object.keys(attributes).filter((field) => !SYSTEM_FIELDS.has(field));
    return ACTIONS.map((action) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: uid,
      properties: action === 'delete' || action === 'publish' ? {} : { fields },
      conditions: [SAME_CENTRE_CONDITION],
    }));
  });
}
