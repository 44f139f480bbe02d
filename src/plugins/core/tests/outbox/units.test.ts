import { readEnv } from '../../../../env';
import { retryDelaySeconds } from '../../server/src/outbox/backoff';
import { DEFAULT_OUTBOX_CONFIG } from '../../server/src/outbox/config';
import { describeFailure, isPermanent, PermanentJobError } from '../../server/src/outbox/errors';
import { currentSlot, parisToInstant, validateSchedule, type Schedule } from '../../server/src/outbox/scheduler';

describe('back-off', () => {
  const settings = { baseSeconds: 30, maxSeconds: 3600 };

  it('doubles at each failure, between half and all of the ceiling', () => {
    const ceilings = [1, 2, 3, 4, 5].map((attempt) => retryDelaySeconds(attempt, settings, () => 1));
    const floors = [1, 2, 3, 4, 5].map((attempt) => retryDelaySeconds(attempt, settings, () => 0));
    expect(ceilings).toEqual([30, 60, 120, 240, 480]);
    expect(floors).toEqual([15, 30, 60, 120, 240]);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelaySeconds(50, settings, () => 1)).toBe(3600);
    expect(retryDelaySeconds(1000, settings, () => 0.5)).toBe(2700);
  });

  it('spreads jobs that failed together', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelaySeconds(3, settings)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(60);
      expect(delay).toBeLessThanOrEqual(120);
    }
  });
});

describe('what is kept of a failure', () => {
  it.each([
    ['Numéro invalide : +33 6 12 34 56 78', 'Numéro invalide : [numéro masqué]'],
    ['Échec pour 0612345678', 'Échec pour [numéro masqué]'],
    ['Adresse refusée : lea.martin@example.org', 'Adresse refusée : [adresse masquée]'],
    ['Erreur 503 du prestataire (requête 4821)', 'Erreur 503 du prestataire (requête 4821)'],
  ])('masks contact details: %s', (message, kept) => {
    expect(describeFailure(new Error(message))).toBe(kept);
  });

  it('cuts long messages and names unusual errors', () => {
    expect(describeFailure(new Error('x'.repeat(5000)))).toHaveLength(1000);
    expect(describeFailure(new TypeError('oups'))).toBe('TypeError: oups');
    expect(describeFailure(undefined)).toBe('Erreur inconnue');
    expect(describeFailure(new PermanentJobError('Le rappel a été supprimé'))).toBe('Le rappel a été supprimé');
  });

  it('recognises a permanent error by its flag', () => {
    expect(isPermanent(new PermanentJobError('non'))).toBe(true);
    expect(isPermanent(Object.assign(new Error('copy from another bundle'), { permanent: true }))).toBe(true);
    expect(isPermanent(new Error('temporary'))).toBe(false);
  });
});

describe('schedule slots', () => {
  const daily: Schedule = { name: 'test.daily', job: 'test.echo', every: 'day', at: '03:30' };

  it('finds Paris wall-clock times in summer and winter', () => {
    expect(new Date(parisToInstant(2026, 7, 14, 3, 30)).toISOString()).toBe('2026-07-14T01:30:00.000Z');
    expect(new Date(parisToInstant(2026, 1, 14, 3, 30)).toISOString()).toBe('2026-01-14T02:30:00.000Z');
  });

  it('keys a daily slot by its Paris date, across the daylight-saving changes', () => {
    // Night of 28 to 29 March 2026: clocks go from 02:00 to 03:00.
    const spring = currentSlot(daily, Date.parse('2026-03-29T01:31:00Z'));
    expect(spring).toEqual({
      key: 'schedule:test.daily:2026-03-29',
      runAt: Date.parse('2026-03-29T01:30:00Z'),
      expiresAt: Date.parse('2026-03-30T01:30:00Z'),
    });
    const before = currentSlot(daily, Date.parse('2026-03-29T01:29:00Z'));
    expect(before.key).toBe('schedule:test.daily:2026-03-28');
    expect(before.runAt).toBe(Date.parse('2026-03-28T02:30:00Z'));
    expect(before.expiresAt).toBe(spring.runAt);
    // 25 October 2026: back from 03:00 to 02:00.
    const autumn = currentSlot(daily, Date.parse('2026-10-25T03:00:00Z'));
    expect(autumn.key).toBe('schedule:test.daily:2026-10-25');
    expect(autumn.runAt).toBe(Date.parse('2026-10-25T02:30:00Z'));
  });

  it('keys an hourly slot by its UTC hour and minute', () => {
    const hourly: Schedule = { name: 'test.hourly', job: 'test.echo', every: 'hour', minute: 5 };
    expect(currentSlot(hourly, Date.parse('2026-10-25T00:04:00Z'))).toEqual({
      key: 'schedule:test.hourly:2026-10-24T23:05Z',
      runAt: Date.parse('2026-10-24T23:05:00Z'),
      expiresAt: Date.parse('2026-10-25T00:05:00Z'),
    });
  });

  it.each([
    [{ ...daily, at: '2:30' }, 'must be HH:MM'],
    [{ ...daily, at: '02:30' }, 'daylight saving'],
    [{ ...daily, name: 'Retention' }, 'must look like'],
    [{ name: 'test.x', job: 'test.echo', every: 'hour', minute: 60 } as Schedule, 'minute must be 0 to 59'],
  ])('refuses a schedule it cannot keep: %j', (schedule, message) => {
    expect(() => validateSchedule(schedule)).toThrow(message);
  });
});

describe('outbox settings from the environment', () => {
  it('defaults to the plugin’s own defaults', () => {
    expect(readEnv({}).outbox).toEqual(DEFAULT_OUTBOX_CONFIG);
    expect(readEnv({}).retention).toEqual({ auditDays: 1095 });
  });

  it('reads the switch and the tunables', () => {
    const env = readEnv({ OUTBOX_WORKER: 'false', OUTBOX_BATCH_SIZE: '200', AUDIT_RETENTION_DAYS: '365' });
    expect(env.outbox).toMatchObject({ worker: false, batchSize: 200 });
    expect(env.retention.auditDays).toBe(365);
  });

  it.each([
    [{ OUTBOX_WORKER: 'peut-être' }, 'OUTBOX_WORKER: expected true or false'],
    [{ OUTBOX_LEASE_SECONDS: '1' }, 'OUTBOX_LEASE_SECONDS: expected a whole number between 2 and 3600'],
    [
      { OUTBOX_RETRY_BASE_SECONDS: '600', OUTBOX_RETRY_MAX_SECONDS: '60' },
      'OUTBOX_RETRY_MAX_SECONDS: must be at least',
    ],
    [{ AUDIT_RETENTION_DAYS: '7' }, 'AUDIT_RETENTION_DAYS: expected a whole number between 30'],
  ])('names the variable at fault: %j', (source, message) => {
    expect(() => readEnv(source)).toThrow(message);
  });
});
