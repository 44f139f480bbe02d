export { coreService } from '@csc/plugin-core/toolkit';

/** A signed-in staff member, as the admin routes hand it over. */
export interface AdminUser {
  id: number | string;
  roles?: { code?: string }[];
}
