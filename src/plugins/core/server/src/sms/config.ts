import crypto from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js/max';
import type { SmsProviderName } from '../../../shared/contracts/sms';
import { DEFAULT_SENDING_WINDOW, sendingWindowProblem, type SendingWindow } from '../../../shared/sms/hours';
import { FRENCH_REGIONS } from '../../../shared/sms/phone';
import { OVH_ENDPOINTS } from './ovh/client';

export interface SmsOvhConfig {
  endpoint: string;
  appKey: string;
  appSecret: string;
  consumerKey: string;
  serviceName: string;
  /** Default sender name when the centre has none (validated at OVH, 11 characters at most). */
  sender: string | null;
  timeoutMs: number;
}

/** `config.sms` of the core plugin, filled from the environment by `config/plugins.ts`. */
export interface SmsConfig {
  provider: SmsProviderName;
  /** Shared secret the delivery-report URL carries (`?token=`). */
  deliveryReportToken: string;
  ovh: SmsOvhConfig | null;
  /** When messages may go out; each field optional, the rest from the default window. */
  window?: Partial<SendingWindow>;
  /** Regions whose mobiles may receive SMS (libphonenumber codes); France and overseas by default. */
  regions?: CountryCode[];
}

export interface ResolvedSmsConfig extends SmsConfig {
  window: SendingWindow;
  regions: CountryCode[];
}

const SENDER = /^[A-Za-z0-9 .-]{1,11}$/;

/** Null when `config.sms` is usable, otherwise what is wrong. */
export function smsConfigProblem(raw: unknown): string | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'object' || raw === null) return 'sms must be an object';
  const config = raw as Partial<SmsConfig>;
  if (config.provider !== undefined && config.provider !== 'console' && config.provider !== 'ovh') {
    return 'sms.provider must be console or ovh';
  }
  if (
    config.deliveryReportToken !== undefined &&
    (typeof config.deliveryReportToken !== 'string' || config.deliveryReportToken.length < 8)
  ) {
    return 'sms.deliveryReportToken must hold at least 8 characters';
  }
  if (config.provider === 'ovh') {
    const ovh = config.ovh;
    if (!ovh) return 'sms.ovh is required with the ovh provider';
    for (const key of ['appKey', 'appSecret', 'consumerKey', 'serviceName'] as const) {
      if (typeof ovh[key] !== 'string' || ovh[key] === '') return `sms.ovh.${key} is required`;
    }
    if (!(OVH_ENDPOINTS as readonly string[]).includes(ovh.endpoint) && !/^https:\/\/[^\s/]+/.test(ovh.endpoint)) {
      return `sms.ovh.endpoint must be one of ${OVH_ENDPOINTS.join(', ')} or an https:// address`;
    }
    if (ovh.sender !== null && ovh.sender !== undefined && !SENDER.test(ovh.sender)) {
      return 'sms.ovh.sender holds 11 letters, digits, spaces, dots or dashes at most';
    }
    if (!Number.isInteger(ovh.timeoutMs) || ovh.timeoutMs < 500) return 'sms.ovh.timeoutMs must be at least 500';
  }
  if (config.window !== undefined) {
    const problem = sendingWindowProblem({ ...DEFAULT_SENDING_WINDOW, ...config.window });
    if (problem) return `sms.window: ${problem}`;
  }
  if (config.regions !== undefined && (!Array.isArray(config.regions) || config.regions.length === 0)) {
    return 'sms.regions must list at least one region';
  }
  return null;
}

/** The SMS configuration with every default applied. */
export function resolveSmsConfig(raw: Partial<SmsConfig> | undefined): ResolvedSmsConfig {
  return {
    provider: raw?.provider ?? 'console',
    // Without a configured token nobody can post reports, which is right for the demo.
    deliveryReportToken: raw?.deliveryReportToken ?? crypto.randomBytes(24).toString('base64url'),
    ovh: raw?.provider === 'ovh' ? (raw.ovh ?? null) : null,
    window: { ...DEFAULT_SENDING_WINDOW, ...raw?.window },
    regions: raw?.regions ?? [...FRENCH_REGIONS],
  };
}
