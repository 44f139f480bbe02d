import type { Core } from '@strapi/strapi';
import { DEFAULT_SENDING_WINDOW, type SendingWindow } from '@csc/plugin-core/shared';

export { coreService } from '@csc/plugin-core/toolkit';

/** A signed-in staff member, as the admin routes hand it over. */
export interface StaffUser {
  id: number | string;
  roles?: { code?: string }[];
}

/** Core's sending window (Mon–Sat 8:00–20:00 Paris, no public holidays, unless configured). */
export function sendingWindow(strapi: Core.Strapi): SendingWindow {
  const configured = (strapi.plugin('core').config('sms') as { window?: Partial<SendingWindow> } | undefined)?.window;
  return { ...DEFAULT_SENDING_WINDOW, ...configured };
}
