import { ConfigError, readEnv } from '../../../../../src/env';

function errorOf(source: Record<string, string>): ConfigError {
  try {
    readEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('readEnv accepted the environment');
}

describe('moderation settings', () => {
  it('hides after 3 reports and flags after 7 days unless told otherwise', () => {
    expect(readEnv({}).moderation).toEqual({ reportThreshold: 3, pendingDays: 7 });
    expect(readEnv({ MODERATION_REPORT_THRESHOLD: '5', MODERATION_PENDING_DAYS: '14' }).moderation).toEqual({
      reportThreshold: 5,
      pendingDays: 14,
    });
  });

  it.each([
    [{ MODERATION_REPORT_THRESHOLD: '0' }, 'MODERATION_REPORT_THRESHOLD'],
    [{ MODERATION_REPORT_THRESHOLD: 'trois' }, 'MODERATION_REPORT_THRESHOLD'],
    [{ MODERATION_PENDING_DAYS: '-1' }, 'MODERATION_PENDING_DAYS'],
    [{ MODERATION_PENDING_DAYS: '1000' }, 'MODERATION_PENDING_DAYS'],
  ])('names the variable at fault: %j', (source, variable) => {
    expect(errorOf(source).subject).toBe(variable);
  });
});
