import { ConfigError, readEnv } from '../../../../../src/env';

const PRODUCTION = {
  NODE_ENV: 'production',
  APP_KEYS: 'k1Zr8nYQ0vXw==,p2Lm5sT9aB==',
  API_TOKEN_SALT: 'b0c4b1b5e7f3a9d2',
  ADMIN_JWT_SECRET: 'c6a7e8f9d0b1a2c3',
  TRANSFER_TOKEN_SALT: 'd1e2f3a4b5c6d7e8',
  JWT_SECRET: 'e9f8a7b6c5d4e3f2',
  ENCRYPTION_KEY: 'f0a1b2c3d4e5f6a7',
};

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

  it('never loads the test fixtures in production', () => {
    expect(readEnv({ TEST_FIXTURES: 'true' }).testFixtures).toBe(true);
    expect(readEnv({ ...PRODUCTION, TEST_FIXTURES: 'true' }).testFixtures).toBe(false);
    expect(readEnv({}).testFixtures).toBe(false);
  });
});
