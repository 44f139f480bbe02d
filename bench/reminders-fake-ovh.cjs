// The fake OVH of `npm run bench -- reminders`, in its own process so that its TLS work does
// not slow the parent's clock-keeping. It is core's test fake (signature, clock and body checks
// included), bundled from TypeScript by the parent; this file only starts it and reports.
'use strict';
const fs = require('node:fs');

const { bundle, credentials, certFile } = JSON.parse(process.argv[2]);
const { FakeOvh } = require(bundle);

async function main() {
  const fake = await FakeOvh.start(credentials);
  fs.writeFileSync(certFile, fake.cert);
  // When each tag was first accepted (epoch ms), and how many times.
  const firstAccepted = new Map();
  const push = fake.outgoing.push.bind(fake.outgoing);
  fake.outgoing.push = (...items) => {
    for (const item of items) if (!firstAccepted.has(item.tag)) firstAccepted.set(item.tag, Date.now());
    return push(...items);
  };
  fake.creditsLeft = 1e9;

  const commands = {
    count: () => ({ accepted: fake.outgoing.length, tags: firstAccepted.size }),
    summary: () => {
      const times = [...firstAccepted.values()];
      return {
        accepted: fake.outgoing.length,
        tags: firstAccepted.size,
        lastFirstAcceptedAt: times.length ? Math.max(...times) : null,
        refusedCalls: fake.calls.filter((call) => call.status >= 400).length,
      };
    },
    reset: () => {
      fake.outgoing.length = 0;
      fake.calls.length = 0;
      firstAccepted.clear();
      return {};
    },
    stop: async () => {
      await fake.stop();
      setImmediate(() => process.exit(0));
      return {};
    },
  };
  process.on('message', async (message) => {
    const result = await commands[message.type]();
    process.send({ type: 'reply', id: message.id, ...result });
  });
  process.send({ type: 'ready', endpoint: fake.endpoint });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
