import { ACTIONS } from '../../../../shared/permissions';
import type { StaffPermission } from '../../centres/staff-role';

/** The centre's team imports into its own directory; the import service keeps it to its centres. */
export const directoryImportStaffPermissions: StaffPermission[] = [
  { action: ACTIONS.importDirectory, subject: null, properties: {}, conditions: [] },
];
