// A Strapi instance a benchmark measures, in its own process so that the load generator does not
// share its event loop (see `startServer` in lib.mjs). BENCH_COMMANDS names a module exporting
// `(strapi) => ({ name: async (message) => reply })`: the benchmark drives it over IPC (seeding,
// timing an export…). Benchmark only.
'use strict';
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const ROOT = path.resolve(__dirname, '..');
const send = (message) => process.send?.(message);

async function main() {
  const strapi = await createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));

  const commands = require(path.resolve(ROOT, process.env.BENCH_COMMANDS))(strapi);
  process.on('message', async (message) => {
    try {
      send({ type: 'reply', id: message.id, ...(await commands[message.type](message)) });
    } catch (error) {
      send({ type: 'reply', id: message.id, error: error.stack ?? String(error) });
    }
  });
  send({ type: 'ready', port: strapi.server.httpServer.address().port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
