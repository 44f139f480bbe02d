// The sites' code is ECMAScript modules: loaded the way a CommonJS test may.
type Agenda = typeof import('../../frontends/shared/src/lib/agenda.js', { with: { 'resolution-mode': 'import' } });
let agenda: Agenda;
beforeAll(async () => {
  agenda = (await import('../../frontends/shared/src/lib/agenda')) as Agenda;
});

describe('children’s ages on an event or service page', () => {
  it.each([
    [{ age_min: 0, age_max: 3 }, 'De 0 à 3 ans'],
    [{ age_min: 4, age_max: 4 }, '4 ans'],
    [{ age_min: 1, age_max: 1 }, '1 an'],
    [{ age_min: 6, age_max: null }, 'Dès 6 ans'],
    [{ age_min: null, age_max: 11 }, 'Jusqu’à 11 ans'],
  ])('reads %j as « %s »', (entry, label) => {
    expect(agenda.agesLabel(entry)).toBe(label);
  });

  it('says nothing when the entry gives no ages, or only « from birth »', () => {
    expect(agenda.agesLabel({ age_min: null, age_max: null })).toBeNull();
    expect(agenda.agesLabel({})).toBeNull();
    expect(agenda.agesLabel({ age_min: 0, age_max: null })).toBeNull();
  });
});
