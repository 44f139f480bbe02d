import type { Core } from '@strapi/strapi';
import { NEWS_UID } from '../../../shared/news';
import type { BudgetView } from '../../../shared/contracts/news';
import { penseBeteConfig } from '../config';
import { coreService, type StaffUser } from '../core-services';
import { startOfParisMonth } from '../news/month';
import { centresOf } from '../staff-scope';
import { getService } from '../utils/get-service';

const CENTRE_UID = 'plugin::core.centre';
const SMS_RECEIPT_UID = 'plugin::core.sms-receipt';

/** Statuses of a receipt that cost nothing: refused before leaving. */
const FREE = ['blacklisted', 'invalid'];

type OwnAccount = BudgetView['centres'][number]['ownAccount'];

/**
 * The SMS budget: credits left at OVH (read now), what each of the user's centres used this
 * month (from core's receipts: reminders and news alike), the group-news cap, and the balance of
 * a centre's own OVH account when it has one.
 */
const createBudgetService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** A changed encryption key is said on the centre's row, not thrown at the whole page. */
  async function ownAccountOf(centre: number, threshold: number): Promise<OwnAccount> {
    const sms = coreService(strapi, 'sms');
    const account = await sms.centreAccount(centre);
    if (!account) return null;
    let creditsLeft;
    try {
      creditsLeft = await sms.centreCreditsLeft(centre);
    } catch (error) {
      if ((error as Error).name !== 'SecretKeyError') throw error;
      return { serviceName: account.serviceName, creditsLeft: null, warning: (error as Error).message };
    }
    const warning =
      creditsLeft === null
        ? 'OVH ne donne pas le solde de ce compte : vérifiez ses clés et le nom du compte SMS.'
        : creditsLeft < threshold
          ? `Il reste ${creditsLeft} crédits SMS sur le compte du centre, sous le seuil d’alerte de ${threshold}.`
          : null;
    return { serviceName: account.serviceName, creditsLeft, warning };
  }

  return {
    async get(user: StaffUser): Promise<BudgetView> {
      const config = penseBeteConfig(strapi);
      const threshold = config.creditsWarningThreshold;
      // Core stamps its receipts with the real time; news are dated by the plugin's clock.
      const from = startOfParisMonth(new Date());
      const newsFrom = startOfParisMonth(getService(strapi, 'clock').now());
      const centres = await centresOf(strapi, user);
      const rows = (await strapi.db.query(CENTRE_UID).findMany({
        where: { id: { $in: centres } },
        select: ['id', 'name'],
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      })) as { id: number; name: string }[];
      const result: BudgetView['centres'] = [];
      for (const centre of rows) {
        const receipts = (await strapi.db.query(SMS_RECEIPT_UID).findMany({
          where: { centre: { id: centre.id }, createdAt: { $gte: from }, status: { $notIn: FREE } },
          // With the id: the query joins the centre and is DISTINCT, identical rows would merge.
          select: ['id', 'credits'],
        })) as { credits: number | string | null }[];
        const news = (await strapi.db.query(NEWS_UID).findMany({
          where: { centre: { id: centre.id }, sentAt: { $gte: newsFrom } },
          select: ['id', 'smsCount'],
        })) as { smsCount: number }[];
        result.push({
          id: centre.id,
          name: centre.name,
          messages: receipts.length,
          credits: Math.round(receipts.reduce((sum, row) => sum + (Number(row.credits) || 0), 0) * 100) / 100,
          news: {
            used: news.reduce((sum, row) => sum + (Number(row.smsCount) || 0), 0),
            limit: config.newsMonthlySmsPerCentre,
          },
          ownAccount: await ownAccountOf(centre.id, threshold),
        });
      }
      const sms = coreService(strapi, 'sms');
      const provider = sms.providerName();
      const creditsLeft = provider === 'ovh' ? await sms.creditsLeft() : null;
      const low = creditsLeft !== null && creditsLeft < threshold;
      let warning: string | null = null;
      if (low) {
        warning = `Il reste ${creditsLeft} crédits SMS chez OVH, sous le seuil d’alerte de ${threshold} : rechargez le compte pour que les rappels continuent de partir.`;
      } else if (provider === 'ovh' && creditsLeft === null) {
        warning = 'OVH n’a pas donné le nombre de crédits restants : vérifiez le compte SMS dans l’espace client OVH.';
      }
      return { provider, creditsLeft, threshold, low, warning, month: { from: from.toISOString() }, centres: result };
    },
  };
};

export default createBudgetService;
