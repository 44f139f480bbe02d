import type { Core } from '@strapi/strapi';
import type { OutboxService } from '@csc/plugin-core/toolkit';
import type {
  DirectoryEvent,
  DirectoryListResponse,
  DirectoryScope,
  DirectoryStructure,
} from '@csc/plugin-core/shared';

type Entry = Record<string, unknown>;
type Paging = { page: number; pageSize: number };

/**
 * The parts of core's services this plugin calls, typed once: core's service getter is private
 * to core, and a product only depends on core's public behaviour.
 */
interface CoreServices {
  directory: {
    structures(
      filters: { q?: string },
      paging: Paging,
      scope?: DirectoryScope,
    ): Promise<DirectoryListResponse<DirectoryStructure>>;
    events(
      filters: { q?: string; from?: string; to?: string },
      paging: Paging,
      scope?: DirectoryScope,
    ): Promise<DirectoryListResponse<DirectoryEvent>>;
  };
  outbox: OutboxService;
  mail: {
    send(input: { to: string; subject: string; text: string; html?: string; centre?: number | null }): Promise<unknown>;
    compose(layout: {
      subject: string;
      greeting?: string;
      paragraphs: string[];
      closing?: string;
      signature: string;
      footer?: string;
    }): { subject: string; text: string; html: string };
  };
  moderation: {
    register(type: {
      uid: string;
      label: string;
      mode: 'pre' | 'post';
      titleOf(entry: Entry): string;
      duplicateKey?(entry: Entry): string | null | undefined;
      submitterEmailOf?(entry: Entry): string | null | undefined;
      fieldLabels?: Record<string, string>;
    }): void;
    submit(
      uid: string,
      data: Entry,
      options?: { submitter?: { email: string } },
    ): Promise<{ documentId: string; item: number; published: boolean }>;
  };
  gdpr: { register(type: unknown): void };
  consent: {
    record(input: {
      centre: number;
      subject: { uid: string; id: string };
      purpose: string;
      informationText: string;
      method: 'oral' | 'paper' | 'online-form' | 'email';
      recordedBy?: string;
    }): Promise<{ documentId: string }>;
  };
  directoryContributions: { grantPartnerActions(actions: readonly string[]): void };
  staffRole: {
    grant(
      permissions: {
        action: string;
        subject: string | null;
        properties: Record<string, unknown>;
        conditions: string[];
      }[],
    ): void;
    grantContentTypes(uids: string[]): void;
  };
}

export function coreService<Name extends keyof CoreServices>(strapi: Core.Strapi, name: Name): CoreServices[Name] {
  return strapi.plugin('core').service(name) as CoreServices[Name];
}
