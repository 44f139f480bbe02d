import type { Core } from '@strapi/strapi';
import { MODERATION_ITEM_UID } from '@csc/plugin-core/shared';
import type { SummaryResponse } from '../../../shared/contracts/summary';
import { EMPLOYER_UID, OFFER_UID, PLUGIN_ID } from '../../../shared/permissions';
import { addDays } from '../offers/days';
import { getService } from '../utils/get-service';

const createSummaryService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(): Promise<SummaryResponse> {
    const today = getService(strapi, 'offers').today();
    const soon = addDays(today, Number(strapi.config.get('plugin::emploi.noticeDaysBefore')));
    const live = { publishedAt: { $notNull: true }, state: 'open', validUntil: { $gte: today } };
    const offers = strapi.db.query(OFFER_UID);
    const [liveCount, closingSoon, pending, employersToValidate] = await Promise.all([
      offers.count({ where: live }),
      offers.count({ where: { ...live, validUntil: { $gte: today, $lte: soon } } }),
      strapi.db.query(MODERATION_ITEM_UID).count({ where: { subjectUid: OFFER_UID, status: 'pending' } }),
      strapi.db.query(EMPLOYER_UID).count({ where: { validated: false } }),
    ]);
    return { plugin: PLUGIN_ID, live: liveCount, closingSoon, pending, employersToValidate };
  },
});

export default createSummaryService;
