#!/usr/bin/env node
// npm run demo: builds what changed, starts the CMS on .tmp/demo.db with the demo centre and
// super-admin, and prints where to go. Honours PORT, HOST, DATABASE_FILENAME and DATABASE_URL
// from the environment, so two demos can run side by side.
//   --reset   start again from an empty demo database
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { build } from './build.mjs';
import { ROOT, STRAPI_BIN } from './lib/paths.mjs';

const DEMO_DATABASE = '.tmp/demo.db';
const reset = process.argv.includes('--reset');

// The shell wins over the demo defaults, which win over .env (as Strapi itself reads it).
const fromDotenv = fs.existsSync(path.join(ROOT, '.env')) ? dotenv.parse(fs.readFileSync(path.join(ROOT, '.env'))) : {};
// The demo never mails real people: e-mails land in Socle › E-mails capturés unless the shell
// asks for SMTP explicitly.
const childEnv = { ...fromDotenv, ...process.env, DEMO_SEED: 'true', EMAIL_MODE: process.env.EMAIL_MODE || 'capture' };
if (!process.env.DATABASE_FILENAME && !process.env.DATABASE_URL) childEnv.DATABASE_FILENAME = DEMO_DATABASE;

build({ ifStale: true });

const { readEnv, ConfigError } = createRequire(import.meta.url)(path.join(ROOT, 'dist', 'src', 'env'));
let env;
try {
  env = readEnv(childEnv);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(1);
}

if (reset) {
  if (env.database.client !== 'sqlite') {
    console.error('--reset only empties a SQLite demo database; drop and recreate the PostgreSQL database yourself.');
    process.exit(1);
  }
  const file = path.resolve(ROOT, env.database.filename);
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  console.log(`\n✔ Base de démonstration remise à zéro (${path.relative(ROOT, file)})`);
}

const host = ['0.0.0.0', '::'].includes(env.host) ? 'localhost' : env.host;
const baseUrl = env.publicUrl ?? `http://${host}:${env.port}`;

console.log('\n▶ Démarrage du CMS');
const child = spawn(process.execPath, [STRAPI_BIN, 'start'], { cwd: ROOT, env: childEnv, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

async function waitForHealth(deadline) {
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(`http://127.0.0.1:${env.port}/api/core/health`);
      if (response.ok) return response.json();
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}

const health = await waitForHealth(Date.now() + 180000);
if (health) {
  const where =
    env.database.client === 'sqlite' ? path.relative(ROOT, path.resolve(ROOT, env.database.filename)) : 'PostgreSQL';
  console.log(`
┌──────────────────────────────────────────────────────────────
│ Centre social de démonstration : prêt
│
│ Administration : ${baseUrl}/admin
│   e-mail       : ${env.demo.adminEmail}
│   mot de passe : ${env.demo.adminPassword}
│ État du CMS    : ${baseUrl}/api/core/health
│ Modules        : ${health.plugins.join(', ')}
│ E-mails        : ${env.mail.mode === 'capture' ? 'capturés, jamais envoyés (Socle › E-mails capturés)' : `envoyés par ${env.mail.smtp.host}`}
│ Site du centre : ${health.plugins.includes('site') ? `${baseUrl}/sites/demonstration/ (mis à jour seul après chaque publication)` : 'module « site » désactivé'}
│ Base           : ${where}${env.database.client === 'sqlite' ? ' (conservée ; npm run demo:reset pour repartir de zéro)' : ''}
│
│ Ctrl+C pour arrêter.
└──────────────────────────────────────────────────────────────`);
}
