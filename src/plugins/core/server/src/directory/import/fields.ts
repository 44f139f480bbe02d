import { z } from 'zod';
import {
  FRAIS,
  MODES_ACCUEIL,
  PUBLICS,
  RESEAUX_PORTEURS,
  THEMATIQUES,
  TYPES_DE_SERVICES,
} from '../../../../shared/contracts/directory-values';
import type { ImportProblem } from '../../../../shared/contracts/directory-import';
import { SERVICE_FIELDS, STRUCTURE_FIELDS } from '../../../../shared/contracts/directory';
import { searchKey } from '../search-keys';

export type EntryType = 'structure' | 'service';
/** How cells are written: JSON values, CSV text, or CSV text typed by people (labels accepted). */
export type Dialect = 'json' | 'csv' | 'plain';

/**
 * The data·inclusion v1 fields we keep, per type. An import from data·inclusion sets each of them
 * (an absent one is emptied); fields outside the schema (typologie, a structure's thematiques)
 * are left as the team wrote them.
 */
export const DATA_INCLUSION_FIELDS: Record<EntryType, readonly string[]> = {
  structure: STRUCTURE_FIELDS.filter((field) => field !== 'typologie' && field !== 'thematiques'),
  // Ages are not in the schema: a new import from data·inclusion keeps the ones the team set.
  service: SERVICE_FIELDS.filter((field) => field !== 'age_min' && field !== 'age_max'),
};

export const ADDRESS_FIELDS = ['adresse', 'code_postal', 'commune'] as const;

const LISTS: Record<string, readonly { value: string; label: string }[] | null> = {
  thematiques: THEMATIQUES,
  publics: PUBLICS,
  modes_accueil: MODES_ACCUEIL,
  reseaux_porteurs: RESEAUX_PORTEURS,
  zone_eligibilite: null,
};
const CHOICES: Record<string, readonly { value: string; label: string }[]> = {
  type: TYPES_DE_SERVICES,
  frais: FRAIS,
};
const NUMBERS = new Set(['latitude', 'longitude', 'age_min', 'age_max']);

type Converted = { value: unknown } | { problem: string };

/** A value typed by a person, matched to a list's code by code or by French label. */
function matchValue(list: readonly { value: string; label: string }[] | null, raw: string, dialect: Dialect): string {
  if (!list || dialect !== 'plain') return raw;
  const key = searchKey(raw).replace(/\s+/g, ' ');
  const found = list.find(
    (item) => item.value === raw || searchKey(item.label) === key || searchKey(item.value) === key,
  );
  return found ? found.value : raw;
}

/** `["a","b"]`, or `a, b` / `a; b` / `a | b` as spreadsheets write lists. */
function splitList(text: string): string[] | null {
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : null;
    } catch {
      return null;
    }
  }
  return text
    .split(/[,;|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** One cell into the value our field stores, or a French reason. */
export function convert(field: string, raw: unknown, dialect: Dialect): Converted {
  if (raw === undefined || raw === null) return { value: null };
  if (dialect === 'json' && typeof raw !== 'string' && !(NUMBERS.has(field) || field in LISTS)) {
    return { problem: 'Cette valeur doit être un texte.' };
  }
  if (field in LISTS) {
    const list = LISTS[field];
    let items: unknown;
    if (Array.isArray(raw)) items = raw;
    else if (typeof raw === 'string' && dialect !== 'json') items = raw.trim() === '' ? null : splitList(raw.trim());
    else return { problem: 'Cette valeur doit être une liste.' };
    if (items === null) return { value: null };
    if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) {
      return { problem: 'Liste illisible : écrivez les valeurs séparées par des virgules.' };
    }
    const values = (items as string[]).map((item) => matchValue(list, item.trim(), dialect));
    return { value: values.length === 0 ? null : values };
  }
  if (NUMBERS.has(field)) {
    if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { problem: 'Nombre illisible.' };
    if (typeof raw !== 'string' || dialect === 'json') return { problem: 'Cette valeur doit être un nombre.' };
    const text = raw.trim().replace(',', '.');
    if (text === '') return { value: null };
    const number = Number(text);
    return /^-?\d+(\.\d+)?$/.test(text) && Number.isFinite(number)
      ? { value: number }
      : {
          problem: `« ${raw.slice(0, 40)} » n’est pas un nombre (par exemple ${field.startsWith('age') ? '3' : '45,7347'}).`,
        };
  }
  if (typeof raw !== 'string') return { problem: 'Cette valeur doit être un texte.' };
  const text = raw.trim();
  if (text === '') return { value: null };
  return { value: field in CHOICES ? matchValue(CHOICES[field], text, dialect) : text };
}

const email = z.email();

interface AttributeLike {
  type?: string;
  maxLength?: number;
}

/**
 * What Strapi itself would refuse, said in French before the write: required fields, lengths,
 * choices and the e-mail address. `validation.ts` then checks the rest, as for a hand-made entry.
 */
export function basicProblems(
  type: EntryType,
  data: Record<string, unknown>,
  attributes: Record<string, AttributeLike>,
  isNew: boolean,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const required = type === 'service' ? ['nom', 'description'] : ['nom'];
  for (const field of required) {
    if ((isNew || field in data) && (data[field] === null || data[field] === undefined)) {
      problems.push({
        field,
        message: field === 'nom' ? 'Le nom est obligatoire.' : 'La description est obligatoire.',
      });
    }
  }
  for (const [field, value] of Object.entries(data)) {
    const maxLength = attributes[field]?.maxLength;
    if (typeof value === 'string' && maxLength && value.length > maxLength) {
      problems.push({ field, message: `Texte trop long : ${maxLength} caractères au plus (ici ${value.length}).` });
    }
    if (field in CHOICES && typeof value === 'string' && !CHOICES[field].some((item) => item.value === value)) {
      problems.push({
        field,
        message: `Valeur inconnue « ${value.slice(0, 60)} » ; valeurs possibles : ${CHOICES[field].map((item) => item.value).join(', ')}.`,
      });
    }
    if (field === 'courriel' && typeof value === 'string' && !email.safeParse(value).success) {
      problems.push({ field, message: 'Cette adresse e-mail n’est pas valide.' });
    }
  }
  return problems;
}

/** The key an entry is found again by, for rows without an identifier: its name and commune. */
export function nameKey(data: Record<string, unknown>): string | null {
  if (typeof data.nom !== 'string') return null;
  const commune = typeof data.commune === 'string' ? `|${searchKey(data.commune)}` : '';
  return `nom:${searchKey(data.nom).replace(/\s+/g, ' ')}${commune}`.slice(0, 255);
}
