import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const STRAPI = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

interface Outcome {
  code: number | null;
  stderr: string[];
}

/** `strapi start` as an operator runs it, with a broken environment; the app must stop by itself. */
function start(env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [STRAPI, 'start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ENV_PATH: '/dev/null',
        DATABASE_FILENAME: '.tmp/tests/boot-failure.db',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`strapi start did not stop by itself; stderr so far:\n${stderr}`));
    }, 60000);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, stderr: stderr.split('\n').filter((line) => line.trim() && !line.startsWith('npm warn')) });
    });
  });
}

describe('a broken configuration stops the boot with one line naming the cause', () => {
  it.each([
    [{ PORT: 'abc' }, 'Configuration error: PORT: expected a port number between 1 and 65535, got "abc"'],
    [{ NODE_ENV: 'production' }, 'Configuration error: APP_KEYS: is required in production'],
    [
      {
        NODE_ENV: 'production',
        APP_KEYS: 'exampleKeyOne==,exampleKeyTwo==',
        API_TOKEN_SALT: 'a',
        ADMIN_JWT_SECRET: 'b',
        TRANSFER_TOKEN_SALT: 'c',
        JWT_SECRET: 'd',
        ENCRYPTION_KEY: 'e',
      },
      'Configuration error: APP_KEYS: still holds the example value from .env.example',
    ],
    [
      { DATABASE_CLIENT: 'oracle' },
      'Configuration error: DATABASE_CLIENT: expected one of sqlite, postgres, got "oracle"',
    ],
    [{ PLUGINS_DISABLED: 'core' }, 'Configuration error: PLUGINS_DISABLED: "core" cannot be disabled'],
    [
      { PLUGINS_DISABLED: 'agenda-imaginaire' },
      'Configuration error: PLUGINS_DISABLED: unknown plugin agenda-imaginaire',
    ],
    [
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/centres', DATABASE_CONNECTION_TIMEOUT: '3000' },
      'Database error: PostgreSQL at 127.0.0.1:1 refuses connections',
    ],
  ])('%j', async (env, expected) => {
    const { code, stderr } = await start(env);
    expect(code).not.toBe(0);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toContain(expected);
  });
});
