/**
 * Server-side helpers every product plugin uses, so that none writes its own:
 * `import { createServiceGetter } from '@csc/plugin-core/toolkit'`.
 */
import type { Core } from '@strapi/strapi';
import type coreServices from '../server/src/services';

export * from './public-forms';
export { parseOrThrow, toValidationError } from '../server/src/utils/validation-error';
export { fieldError, forbidden } from '../server/src/utils/errors';
export { PAGE_FIELDS, UNKNOWN_PARAMETER, listQuery, paginationOf } from '../server/src/utils/list-query';

// Server-rendered public pages (French, accessible, no JavaScript): see the core README
// (« Pages publiques »). A product adds its pages with `getService(strapi, 'publicPages').add`.
export { escapeHtml, markup, trustedHtml, SafeHtml } from '../server/src/public-pages/html';
export { renderPublicPage, type PageCentre, type PublicPageContent } from '../server/src/public-pages/layout';
export {
  renderErrorSummary,
  renderField,
  renderForm,
  renderHoneypot,
  fieldId,
  type FormField,
  type FormOptions,
  type FormProblem,
  type FormValues,
} from '../server/src/public-pages/fields';
export { readFormPost, type FormPost } from '../server/src/public-pages/form-post';
export { formProblems, isRateLimit } from '../server/src/public-pages/problems';
export {
  PUBLIC_PAGES_PREFIX,
  sendMessagePage,
  sendPage,
  type PublicPageRoute,
  type PublicPagesService,
} from '../server/src/public-pages/server';
export { checkSubmission, type CheckedSubmission } from '../server/src/public-forms/check';

type ServiceFactories = Record<string, (context: { strapi: Core.Strapi }) => unknown>;

/** The one typed way to reach a plugin's services: `getService(strapi, 'health').check()`. */
export function createServiceGetter<Services extends ServiceFactories>(pluginId: string) {
  return <Name extends keyof Services & string>(strapi: Core.Strapi, name: Name): ReturnType<Services[Name]> =>
    strapi.plugin(pluginId).service(name) as ReturnType<Services[Name]>;
}

/**
 * Core's services as core declares them, for products: `coreService(strapi, 'audit').record(…)`.
 * Typed from core's own code, so a product's call cannot drift from what core does.
 */
export const coreService = createServiceGetter<typeof coreServices>('core');
export type CoreService<Name extends keyof typeof coreServices> = ReturnType<(typeof coreServices)[Name]>;

/**
 * Declares a plugin's admin RBAC actions (shown under "Plugins" in Settings › Roles), from
 * the plugin's ACTIONS constant: `{ 'plugin::<id>.<uid>': 'Nom affiché' }`.
 */
export async function registerAdminActions(
  strapi: Core.Strapi,
  pluginId: string,
  actions: Record<string, string>,
): Promise<void> {
  const prefix = `plugin::${pluginId}.`;
  await strapi.admin.services.permission.actionProvider.registerMany(
    Object.entries(actions).map(([id, displayName]) => {
      if (!id.startsWith(prefix)) throw new Error(`${id} is not an action of plugin ${pluginId}`);
      return { section: 'plugins', pluginName: pluginId, uid: id.slice(prefix.length), displayName };
    }),
  );
}

export interface FieldLabel {
  label: string;
  description?: string;
  placeholder?: string;
}

interface FieldMetadata {
  edit?: { label?: string; description?: string; placeholder?: string };
  list?: { label?: string };
}

/**
 * Gives a content type's fields French labels, help texts and placeholders in the content
 * manager. A label an administrator changed in "Configurer la vue" is kept: only labels still
 * equal to the technical field name are replaced.
 */
export async function applyFieldLabels(
  strapi: Core.Strapi,
  uid: string,
  labels: Record<string, FieldLabel>,
): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
  if (!contentType) throw new Error(`applyFieldLabels: unknown content type ${uid}`);
  const configuration = (await contentTypes.findConfiguration(contentType)) as {
    settings: unknown;
    layouts: unknown;
    metadatas: Record<string, FieldMetadata>;
  };
  let changed = false;
  for (const [field, text] of Object.entries(labels)) {
    const metadata = configuration.metadatas[field];
    if (!metadata) throw new Error(`applyFieldLabels: ${uid} has no field ${field}`);
    if (metadata.edit && (metadata.edit.label === field || !metadata.edit.label)) {
      metadata.edit = {
        ...metadata.edit,
        label: text.label,
        description: text.description ?? '',
        placeholder: text.placeholder ?? '',
      };
      changed = true;
    }
    if (metadata.list && (metadata.list.label === field || !metadata.list.label)) {
      metadata.list = { ...metadata.list, label: text.label };
      changed = true;
    }
  }
  if (changed) {
    const { settings, layouts, metadatas } = configuration;
    await contentTypes.updateConfiguration(contentType, { settings, layouts, metadatas });
  }
}

// Signed links' tokens kept out of the request log (call from a plugin's register).
export { hideTokensInLogs } from '../server/src/logs/redact-tokens';

// One row and its to-one relations in one statement, for hot paths (a job run thousands of times).
export { findManyJoined, findOneJoined, type JoinedRow } from '../server/src/utils/joined-read';

// Jobs outbox and retention, for products: see the core README ("File d’attente").
export { PermanentJobError, RetryLaterError } from '../server/src/outbox/errors';
export { jobType } from '../server/src/outbox/types';
export type {
  BatchItem,
  BatchJobHandler,
  EnqueuedJob,
  EnqueueOptions,
  HandlerOptions,
  JobContext,
  JobHandler,
  JobToEnqueue,
  JobType,
} from '../server/src/outbox/types';
export type { Schedule } from '../server/src/outbox/scheduler';
export type { OutboxService } from '../server/src/outbox/service';
export type { RetentionRule } from '../server/src/retention/registry';
export type { FoundRecord, PersonalDataType, PersonRef } from '../server/src/gdpr/registry';
export type { Person } from '../server/src/gdpr/person';

// Public lists kept in memory until a watched type is written (see directory/list-cache.ts).
export { clearListCacheOnWrites, createListCache, type ListCache } from '../server/src/directory/list-cache';

// Paris time and recurrence rules (RFC 5545 RRULE), for products that schedule: see the core
// README ("Annuaire et agenda").
export { occurrencesFrom, nextOccurrence } from '../server/src/directory/occurrences';
export { normaliseRrule, rruleProblem } from '../server/src/directory/rrule';
export {
  PARIS,
  nextDay,
  parisInstant,
  parisStartOfDay,
  parisToday,
  parisWallClock,
  type WallClock,
} from '../server/src/directory/paris-time';

// What staff read about an SMS failure (French, never the number nor the text).
export { describeError as describeSmsError } from '../server/src/sms/service';

// Secrets stored in the database, sealed with AES-256-GCM: see the core README ("Secrets").
export { createSecretBox, SecretKeyError, type SecretBox } from '../server/src/secrets/box';
export type { SecretsService } from '../server/src/secrets/service';

// French e-mails as layouts (plain text and an HTML twin): see mail/templates.ts.
export type { MailLayout } from '../server/src/mail/templates';

// Signed links sent by e-mail, working without an account: see utils/signed-link.ts.
export { checkLinkToken, signLinkToken, type SignedLinkCheck } from '../server/src/utils/signed-link';
