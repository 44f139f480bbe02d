/** La Poste's SIREN: its establishments' SIRET do not follow the Luhn rule. */
const LA_POSTE_SIREN = '356000000';

function luhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Spaces and dots typed by people are ignored: « 732 829 320 00074 ». */
export function normaliseSiret(value: string): string {
  return value.replace(/[\s.\u00a0\u202f]/g, '');
}

/**
 * Whether a SIRET (14 digits) passes INSEE's check: the Luhn rule, except for La Poste, whose
 * establishments (SIREN 356000000) have a digit sum that is a multiple of 5 instead.
 */
export function isValidSiret(value: string): boolean {
  const siret = normaliseSiret(value);
  if (!/^\d{14}$/.test(siret)) return false;
  if (luhn(siret)) return true;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0;
  }
  return false;
}

/** The French sentence staff read about a wrong SIRET, or null when it is valid. */
export function siretProblem(value: string): string | null {
  const siret = normaliseSiret(value);
  if (!/^\d+$/.test(siret)) return 'Le SIRET ne contient que des chiffres (14).';
  if (siret.length !== 14) return `Le SIRET compte 14 chiffres (ici ${siret.length}).`;
  if (!isValidSiret(siret)) return 'Ce SIRET n’existe pas : un chiffre est sans doute mal recopié.';
  return null;
}
