// Pense-bête reminders under load: 10,000 reminders falling due at the same instant, sent by two
// Strapi instances (real processes) on one PostgreSQL database through the real path (outbox
// job → plugin sending service → core SMS service → official OVH client over HTTPS) to core's
// fake OVH, which checks every signature. Then the same with one instance killed (kill -9)
// once half the messages are accepted. The fake counts what it accepted per tag: a tag accepted
// twice is a duplicate, a reminder whose tag never arrived is lost.
//   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres): a server where the
//   bench may create and drop its own databases.
//   BENCH_SCALE (default 1): multiplies the 10,000 reminders (0.1 on a slow machine).
//   BENCH_RUNS (default 1).
//   BENCH_CASES (default normal,killed): which of the two runs to make, e.g. `normal` to profile.
//   BENCH_PROFILE_DIR: each process writes a V8 CPU profile there when it stops (open it in
//   Chrome's DevTools); a killed instance writes none.
import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { ROOT } from '../scripts/lib/paths.mjs';
import { createDatabase, summarise, writeResult } from './lib.mjs';

const require = createRequire(import.meta.url);
// Strapi's ES module build does not load under plain Node; its CommonJS build does.
const { compileStrapi } = require('@strapi/strapi');
const esbuild = require('esbuild');

const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const CASES = (process.env.BENCH_CASES ?? 'normal,killed').split(',');
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const REMINDERS = Math.round(10000 * SCALE);
const PER_PERSON = 10;
const TIMEOUT_MS = 600000;
const WORK = path.join(ROOT, '.tmp', 'bench', 'reminders');
const CREDENTIALS = {
  appKey: 'benchAppKey',
  appSecret: 'benchAppSecret000000000000000001',
  consumerKey: 'benchConsumerKey0000000000000001',
  serviceName: 'sms-bench-1',
};
// Production defaults (batch 50, 10 at a time, back-off from 30 s), except a short lease: the
// killed run measures how fast the survivor takes over, which is the lease.
const INSTANCE_ENV = { OUTBOX_LEASE_SECONDS: '5', OUTBOX_POLL_INTERVAL_MS: '1000' };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A child process spoken to over IPC: `request(type, body)` answers its reply. */
function startChild(script, args, env) {
  const profile = process.env.BENCH_PROFILE_DIR;
  const child = fork(script, args, {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const replies = new Map();
  let sequence = 0;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${path.basename(script)} exited with ${code} before it was ready`)));
    child.on('message', (message) => {
      if (message.type === 'reply') {
        replies.get(message.id)?.(message);
        replies.delete(message.id);
      } else if (message.type === 'ready') {
        resolve({
          ready: message,
          request(type, body = {}) {
            const id = ++sequence;
            return new Promise((done, fail) => {
              replies.set(id, (reply) => (reply.error ? fail(new Error(reply.error)) : done(reply)));
              child.send({ ...body, type, id });
            });
          },
          async kill() {
            child.kill('SIGKILL');
            await exited;
          },
          async stop() {
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.send({ type: 'stop', id: ++sequence });
            await Promise.race([exited, sleep(30000).then(() => child.kill('SIGKILL'))]);
          },
        });
      }
    });
  });
}

async function startFake() {
  fs.mkdirSync(WORK, { recursive: true });
  const bundle = path.join(WORK, 'fake-ovh.cjs');
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'src', 'plugins', 'core', 'tests', 'sms', 'fake-ovh', 'server.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    logLevel: 'error',
  });
  const certFile = path.join(WORK, 'fake-ovh.pem');
  const fake = await startChild(
    path.join(ROOT, 'bench', 'reminders-fake-ovh.cjs'),
    [JSON.stringify({ bundle, credentials: CREDENTIALS, certFile })],
    process.env,
  );
  return { ...fake, endpoint: fake.ready.endpoint, certFile };
}

function instanceEnv(fake, databaseUrl) {
  return {
    ...process.env,
    ...INSTANCE_ENV,
    DATABASE_URL: databaseUrl,
    DATABASE_CLIENT: 'postgres',
    LOG_LEVEL: 'error',
    ENV_PATH: '/dev/null',
    SMS_PROVIDER: 'ovh',
    SMS_OVH_ENDPOINT: fake.endpoint,
    SMS_OVH_APP_KEY: CREDENTIALS.appKey,
    SMS_OVH_APP_SECRET: CREDENTIALS.appSecret,
    SMS_OVH_CONSUMER_KEY: CREDENTIALS.consumerKey,
    SMS_OVH_SERVICE_NAME: CREDENTIALS.serviceName,
    SMS_OVH_SENDER: 'CSC Test',
    SMS_DELIVERY_REPORT_TOKEN: 'bench-delivery-report-token',
    // The official client checks certificates: it trusts the fake's, and only for this run.
    NODE_EXTRA_CA_CERTS: fake.certFile,
  };
}

/** One run: how long until every reminder was accepted by the fake, duplicates and losses. */
async function send(fake, { killHalfway }) {
  await fake.request('reset');
  const database = await createDatabase('reminders');
  const client = new pg.Client({ connectionString: database.url });
  const instances = [];
  const instanceScript = path.join(ROOT, 'bench', 'reminders-instance.cjs');
  try {
    // One after the other: two instances syncing a new schema at once race in Strapi itself.
    instances.push(await startChild(instanceScript, [], instanceEnv(fake, database.url)));
    instances.push(await startChild(instanceScript, [], instanceEnv(fake, database.url)));
    await client.connect();
    const seedStarted = performance.now();
    const seeded = await instances[0].request('seed', { count: REMINDERS, perPerson: PER_PERSON });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    // Every job due at the same instant, a moment after they are all in the queue.
    const runAt = Date.now() + 3000;
    await instances[0].request('enqueue', { ...seeded, runAt });
    while (Date.now() < runAt) await sleep(10);

    let killed = false;
    let inFlightAtKill = 0;
    for (;;) {
      const { tags } = await fake.request('count');
      if (tags >= REMINDERS) break;
      if (killHalfway && !killed && tags >= REMINDERS / 2) {
        await instances[0].kill();
        killed = true;
        const { rows } = await client.query(
          "select count(*)::int as n from pense_bete_reminders where status = 'sending'",
        );
        inFlightAtKill = rows[0].n;
      }
      if (Date.now() - runAt > TIMEOUT_MS) break;
      await sleep(100);
    }
    const summary = await fake.request('summary');
    const seconds = summary.lastFirstAcceptedAt ? (summary.lastFirstAcceptedAt - runAt) / 1000 : TIMEOUT_MS / 1000;
    const { rows: statuses } = await client.query(
      'select status, count(*)::int as n from pense_bete_reminders group by status order by status',
    );
    return {
      seconds,
      perSecond: summary.tags / seconds,
      duplicates: summary.accepted - summary.tags,
      lost: REMINDERS - summary.tags,
      refusedCalls: summary.refusedCalls,
      seedSeconds,
      statuses: Object.fromEntries(statuses.map((row) => [row.status, row.n])),
      ...(killHalfway ? { inFlightAtKill } : {}),
    };
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
    await client.end().catch(() => {});
    await database.drop();
  }
}

const plugins = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-plugins.mjs')], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (plugins.status !== 0) process.exit(1);
await compileStrapi({ appDir: ROOT });

const fake = await startFake();
const normal = [];
const killed = [];
try {
  for (let run = 1; run <= RUNS; run += 1) {
    if (CASES.includes('normal')) {
      normal.push(await send(fake, { killHalfway: false }));
      console.log(`run ${run}, two instances: ${JSON.stringify(normal.at(-1))}`);
    }
    if (CASES.includes('killed')) {
      killed.push(await send(fake, { killHalfway: true }));
      console.log(`run ${run}, one killed halfway: ${JSON.stringify(killed.at(-1))}`);
    }
  }
} finally {
  await fake.stop();
}
if (normal.length === 0 || killed.length === 0) {
  console.log('One case only: no result written.');
  process.exit(0);
}
const figure = (samples, pick, target) => summarise(samples.map(pick), target);
writeResult('reminders', RUNS, {
  // The figure is for 10,000: a run at a smaller BENCH_SCALE says so here.
  reminders_count: summarise([REMINDERS], '>= 10000'),
  all_accepted_s: figure(normal, (run) => run.seconds, '<= 60'),
  sent_per_s: figure(normal, (run) => run.perSecond, '>= 167'),
  duplicates_count: figure(normal, (run) => run.duplicates, '<= 0'),
  lost_count: figure(normal, (run) => run.lost, '<= 0'),
  killed_all_accepted_s: figure(killed, (run) => run.seconds, '<= 60'),
  killed_duplicates_count: figure(killed, (run) => run.duplicates, '<= 0'),
  killed_lost_count: figure(killed, (run) => run.lost, '<= 0'),
  // Reminders the killed instance was sending: the survivor finds out from OVH (by tag) whether
  // each went, once core's in-flight guard (2 minutes) has passed.
  killed_in_flight_count: figure(killed, (run) => run.inFlightAtKill, 'informative'),
});
