// The sites' code is ECMAScript modules: loaded the way a CommonJS test may.
type Ages = typeof import('../../frontends/shared/src/lib/ages.js', { with: { 'resolution-mode': 'import' } });
const LIB = '../../frontends/shared/src/lib';
let ages: Ages;
beforeAll(async () => {
  ages = (await import(`${LIB}/ages`)) as Ages;
});

describe('children’s ages on an event or service page', () => {
  it.each([
    [{ age_min: 0, age_max: 3 }, 'De 0 à 3 ans'],
    [{ age_min: 4, age_max: 4 }, '4 ans'],
    [{ age_min: 1, age_max: 1 }, '1 an'],
    [{ age_min: 6, age_max: null }, 'Dès 6 ans'],
    [{ age_min: null, age_max: 11 }, 'Jusqu’à 11 ans'],
  ])('reads %j as « %s »', (entry, label) => {
    expect(ages.agesLabel(entry)).toBe(label);
  });

  it('says nothing when the entry gives no ages, or only « from birth »', () => {
    expect(ages.agesLabel({ age_min: null, age_max: null })).toBeNull();
    expect(ages.agesLabel({})).toBeNull();
    expect(ages.agesLabel({ age_min: 0, age_max: null })).toBeNull();
  });
});
