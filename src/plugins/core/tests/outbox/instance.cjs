// One real Strapi instance in its own process, driven by its parent over IPC. The two-instance
// tests and `npm run bench -- outbox` start two of these on one PostgreSQL database. Test and
// bench only: the handlers below are registered when the parent asks, never by the app itself.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

const send = (message) => process.send?.(message);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const strapi = await createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  const outbox = strapi.plugin('core').service('outbox');
  const workerId = outbox.workerId();
  /** 'before': runs block before doing anything; 'after': they do their work, then block. */
  let hang = null;
  let ran = 0;

  /**
   * `record`: "table" inserts (job, worker, attempt) into test_runs once the run is over; "file"
   * appends the same line to a file (synchronously: a kill -9 loses nothing written); "none".
   */
  function handler({ record, delayMs = 0, file }) {
    return async (_payload, ctx) => {
      const block = async () => {
        send({ type: 'hanging', jobId: ctx.jobId });
        await new Promise(() => {});
      };
      if (hang === 'before') await block();
      if (delayMs > 0) await sleep(delayMs);
      if (record === 'table') {
        await strapi.db.connection('test_runs').insert({ job_id: ctx.jobId, worker: workerId, attempt: ctx.attempt });
      } else if (record === 'file') {
        fs.appendFileSync(file, `${ctx.jobId} ${ctx.attempt}\n`);
      }
      ran += 1;
      if (hang === 'after') await block();
    };
  }

  const commands = {
    async enqueue({ name, count }) {
      const jobs = Array.from({ length: count }, (_, index) => ({ payload: { index } }));
      return outbox.enqueueMany(name, jobs);
    },
    async handle({ name, ...options }) {
      outbox.handle(name, handler(options));
      return {};
    },
    async schedule({ schedule }) {
      outbox.schedule(schedule);
      return { results: await outbox.runSchedules() };
    },
    /**
     * From now on every run of this instance blocks forever, before or after doing its work: the
     * instance surely holds a claimed batch when the parent kills it.
     */
    async hang({ when = 'after' }) {
      hang = when;
      return {};
    },
    async stats() {
      return { ran };
    },
    async stop() {
      await strapi.destroy();
      setImmediate(() => process.exit(0));
      return {};
    },
  };

  process.on('message', async (message) => {
    try {
      const result = await commands[message.type](message);
      send({ type: 'reply', id: message.id, ...result });
    } catch (error) {
      send({ type: 'reply', id: message.id, error: error.message });
    }
  });
  send({ type: 'ready', pid: process.pid, workerId });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
