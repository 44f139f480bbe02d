// The jobs outbox under load: 10,000 due jobs with a no-op handler drained by two Strapi
// instances (real processes) on one PostgreSQL database; then the same with one instance killed
// (kill -9) halfway. Each handler run appends "<job> <attempt>" to its instance's file
// (synchronously, so a kill loses nothing written), from which duplicates and losses are counted.
//   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres): a server where the
//   bench may create and drop its own databases.
import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { ROOT } from '../scripts/lib/paths.mjs';
import { createDatabase, summarise, writeResult } from './lib.mjs';

// Strapi's ES module build does not load under plain Node; its CommonJS build does.
const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi');

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const JOBS = 10000;
const INSTANCE = path.join(ROOT, 'src', 'plugins', 'core', 'tests', 'outbox', 'instance.cjs');
const WORK = path.join(ROOT, '.tmp', 'bench', 'outbox');
// Production defaults (batch 50, 10 at a time), except a short lease: the killed run measures
// how fast the survivor takes over, which is the lease.
const INSTANCE_ENV = { OUTBOX_LEASE_SECONDS: '5', OUTBOX_POLL_INTERVAL_MS: '1000' };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function startInstance(databaseUrl) {
  const child = fork(INSTANCE, [], {
    env: {
      ...process.env,
      ...INSTANCE_ENV,
      DATABASE_URL: databaseUrl,
      DATABASE_CLIENT: 'postgres',
      LOG_LEVEL: 'error',
      ENV_PATH: '/dev/null',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const replies = new Map();
  const events = [];
  let sequence = 0;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`instance exited with ${code} before it was ready`)));
    child.on('message', (message) => {
      if (message.type === 'reply') {
        replies.get(message.id)?.(message);
        replies.delete(message.id);
      } else if (message.type !== 'ready') {
        events.push(message);
      } else {
        resolve({
          pid: message.pid,
          workerId: message.workerId,
          events,
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

/** One drain: returns its rate and what the run logs say about duplicates and losses. */
async function drain({ killHalfway }) {
  const database = await createDatabase('outbox');
  const client = new pg.Client({ connectionString: database.url });
  const instances = [];
  try {
    // One after the other: two instances syncing a new schema at once race in Strapi itself.
    instances.push(await startInstance(database.url));
    instances.push(await startInstance(database.url));
    await client.connect();
    await instances[0].request('enqueue', { name: 'bench.noop', count: JOBS });
    fs.mkdirSync(WORK, { recursive: true });
    const files = instances.map((instance) => path.join(WORK, `runs-${instance.pid}.log`));
    files.forEach((file) => fs.rmSync(file, { force: true }));

    const started = performance.now();
    await Promise.all(
      instances.map((instance, index) =>
        instance.request('handle', { name: 'bench.noop', record: 'file', file: files[index] }),
      ),
    );
    let killed = false;
    let held = 0;
    let done = 0;
    for (;;) {
      const { rows } = await client.query("select count(*)::int as n from core_jobs where status = 'done'");
      done = rows[0].n;
      if (done >= JOBS) break;
      if (killHalfway && !killed && done >= JOBS / 2) {
        // Freeze it right after its next run, so that it dies holding a claimed batch with work
        // done but not yet recorded as done: the worst moment for a crash.
        await instances[0].request('hang', { when: 'after' });
        while (instances[0].events.length === 0) await sleep(1);
        await instances[0].kill();
        killed = true;
        const { rows: holding } = await client.query(
          "select count(*)::int as n from core_jobs where status = 'running' and locked_by like $1",
          [`${instances[0].workerId}#%`],
        );
        held = holding[0].n;
      }
      if (performance.now() - started > 300000) break;
      await sleep(20);
    }
    const seconds = (performance.now() - started) / 1000;

    const runs = files.flatMap((file) =>
      fs.existsSync(file)
        ? fs
            .readFileSync(file, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => line.split(' ').map(Number))
        : [],
    );
    const perJob = new Map();
    const perAttempt = new Set();
    let sameAttemptTwice = 0;
    for (const [job, attempt] of runs) {
      perJob.set(job, (perJob.get(job) ?? 0) + 1);
      const key = `${job}:${attempt}`;
      if (perAttempt.has(key)) sameAttemptTwice += 1;
      perAttempt.add(key);
    }
    const { rows: doneRows } = await client.query("select id from core_jobs where status = 'done'");
    const lost = JOBS - doneRows.filter((row) => perJob.has(row.id)).length;
    const reruns = [...perJob.values()].filter((count) => count > 1).length;
    return {
      perSecond: JOBS / seconds,
      // Without a crash, any second run is a duplicate. With one, a job the dead instance held is
      // run again at its next attempt (at-least-once, reported as reruns); a duplicate is then the
      // same attempt run twice, which only two instances holding one claim could do.
      duplicates: killHalfway ? sameAttemptTwice : runs.length - perJob.size,
      reruns,
      lost,
      seconds,
      ...(killHalfway ? { heldByKilled: held } : {}),
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

const normal = [];
const killed = [];
for (let run = 1; run <= RUNS; run += 1) {
  normal.push(await drain({ killHalfway: false }));
  console.log(`run ${run}, two instances: ${JSON.stringify(normal.at(-1))}`);
  killed.push(await drain({ killHalfway: true }));
  console.log(`run ${run}, one killed halfway: ${JSON.stringify(killed.at(-1))}`);
}
const figure = (samples, pick, target) => summarise(samples.map(pick), target);
writeResult('outbox', RUNS, {
  drain_per_s: figure(normal, (run) => run.perSecond, '>= 500'),
  duplicates_count: figure(normal, (run) => run.duplicates, '<= 0'),
  lost_count: figure(normal, (run) => run.lost, '<= 0'),
  killed_drain_per_s: figure(killed, (run) => run.perSecond, '>= 500'),
  killed_duplicates_count: figure(killed, (run) => run.duplicates, '<= 0'),
  killed_lost_count: figure(killed, (run) => run.lost, '<= 0'),
  // Jobs the killed instance held, run again by the survivor: at most one batch (OUTBOX_BATCH_SIZE).
  killed_rerun_count: figure(killed, (run) => run.reruns, '<= 50'),
});
