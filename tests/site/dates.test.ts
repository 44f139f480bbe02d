// The sites' code is ECMAScript modules: loaded the way a CommonJS test may.
type Dates = typeof import('../../frontends/shared/src/lib/dates.js', { with: { 'resolution-mode': 'import' } });
const LIB = '../../frontends/shared/src/lib';
let clockTime: Dates['clockTime'];
let parisDateTime: Dates['parisDateTime'];
let parisDay: Dates['parisDay'];
beforeAll(async () => {
  ({ clockTime, parisDateTime, parisDay } = (await import(`${LIB}/dates`)) as Dates);
});

describe('Paris time on the sites', () => {
  it('prints winter and summer times with their offset', () => {
    expect(parisDateTime('2026-01-15T13:30:00.000Z')).toBe('2026-01-15T14:30:00+01:00');
    expect(parisDateTime('2026-07-14T20:00:05.000Z')).toBe('2026-07-14T22:00:05+02:00');
  });

  it('follows the clock changes to the minute, as visitors read them', () => {
    // Spring: 02:00 in Paris becomes 03:00 (01:00 UTC), the last Sunday of March.
    expect(parisDateTime('2026-03-29T00:59:00.000Z')).toBe('2026-03-29T01:59:00+01:00');
    expect(parisDateTime('2026-03-29T01:00:00.000Z')).toBe('2026-03-29T03:00:00+02:00');
    // Autumn: 03:00 in Paris goes back to 02:00 (01:00 UTC), the last Sunday of October.
    expect(parisDateTime('2026-10-25T00:59:00.000Z')).toBe('2026-10-25T02:59:00+02:00');
    expect(parisDateTime('2026-10-25T01:00:00.000Z')).toBe('2026-10-25T02:00:00+01:00');
    expect(clockTime('2026-10-25T01:30:00.000Z')).toBe('2 h 30');
  });

  it('gives the day in Paris, not the build machine’s', () => {
    expect(parisDay('2026-12-31T23:30:00.000Z')).toBe('2027-01-01');
    expect(parisDay('2026-06-30T21:59:59.000Z')).toBe('2026-06-30');
  });
});
