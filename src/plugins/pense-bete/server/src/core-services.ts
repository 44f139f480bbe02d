import type { Core } from '@strapi/strapi';
import type { OutboxService, RetentionRule } from '@csc/plugin-core/toolkit';
import { DEFAULT_SENDING_WINDOW, type SmsSendResult, type SendingWindow } from '@csc/plugin-core/shared';

/**
 * The parts of core's services this plugin calls, typed once: core's service getter is private
 * to core, and a product only depends on core's public behaviour.
 */
export interface StaffUser {
  id: number | string;
  roles?: { code?: string }[];
}

interface SmsInput {
  to: string;
  body: string;
  centre: number;
  tag?: string;
  hours?: 'any' | Partial<SendingWindow>;
  notAfter?: Date;
}

interface CoreServices {
  outbox: OutboxService;
  scope: {
    isSuperAdmin(user: StaffUser): boolean;
    centreIdsOf(userId: number | string): Promise<number[]>;
  };
  consent: {
    record(input: {
      centre: number;
      subject: { uid: string; id: string };
      purpose: string;
      informationText: string;
      method: string;
      recordedBy?: string;
    }): Promise<{ documentId: string }>;
    withdraw(documentId: string, how: { method: string; by?: string }): Promise<void>;
    isGiven(subject: { uid: string; id: string }, purpose: string): Promise<boolean>;
    givenAmong(uid: string, ids: string[], purpose: string): Promise<Set<string>>;
  };
  sms: {
    send(input: SmsInput): Promise<SmsSendResult>;
    sendMany(inputs: SmsInput[]): Promise<(SmsSendResult | Error)[]>;
    isBlacklisted(to: string, centre?: number): Promise<boolean>;
    creditsLeft(): Promise<number | null>;
    centreAccount(centre: number): Promise<{ serviceName: string } | null>;
    setCentreAccount(
      centre: number,
      keys: { appKey: string; appSecret: string; consumerKey: string; serviceName: string } | null,
    ): Promise<void>;
    centreCreditsLeft(centre: number): Promise<number | null>;
    providerName(): 'console' | 'ovh';
    blacklistsByAccount(): Promise<{ install: string[]; centres: { centre: number; numbers: string[] }[] }>;
  };
  secrets: {
    seal(plain: string): string;
    open(sealed: string): string;
    sign(label: string, data: string): string;
  };
  mail: {
    send(input: {
      to: string;
      subject: string;
      text: string;
      centre?: number | null;
      listUnsubscribe?: string;
    }): Promise<unknown>;
  };
  audit: {
    record(entry: {
      action: string;
      subject: { uid: string; id: string };
      centre?: number | null;
      details?: Record<string, unknown>;
    }): Promise<void>;
  };
  gdpr: { register(type: unknown): void };
  retention: { register(rule: RetentionRule): void };
  staffRole: {
    grant(
      permissions: {
        action: string;
        subject: string | null;
        properties: Record<string, unknown>;
        conditions: string[];
      }[],
    ): void;
  };
}

export function coreService<Name extends keyof CoreServices>(strapi: Core.Strapi, name: Name): CoreServices[Name] {
  return strapi.plugin('core').service(name) as CoreServices[Name];
}

/** Core's sending window (Mon–Sat 8:00–20:00 Paris, no public holidays, unless configured). */
export function sendingWindow(strapi: Core.Strapi): SendingWindow {
  const configured = (strapi.plugin('core').config('sms') as { window?: Partial<SendingWindow> } | undefined)?.window;
  return { ...DEFAULT_SENDING_WINDOW, ...configured };
}
