import type { Core } from '@strapi/strapi';
import type { FieldChange } from '../../../shared/contracts/moderation';
import type { Entry, ModeratedType } from './registry';

interface FieldMetadata {
  edit?: { label?: string };
}

/**
 * French names of the fields for the before/after view: the product's own, else the labels
 * the content manager shows (products set them with `applyFieldLabels`), else the field name.
 */
export async function fieldLabels(
  strapi: Core.Strapi,
  uid: string,
  type: ModeratedType | undefined,
): Promise<Record<string, string>> {
  const labels: Record<string, string> = { ...type?.fieldLabels };
  try {
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    const configuration = (await strapi
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration(contentType)) as { metadatas?: Record<string, FieldMetadata> };
    for (const [field, metadata] of Object.entries(configuration.metadatas ?? {})) {
      const label = metadata.edit?.label;
      if (!labels[field] && label && label !== field) labels[field] = label;
    }
  } catch {
    // Without the content manager's configuration, the field names are shown.
  }
  return labels;
}

/** Values a visitor can propose and a moderator can compare side by side. */
const SCALAR_TYPES = new Set([
  'string',
  'text',
  'richtext',
  'blocks',
  'email',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'time',
  'enumeration',
  'json',
  'uid',
]);

/** Kept by Strapi or by core itself, never proposed from outside. */
const SYSTEM_FIELDS = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
  'centre',
]);

/** The fields of `uid` an edit may change. */
export function editableFields(strapi: Core.Strapi, uid: string): string[] {
  const attributes = (strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes ?? {}) as Record<
    string,
    { type: string; private?: boolean }
  >;
  return Object.entries(attributes)
    .filter(([name, attribute]) => !SYSTEM_FIELDS.has(name) && SCALAR_TYPES.has(attribute.type) && !attribute.private)
    .map(([name]) => name);
}

export function pick(entry: Entry | null | undefined, fields: string[]): Entry {
  return Object.fromEntries(fields.map((field) => [field, entry?.[field] ?? null]));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Field by field, what the proposal would change. `base` is what was published when the
 * proposal was made: a field whose published value moved since then is flagged.
 */
export function diff(
  labels: Record<string, string>,
  fields: string[],
  before: Entry | null,
  after: Entry | null,
  base?: Entry | null,
): FieldChange[] {
  return fields.map((field) => {
    const change: FieldChange = {
      field,
      label: labels[field] ?? field,
      before: before ? (before[field] ?? null) : null,
      after: after ? (after[field] ?? null) : null,
      changed: !same(before?.[field], after?.[field]),
    };
    if (base && field in base && before) change.changedSinceProposal = !same(base[field], before[field]);
    return change;
  });
}

const ARTICLES = new Set(['le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'et', 'a', 'au', 'aux']);

/**
 * One key for titles that only differ by case, accents, punctuation, spacing or articles:
 * « Le Café des parents ! » and « cafe des  PARENTS » meet.
 */
export function normaliseKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const words = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word && !ARTICLES.has(word));
  const key = words.join(' ').slice(0, 255);
  return key || null;
}
