// One real Strapi instance of `npm run bench -- reminders`, in its own process, driven by its
// parent over IPC. Its outbox worker runs the Pense-bête reminder jobs through the real sending
// path (plugin sending service → core SMS service → official OVH client → the fake OVH).
'use strict';
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const ROOT = path.resolve(__dirname, '..');
const PERSON_UID = 'plugin::pense-bete.person';
const STEP_UID = 'plugin::pense-bete.step';
const REMINDER_UID = 'plugin::pense-bete.reminder';
const TEMPLATE = 'Bonjour {prenom}, rappel de votre rendez-vous CAF le {date} a {heure}. {centre} : {telephone_centre}';
const INFORMATION =
  'Le centre enregistre votre prénom et votre mobile pour vous rappeler les dates de vos démarches. Vous pouvez arrêter à tout moment.';

const send = (message) => process.send?.(message);

async function main() {
  const strapi = await createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  // The benchmark runs at any hour: the sending window is opened to every day and hour, so that
  // its figures do not depend on when it is run (the window logic has its own tests).
  const sms = strapi.config.get('plugin::core.sms');
  strapi.config.set('plugin::core.sms', {
    ...sms,
    window: { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59', skipPublicHolidays: false },
  });
  const outbox = strapi.plugin('core').service('outbox');
  const workerId = outbox.workerId();

  const commands = {
    /**
     * `count` reminders of `perPerson` per person, written through the query engine (persons,
     * consents through core's consent service, steps, reminders), in transactions of `batch`
     * persons. Their jobs are enqueued apart, all due at the same instant.
     */
    async seed({ count, perPerson, batch = 50 }) {
      const centre = await strapi.documents('plugin::core.centre').create({
        data: {
          name: 'Centre social du banc d’essai',
          slug: 'banc-essai',
          phone: '04 78 00 00 00',
          smsSenderName: 'CSC Test',
        },
      });
      const consent = strapi.plugin('core').service('consent');
      const occurrence = new Date(Date.now() + 2 * 86400000);
      const notAfter = new Date(Date.now() + 6 * 3600000);
      const persons = Math.ceil(count / perPerson);
      const reminders = [];
      for (let first = 0; first < persons; first += batch) {
        await strapi.db.transaction(async () => {
          for (let index = first; index < Math.min(first + batch, persons); index += 1) {
            const person = await strapi.db.query(PERSON_UID).create({
              data: {
                firstName: `Personne ${index}`,
                searchName: `personne ${index}`,
                // Valid mobiles, only ever sent to the fake OVH on loopback.
                phone: `+336${String(10000000 + index).padStart(8, '0')}`,
                channel: 'sms',
                centre: centre.id,
              },
            });
            await consent.record({
              centre: centre.id,
              subject: { uid: PERSON_UID, id: person.documentId },
              purpose: 'pense-bete.sms',
              informationText: INFORMATION,
              method: 'paper',
              recordedBy: 'bench',
            });
            const step = await strapi.db.query(STEP_UID).create({
              data: {
                person: person.id,
                centre: centre.id,
                title: 'Rendez-vous CAF',
                date: occurrence.toISOString().slice(0, 10),
                time: '14:30',
                offsets: [{ daysBefore: 1, time: '10:00' }],
                template: TEMPLATE,
                status: 'active',
                revision: 1,
              },
            });
            for (let slot = 0; slot < perPerson && reminders.length < count; slot += 1) {
              const key = `pb:${step.documentId}:r1:${occurrence.toISOString().slice(0, 16)}Z:J${slot}-1000`;
              const reminder = await strapi.db.query(REMINDER_UID).create({
                data: {
                  step: step.id,
                  person: person.id,
                  centre: centre.id,
                  key,
                  slot: key.split(':r1:')[1],
                  occurrence,
                  daysBefore: slot,
                  offsetTime: '10:00',
                  sendAt: new Date(),
                  notAfter,
                  channel: 'sms',
                  status: 'planned',
                  attempts: 0,
                },
              });
              reminders.push({ id: reminder.id, key });
            }
          }
        });
      }
      return { centre: centre.id, reminders, notAfter: notAfter.toISOString() };
    },
    async enqueue({ reminders, centre, runAt, notAfter }) {
      return outbox.enqueueMany(
        'pense-bete.reminder',
        reminders.map((reminder) => ({
          payload: { reminderId: reminder.id },
          runAt: new Date(runAt),
          expiresAt: new Date(notAfter),
          idempotencyKey: reminder.key,
          centre,
          maxAttempts: 100,
        })),
      );
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
