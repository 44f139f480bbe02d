import { errors } from '@strapi/utils';
import OpeningHours from 'opening_hours';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const colour = optional(z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Une couleur s’écrit #RRVVBB, par exemple #1d4ed8.'));

function isOpeningHours(value: string): boolean {
  try {
    // Public holidays ("PH off") need a country; the coordinates only serve sunrise-based rules.
    new OpeningHours(value, { lat: 48.85, lon: 2.35, address: { country_code: 'fr', state: '' } });
    return true;
  } catch {
    return false;
  }
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
    z
      .string()
      .refine(
        (value) => value.trim() === '' || isOpeningHours(value),
        'Horaires illisibles : utilisez la syntaxe OpenStreetMap, par exemple « Mo-Fr 09:00-12:00,13:30-18:00; Sa 09:00-12:00 ».',
      ),
  ),
});

/** Throws Strapi's ValidationError, one French message per field at fault. */
export function assertValidCentre(data: unknown): void {
  const result = centreFields.safeParse(data ?? {});
  if (result.success) return;
  const fieldErrors = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
    name: 'ValidationError',
    value: undefined,
  }));
  throw new errors.ValidationError(
    fieldErrors.length === 1 ? fieldErrors[0].message : `${fieldErrors.length} champs sont à corriger.`,
    { errors: fieldErrors },
  );
}
