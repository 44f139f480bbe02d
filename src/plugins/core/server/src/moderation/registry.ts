import type { Core } from '@strapi/strapi';
import type { ModerationHint, ModerationMode } from '../../../shared/contracts/moderation';

export type Entry = Record<string, unknown>;

/**
 * What a product declares, once, for each content type whose submissions or edits from outside
 * (partners, residents) a moderator must see:
 * `strapi.plugin('core').service('moderation').register({ uid, label, mode, titleOf, ... })`.
 */
export interface ModeratedType {
  /** A content type with draft & publish on (`options.draftAndPublish: true`). */
  uid: string;
  /** French, singular: « Fiche de l’annuaire ». */
  label: string;
  /** pre: unpublished until accepted; post: published at once, reviewed afterwards. */
  mode: ModerationMode;
  /** What the queue and the e-mails call an entry. */
  titleOf(entry: Entry): string;
  /**
   * Entries of the same type and centre with the same key are flagged as possible duplicates;
   * the key is normalised (case, accents, punctuation, articles). Defaults to the title.
   */
  duplicateKey?(entry: Entry): string | null | undefined;
  /** Where to tell the submitter about decisions when `submit` was not given an address. */
  submitterEmailOf?(entry: Entry): string | null | undefined;
  /** French labels of the fields, for the before/after view; the field name otherwise. */
  fieldLabels?: Record<string, string>;
  /**
   * Advice shown to the moderator beside the content (French), computed from the entry as it
   * would be published, e.g. readability of a text. Never sent to the submitter.
   */
  hints?(entry: Entry): ModerationHint[];
}

const MODES: readonly ModerationMode[] = ['pre', 'post'];

export function createModerationRegistry(strapi: Core.Strapi) {
  const types = new Map<string, ModeratedType>();
  return {
    register(type: ModeratedType): void {
      const contentType = strapi.contentTypes[type.uid as keyof typeof strapi.contentTypes];
      if (!contentType) throw new Error(`moderation: unknown content type ${type.uid}`);
      if ((contentType.options as { draftAndPublish?: boolean } | undefined)?.draftAndPublish !== true) {
        throw new Error(`moderation: ${type.uid} must have draft & publish on (options.draftAndPublish: true)`);
      }
      if (!MODES.includes(type.mode)) throw new Error(`moderation: mode of ${type.uid} must be pre or post`);
      if (typeof type.titleOf !== 'function' || !type.label) {
        throw new Error(`moderation: ${type.uid} needs a label and a titleOf(entry) function`);
      }
      if (types.has(type.uid)) throw new Error(`moderation: ${type.uid} is already registered`);
      types.set(type.uid, type);
    },
    get(uid: string): ModeratedType | undefined {
      return types.get(uid);
    },
    all(): ModeratedType[] {
      return [...types.values()];
    },
  };
}

export type ModerationRegistry = ReturnType<typeof createModerationRegistry>;
