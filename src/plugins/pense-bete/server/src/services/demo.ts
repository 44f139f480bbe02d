import type { Core } from '@strapi/strapi';
import { parisToday } from '@csc/plugin-core/toolkit';
import { CONSENT_PURPOSES, PERSON_UID, STEP_TYPE_UID } from '../../../shared/permissions';
import type { Channel } from '../../../shared/contracts/pense-bete';
import { coreService, type StaffUser } from '../core-services';
import { searchKeyOf } from '../people/fields';
import { getService } from '../utils/get-service';

const DEMO_CENTRE_SLUG = 'demonstration';
/** Demo steps are recorded as the super-admin would record them: every centre is theirs. */
const DEMO_USER: StaffUser = { id: 0, roles: [{ code: 'strapi-super-admin' }] };
const INFORMATION =
  'Le centre social enregistre votre prénom et votre mobile (ou votre e-mail) pour vous rappeler les dates de vos démarches. Vous pouvez arrêter à tout moment en le disant au centre.';

interface DemoStep {
  stepType?: string;
  title?: string;
  /** Days from today (Paris) to the step's date. */
  inDays: number;
  /** A monthly step on this day of the month instead, for six months. */
  monthDay?: number;
  time?: string;
}

interface DemoPerson {
  firstName: string;
  /** ARCEP's fiction block (06 39 98 xx xx): never anyone's number. */
  phone?: string;
  /** example.org: reserved, reaches nobody. */
  email?: string;
  channel: Channel;
  consentMethod: 'oral' | 'paper';
  steps: DemoStep[];
}

export const DEMO_PERSONS: readonly DemoPerson[] = [
  {
    firstName: 'Nadia',
    phone: '+33639981201',
    channel: 'sms',
    consentMethod: 'paper',
    steps: [{ stepType: 'actualisation-france-travail', inDays: 0, monthDay: 28 }],
  },
  {
    firstName: 'Mamadou',
    phone: '+33639984507',
    channel: 'sms',
    consentMethod: 'oral',
    steps: [{ stepType: 'rendez-vous-caf', inDays: 9, time: '14:30' }],
  },
  {
    firstName: 'Josiane',
    phone: '+33639987733',
    email: 'josiane.demo@example.org',
    channel: 'email',
    consentMethod: 'paper',
    steps: [{ title: 'Rendez-vous à France Services', inDays: 2, time: '10:30' }],
  },
];

const addDays = (isoDate: string, days: number) => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
};

/** The next `monthDay` of a month, today or later. */
function nextMonthDay(today: string, monthDay: number): string {
  const [year, month, day] = today.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1 + (day > monthDay ? 1 : 0), monthDay));
  return date.toISOString().slice(0, 10);
}

/**
 * A few supported persons for the demo centre, with consent and steps, so that the module shows
 * real reminders (with `SMS_PROVIDER=console`, Socle › SMS shows each message as it would have
 * gone out). Runs once: nothing is added once the centre has a person.
 */
const createDemoService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async seed(): Promise<{ persons: number }> {
    const centre = (await strapi.db.query('plugin::core.centre').findOne({
      where: { slug: DEMO_CENTRE_SLUG },
      select: ['id'],
    })) as { id: number } | null;
    if (!centre) return { persons: 0 };
    if ((await strapi.db.query(PERSON_UID).count({ where: { centre: { id: centre.id } } })) > 0) return { persons: 0 };

    await getService(strapi, 'stepTypes').ensureDefaults(centre.id);
    const today = parisToday(getService(strapi, 'clock').now());
    for (const demo of DEMO_PERSONS) {
      // Written directly: the fiction numbers are refused by the staff form, on purpose.
      const person = await strapi.db.transaction(async () => {
        const row = (await strapi.db.query(PERSON_UID).create({
          data: {
            firstName: demo.firstName,
            searchName: searchKeyOf(demo.firstName),
            phone: demo.phone ?? null,
            email: demo.email ?? null,
            channel: demo.channel,
            centre: centre.id,
          },
        })) as { id: number; documentId: string };
        await coreService(strapi, 'consent').record({
          centre: centre.id,
          subject: { uid: PERSON_UID, id: row.documentId },
          purpose: CONSENT_PURPOSES[demo.channel],
          informationText: INFORMATION,
          method: demo.consentMethod,
          recordedBy: 'demo',
        });
        return row;
      });
      for (const step of demo.steps) {
        const type = step.stepType
          ? ((await strapi.db.query(STEP_TYPE_UID).findOne({
              where: { code: step.stepType, centre: { id: centre.id } },
              select: ['documentId'],
            })) as { documentId: string } | null)
          : null;
        const date = step.monthDay ? nextMonthDay(today, step.monthDay) : addDays(today, step.inDays);
        await getService(strapi, 'steps').create(
          DEMO_USER,
          { id: person.documentId },
          {
            ...(type ? { stepType: type.documentId } : { title: step.title }),
            date,
            ...(step.time ? { time: step.time } : {}),
            ...(step.monthDay ? { until: addDays(date, 180) } : {}),
          },
        );
      }
    }
    strapi.log.info(`Pense-bête: demo persons added (${DEMO_PERSONS.length})`);
    return { persons: DEMO_PERSONS.length };
  },
});

export type DemoService = ReturnType<typeof createDemoService>;
export default createDemoService;
