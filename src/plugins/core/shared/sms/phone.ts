import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

/**
 * Where an SMS may go by default: mainland France and the overseas départements and
 * collectivités, whose numbers have their own country codes (+262 Réunion and Mayotte, +590
 * Guadeloupe, Saint-Martin and Saint-Barthélemy, +594 Guyane, +596 Martinique, +508, +681,
 * +687, +689). The first regions are tried in this order when a number is written without its
 * country code (06…, 0692…, 0690…).
 */
export const FRENCH_REGIONS: readonly CountryCode[] = [
  'FR',
  'RE',
  'YT',
  'GP',
  'MQ',
  'GF',
  'BL',
  'MF',
  'PM',
  'WF',
  'PF',
  'NC',
];

export type MobileCheck = { ok: true; e164: string; region: CountryCode } | { ok: false; message: string };

/**
 * ARCEP's block of mobile numbers reserved for fiction (06 39 98 00 00 to 06 39 98 99 99): never
 * assigned to anyone, so demo data can use them. Invalid everywhere else, as they should be.
 */
export const FICTIONAL_MOBILE = /^\+3363998\d{4}$/;

export const isFictionalMobile = (e164: string) => FICTIONAL_MOBILE.test(e164);

const ALLOWED_CHARACTERS = /^[+\d\s.\-()/]*$/;

/** The first reading of `digits` that is a valid number, trying each region's national format. */
function parse(digits: string, regions: readonly CountryCode[]): PhoneNumber | undefined {
  if (digits.startsWith('+')) return parsePhoneNumberFromString(digits);
  for (const region of regions) {
    const parsed = parsePhoneNumberFromString(digits, region);
    if (parsed?.isValid()) return parsed;
  }
  return parsePhoneNumberFromString(digits, regions[0] ?? 'FR');
}

/**
 * A mobile number an SMS can reach, in E.164 (`+33612345678`), or a French sentence saying what
 * is wrong with it. Accepts what people type: spaces, dots, dashes, `0033`, `+33 (0)6`.
 */
export function checkMobile(
  input: unknown,
  options: { regions?: readonly CountryCode[]; fictional?: boolean } = {},
): MobileCheck {
  const regions = options.regions ?? FRENCH_REGIONS;
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, message: 'Indiquez un numéro de mobile.' };
  if (input.length > 30) return { ok: false, message: 'Ce numéro est trop long.' };
  if (!ALLOWED_CHARACTERS.test(input)) {
    return { ok: false, message: 'Un numéro de téléphone ne contient que des chiffres, des espaces et le signe +.' };
  }
  let digits = input.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.lastIndexOf('+') > 0) return { ok: false, message: 'Ce numéro de téléphone n’est pas valide.' };
  const parsed = parse(digits, regions);
  if (options.fictional && parsed && isFictionalMobile(parsed.number)) {
    return { ok: true, e164: parsed.number, region: 'FR' };
  }
  if (!parsed?.isValid()) return { ok: false, message: 'Ce numéro de téléphone n’est pas valide.' };
  const region = parsed.country;
  if (!region || !regions.includes(region)) {
    return {
      ok: false,
      message: 'Ce numéro est étranger : les SMS ne partent que vers les mobiles de France et des outre-mer.',
    };
  }
  const type = parsed.getType();
  if (type === 'FIXED_LINE') {
    return { ok: false, message: 'Ce numéro est un fixe : indiquez un numéro de mobile (06, 07…).' };
  }
  if (type !== 'MOBILE') {
    return { ok: false, message: 'Ce numéro ne reçoit pas de SMS : indiquez un numéro de mobile (06, 07…).' };
  }
  return { ok: true, e164: parsed.number, region };
}

/** A number written for reading (`+33 6 12 34 56 78`); the input itself when it does not parse. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/**
 * A number as lists show it: the country code, the first digit and the last two, the rest
 * hidden (`+33 6 •• •• •• 78`). Enough for staff to recognise a person, not to call them.
 */
export function maskPhone(e164: string | null | undefined): string {
  if (!e164) return '—';
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return '•••';
  const national = parsed.nationalNumber;
  const rest = national.slice(1);
  const groups: string[] = [];
  for (let index = 0; index < rest.length; index += 2) groups.push(rest.slice(index, index + 2));
  const masked = groups.map((group, index) => (index === groups.length - 1 ? group : '•'.repeat(group.length)));
  return [`+${parsed.countryCallingCode}`, national.charAt(0), ...masked].join(' ');
}
