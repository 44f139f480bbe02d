import { z } from 'zod';
import { THEMATIQUES, valuesOf } from '@csc/plugin-core/shared';
import { AUDIENCES, LOCAL_THEME_CODE, RESOURCE_KINDS } from '../../../shared/contracts/values';

export const DATA_INCLUSION_THEMES = new Set<string>(valuesOf(THEMATIQUES));
export const AUDIENCE_CODES = new Set<string>(AUDIENCES.map((audience) => audience.value));
export const RESOURCE_KIND_CODES = new Set<string>(RESOURCE_KINDS.map((kind) => kind.value));

export const themeLabel = (code: string): string => THEMATIQUES.find((theme) => theme.value === code)?.label ?? code;

/** A list of distinct values, each checked by `known`; `label` names one value in messages. */
export function codeList(label: string, known: (value: string) => boolean, max = 60) {
  return z
    .array(z.string(`Chaque ${label} est un texte.`).max(120, `Une ${label} compte 120 caractères au plus.`), {
      error: `Les ${label}s forment une liste.`,
    })
    .max(max, `${max} ${label}s au plus.`)
    .superRefine((list, ctx) => {
      const unknown = list.filter((value) => !known(value));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `Valeur inconnue : ${unknown.slice(0, 3).join(', ').slice(0, 200)}.`,
        });
      }
      if (new Set(list).size !== list.length)
        ctx.addIssue({ code: 'custom', message: `Chaque ${label} n’apparaît qu’une fois.` });
    });
}

export const audienceList = codeList('public', (value) => AUDIENCE_CODES.has(value), AUDIENCES.length);

export const localThemeCode = z
  .string('Le code d’une thématique locale est un texte.')
  .regex(
    LOCAL_THEME_CODE,
    'Code de thématique locale : lettres minuscules, chiffres et tirets (« sortir-en-famille »).',
  )
  .max(60, 'Un code de thématique locale compte 60 caractères au plus.')
  .refine((code) => !DATA_INCLUSION_THEMES.has(code), 'Ce code est déjà une thématique data·inclusion.');

export const httpUrl = z
  .string('L’adresse est un texte.')
  .max(500, 'L’adresse compte 500 caractères au plus.')
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value), 'L’adresse commence par https:// ou http://.');

export const isoDay = z
  .string('La date est un texte AAAA-MM-JJ.')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'La date s’écrit AAAA-MM-JJ, par exemple 2026-09-01.')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'Cette date n’existe pas dans le calendrier.');

/** A structure of the shared directory, by its `documentId`. */
export const documentId = z.string('Identifiant invalide.').regex(/^[a-z0-9]{10,40}$/, 'Identifiant invalide.');

/** A glossary term's address: lower-case words with dashes. */
export const slug = z
  .string('L’identifiant est un texte.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Identifiant : lettres minuscules, chiffres et tirets.')
  .max(100, 'Identifiant trop long (100 caractères au plus).');

/** Lower case, no accents, words joined by dashes: « Congé parental » → `conge-parental`. */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/g, '') || 'sans-titre'
  );
}
