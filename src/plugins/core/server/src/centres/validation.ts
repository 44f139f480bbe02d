import OpeningHours from 'opening_hours';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { parseOrThrow } from '../utils/validation-error';

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const colour = optional(z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Une couleur s’écrit #RRVVBB, par exemple #1d4ed8.'));

const HOURS_EXAMPLE = '« Mo-Fr 09:00-12:00,13:30-18:00; Sa 09:00-12:00; PH off »';

/**
 * Null when the value is valid OpenStreetMap syntax; otherwise what to fix. The parser accepts
 * vague values such as "lundi" with warnings; those are refused too, with its French hint,
 * because the sites turn these hours into sentences for residents.
 */
export function openingHoursProblem(value: string): string | null {
  let warnings: string[];
  try {
    // Public holidays ("PH off") need a country; the coordinates only serve sunrise-based rules.
    warnings = new OpeningHours(value, { lat: 48.85, lon: 2.35, address: { country_code: 'fr', state: '' } }, {
      locale: 'fr',
      mode: 0,
      warnings_severity: 4,
      tag_key: 'opening_hours',
    } as never).getWarnings();
  } catch {
    return `Horaires illisibles : utilisez la syntaxe OpenStreetMap, par exemple ${HOURS_EXAMPLE}.`;
  }
  if (warnings.length === 0) return null;
  const hint = /\((.*)\)\s*$/s.exec(warnings[0])?.[1] ?? warnings[0];
  return `Horaires à préciser : ${hint} Exemple : ${HOURS_EXAMPLE}.`;
}

/**
 * What staff may write in a centre's fields; the content manager shows these messages next to
 * the field. Only fields present are checked, so a partial update stays possible.
 */
const centreFields = z.object({
  name: optional(
    z.string().trim().min(2, 'Le nom compte au moins 2 caractères.').max(120, 'Le nom compte 120 caractères au plus.'),
  ),
  postalCode: optional(z.string().regex(/^(\d{5})?$/, 'Le code postal compte 5 chiffres.')),
  phone: optional(
    z
      .string()
      .refine(
        (value) => value === '' || Boolean(parsePhoneNumberFromString(value, 'FR')?.isValid()),
        'Ce numéro de téléphone n’est pas valide.',
      ),
  ),
  website: optional(
    z.string().refine((value) => value === '' || /^https?:\/\/[^\s]+\.[^\s]+$/.test(value), {
      message: 'L’adresse du site commence par https:// ou http://.',
    }),
  ),
  primaryColour: colour,
  secondaryColour: colour,
  smsSenderName: optional(
    z
      .string()
      .regex(
        /^([A-Za-z0-9 .-]{0,11})$/,
        'Le nom d’expéditeur compte 11 caractères au plus : lettres sans accent, chiffres, espace, point ou tiret.',
      )
      .refine((value) => value === '' || /[A-Za-z]/.test(value), 'Le nom d’expéditeur contient au moins une lettre.'),
  ),
  openingHours: optional(
    z.string().superRefine((value, ctx) => {
      const problem = value.trim() === '' ? null : openingHoursProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ),
});

/** Throws Strapi's ValidationError, one French message per field at fault. */
export function assertValidCentre(data: unknown): void {
  parseOrThrow(centreFields, data ?? {});
}
