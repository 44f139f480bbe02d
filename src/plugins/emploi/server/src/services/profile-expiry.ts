import type { Core } from '@strapi/strapi';
import { CANDIDATE_UID } from '../../../shared/permissions';
import { coreService } from '../core-services';
import { PROFILE_EXPIRY, PROFILE_REMINDER } from '../notices/jobs';
import { getService } from '../utils/get-service';

const DAY_MS = 24 * 3600 * 1000;

export interface ProfileExpiryOutcome {
  reminded: number;
  hidden: number;
}

/**
 * Candidates' profiles do not linger: one not updated for `profileStaleDays` gets a reminder
 * e-mail (once, through the outbox), and is hidden from employers `profileGraceDays` later if
 * still not updated. Any update of the profile shows it again and clears the reminder.
 */
const createProfileExpiryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => coreService(strapi, 'outbox');
  const now = () => getService(strapi, 'clock').now();
  const days = (key: string) => Number(strapi.config.get(`plugin::emploi.${key}`));
  const candidates = () => strapi.db.query(CANDIDATE_UID);

  const service = {
    registerJobs(): void {
      const box = outbox();
      box.handle(
        PROFILE_EXPIRY,
        async () => {
          await service.run();
        },
        { label: 'Emploi : rappeler les profils anciens et masquer ceux qui ne sont pas mis à jour' },
      );
      box.handle(
        PROFILE_REMINDER,
        async ({ candidate }) => {
          const row = (await candidates().findOne({
            where: { documentId: candidate },
            select: ['id', 'firstName', 'email', 'hidden', 'profileUpdatedAt', 'reminderSentAt'],
            populate: { centre: { select: ['id'] } },
          })) as {
            id: number;
            firstName: string;
            email: string;
            hidden: boolean | null;
            profileUpdatedAt: string | null;
            reminderSentAt: string | null;
            centre: { id: number } | null;
          } | null;
          const staleBefore = now().getTime() - days('profileStaleDays') * DAY_MS;
          // Updated, hidden or already reminded since the job was planned: nothing to say.
          if (!row || row.hidden || row.reminderSentAt) return;
          if (row.profileUpdatedAt && new Date(row.profileUpdatedAt).getTime() >= staleBefore) return;
          const mail = coreService(strapi, 'mail');
          const grace = days('profileGraceDays');
          await mail.send({
            to: row.email,
            centre: row.centre?.id ?? null,
            ...mail.compose({
              subject: 'Votre profil de candidat est-il toujours à jour ?',
              greeting: `Bonjour ${row.firstName},`,
              paragraphs: [
                'Votre profil sur le portail emploi n’a pas été mis à jour depuis longtemps.',
                `Connectez-vous à votre espace et enregistrez-le, même sans rien changer : sinon, il ne sera plus montré aux employeurs dans ${grace} jours.`,
                'Vous pouvez aussi le supprimer depuis votre espace si vous ne cherchez plus.',
              ],
              signature: 'Le portail emploi du centre social',
            }),
          });
          await candidates().update({ where: { id: row.id }, data: { reminderSentAt: now() } });
        },
        {
          label: 'Emploi : rappeler à un candidat de mettre son profil à jour',
          publicFields: ['candidate'],
          maxAttempts: 5,
        },
      );
      box.schedule({ name: 'emploi.profile-expiry', job: PROFILE_EXPIRY.name, every: 'day', at: '06:15' });
    },

    /** Plans reminders and hides the profiles reminded long ago; safe to run any number of times. */
    async run(): Promise<ProfileExpiryOutcome> {
      const instant = now().getTime();
      const staleBefore = new Date(instant - days('profileStaleDays') * DAY_MS);
      const remindedBefore = new Date(instant - days('profileGraceDays') * DAY_MS);
      const { count: hidden } = await candidates().updateMany({
        where: { hidden: false, reminderSentAt: { $lt: remindedBefore } },
        data: { hidden: true },
      });
      const stale = (await candidates().findMany({
        where: { hidden: false, reminderSentAt: { $null: true }, profileUpdatedAt: { $lt: staleBefore } },
        select: ['documentId', 'profileUpdatedAt'],
      })) as { documentId: string; profileUpdatedAt: string }[];
      if (stale.length > 0) {
        await outbox().enqueueMany(
          PROFILE_REMINDER,
          stale.map((row) => ({
            payload: { candidate: row.documentId },
            idempotencyKey: `emploi.profile-reminder:${row.documentId}:${new Date(row.profileUpdatedAt).toISOString()}`,
          })),
        );
      }
      return { reminded: stale.length, hidden };
    },
  };
  return service;
};

export type ProfileExpiryService = ReturnType<typeof createProfileExpiryService>;
export default createProfileExpiryService;
