import type { Core } from '@strapi/strapi';
import type {
  DirectoryEvent,
  DirectoryListResponse,
  DirectoryScope,
  DirectoryService,
  DirectoryStructure,
  ModerationMode,
} from '@csc/plugin-core/shared';

/**
 * The parts of core's services this plugin calls, typed once: core's service getter is private
 * to core, and a product depends only on core's public behaviour.
 */
export interface AdminUser {
  id: number | string;
  roles?: { code?: string }[];
}

type Paging = { page: number; pageSize: number };
/** Core's public filters; the compass adds its standing selection as a `DirectoryScope`. */
export interface DirectoryFilters {
  q?: string;
  from?: string;
  to?: string;
}

export interface ModeratedTypeDeclaration {
  uid: string;
  label: string;
  mode: ModerationMode;
  titleOf(entry: Record<string, unknown>): string;
  duplicateKey?(entry: Record<string, unknown>): string | null | undefined;
  fieldLabels?: Record<string, string>;
}

interface CoreServices {
  directory: {
    structures(
      filters: DirectoryFilters,
      paging: Paging,
      scope?: DirectoryScope,
    ): Promise<DirectoryListResponse<DirectoryStructure>>;
    services(
      filters: DirectoryFilters,
      paging: Paging,
      scope?: DirectoryScope,
    ): Promise<DirectoryListResponse<DirectoryService>>;
    events(
      filters: DirectoryFilters,
      paging: Paging,
      scope?: DirectoryScope,
    ): Promise<DirectoryListResponse<DirectoryEvent>>;
    structure(documentId: string): Promise<{ structure: DirectoryStructure; services: DirectoryService[] } | null>;
  };
  moderation: {
    register(type: ModeratedTypeDeclaration): void;
    types(): ModeratedTypeDeclaration[];
    submit(
      uid: string,
      data: Record<string, unknown>,
      options?: { submitter?: { email: string } },
    ): Promise<{ documentId: string; item: number; published: boolean }>;
  };
  scope: {
    isSuperAdmin(user: AdminUser): boolean;
    centreIdsOf(userId: number | string): Promise<number[]>;
    filterFor(user: AdminUser, uid: string): Promise<Record<string, unknown> | undefined>;
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
