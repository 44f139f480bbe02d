import { fr, type MessageKey } from './fr';

/** `t('pagination.summary', { page: 2, pages: 5 })` → « Page 2 sur 5 ». */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return fr[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type { MessageKey };
