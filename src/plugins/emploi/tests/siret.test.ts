import { isValidSiret, siretProblem } from '../shared/siret';

describe('SIRET check', () => {
  it('accepts SIRET that pass the Luhn rule, typed with spaces or not', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('732 829 320 00074')).toBe(true);
    expect(siretProblem('901 234 567 00013')).toBeNull();
  });

  it('refuses a SIRET with one digit wrong or two digits swapped, saying so in French', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('73282932000047')).toBe(false);
    expect(siretProblem('73282932000075')).toBe('Ce SIRET n’existe pas : un chiffre est sans doute mal recopié.');
  });

  it('says what is wrong with the shape', () => {
    expect(siretProblem('7328293200007')).toBe('Le SIRET compte 14 chiffres (ici 13).');
    expect(siretProblem('732829320000745')).toBe('Le SIRET compte 14 chiffres (ici 15).');
    expect(siretProblem('7328293200007A')).toBe('Le SIRET ne contient que des chiffres (14).');
    expect(siretProblem('')).toBe('Le SIRET ne contient que des chiffres (14).');
  });

  it('accepts La Poste’s establishments, whose digit sum is a multiple of 5 instead', () => {
    // Head office: passes Luhn like any other.
    expect(isValidSiret('35600000000048')).toBe(true);
    // A post office: fails Luhn, digit sum 45.
    expect(isValidSiret('35600000049837')).toBe(true);
    // Same SIREN, digit sum 46: neither rule.
    expect(isValidSiret('35600000049838')).toBe(false);
    // The exception is La Poste's only: another SIRET with a digit sum multiple of 5 and no Luhn.
    expect(isValidSiret('35600100049837')).toBe(false);
  });
});
