import { z } from 'zod';
import { toValidationError } from '../utils/validation-error';

const MAX_ERRORS = 20;
const MAX_KEY_LENGTH = 64;

const TYPE_NAMES: Record<string, string> = {
  string: 'du texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'vrai ou faux (true ou false)',
  array: 'une liste',
  object: 'un objet',
  date: 'une date',
};

function amount(value: number | bigint): string {
  return typeof value === 'bigint' ? value.toString() : value.toLocaleString('fr-FR');
}

type RawIssue = z.core.$ZodRawIssue;

/**
 * A French message for every zod issue a schema did not word itself: products write their own
 * messages where they know better ("Le nom compte 80 caractères au plus."), and nothing reaches
 * a visitor in English.
 */
export function frenchIssueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null) return 'Ce champ est obligatoire.';
      if (issue.expected === 'number' && typeof issue.input === 'number') return 'Ce nombre est trop grand.';
      return `Ce champ attend ${TYPE_NAMES[issue.expected] ?? 'une autre valeur'}.`;
    }
    case 'too_big': {
      if (issue.origin === 'string') return `${amount(issue.maximum)} caractères au plus.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${amount(issue.maximum)} éléments au plus.`;
      if (issue.origin === 'int' || issue.origin === 'number' || issue.origin === 'bigint') {
        return Number(issue.maximum) >= Number.MAX_SAFE_INTEGER
          ? 'Ce nombre est trop grand.'
          : `${amount(issue.maximum)} au plus.`;
      }
      return 'Cette valeur est trop grande.';
    }
    case 'too_small': {
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'Ce champ est obligatoire.'
          : `${amount(issue.minimum)} caractères au moins.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return `${amount(issue.minimum)} éléments au moins.`;
      if (issue.origin === 'int' || issue.origin === 'number' || issue.origin === 'bigint') {
        return Number(issue.minimum) <= -Number.MAX_SAFE_INTEGER
          ? 'Ce nombre est trop petit.'
          : `${amount(issue.minimum)} au moins.`;
      }
      return 'Cette valeur est trop petite.';
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'Cette adresse e-mail n’est pas valide.';
      if (issue.format === 'url') return 'Cette adresse web n’est pas valide.';
      if (issue.format === 'uuid') return 'Cet identifiant n’est pas valide.';
      if (issue.format === 'date' || issue.format === 'datetime') return 'Cette date n’est pas valide.';
      return 'Le format de ce champ n’est pas valide.';
    case 'invalid_value':
      return issue.values.length > 0 && issue.values.length <= 6
        ? `Choisissez parmi : ${issue.values.map(String).join(', ')}.`
        : 'Cette valeur n’est pas acceptée.';
    case 'unrecognized_keys':
      return 'Ce champ n’est pas attendu.';
    case 'not_multiple_of':
      return `Ce nombre doit être un multiple de ${amount(issue.divisor as number)}.`;
    default:
      return 'Cette valeur n’est pas acceptée.';
  }
}

/** Per-parse error map: the schema's own messages win, this fills in the rest. */
export const frenchErrors = { error: (issue: RawIssue) => frenchIssueMessage(issue) };

function shortKey(key: string): string {
  return key.length > MAX_KEY_LENGTH ? `${key.slice(0, MAX_KEY_LENGTH)}…` : key;
}

/**
 * Strapi's 400 with one French message per field: problems found before the schema (text
 * hygiene) come first, an unknown key becomes an error on that key (so a developer sees which
 * key), a field gets its first message only (zod may add "too long" after "not a list"), and a
 * flood of issues is cut to 20.
 */
export function formValidationError(
  schemaIssues: readonly z.core.$ZodIssue[],
  problems: readonly { path: (string | number)[]; message: string }[] = [],
) {
  const issues: z.core.$ZodIssue[] = [];
  const seen = new Set<string>();
  const add = (issue: z.core.$ZodIssue) => {
    const where = JSON.stringify(issue.path);
    if (seen.has(where)) return;
    seen.add(where);
    issues.push(issue);
  };
  for (const problem of problems) {
    add({
      code: 'custom',
      path: problem.path.map((part) => (typeof part === 'string' ? shortKey(part) : part)),
      message: problem.message,
      input: undefined,
    });
  }
  for (const issue of schemaIssues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        add({ ...issue, keys: [key], path: [...issue.path, shortKey(key)], message: 'Ce champ n’est pas attendu.' });
      }
    } else {
      add(issue);
    }
  }
  return toValidationError(new z.ZodError(issues.slice(0, MAX_ERRORS)));
}
