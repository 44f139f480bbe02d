export interface EmploiConfig {
  /** Days an offer stays online when its poster gives no last day. */
  offerDefaultDays: number;
  /** Furthest last day an offer may have, in days from today. */
  offerMaxDays: number;
  /** Days before its last day when the poster is told the offer will close. */
  noticeDaysBefore: number;
  /** Days without an update after which a candidate is reminded to look at her profile. */
  profileStaleDays: number;
  /** Days after the reminder when a profile still not updated is hidden from employers. */
  profileGraceDays: number;
  /**
   * Days a closed offer keeps its page, saying it is closed: a link shared or bookmarked while it
   * was open still leads somewhere useful, then the page goes.
   */
  closedPageDays: number;
  /**
   * Public address of the employment site, where the e-mailed password links lead. Empty: the
   * CMS's public address (PUBLIC_URL) followed by /emploi/, where the site is served with it.
   */
  siteUrl?: string;
}

export default {
  default: {
    offerDefaultDays: 30,
    offerMaxDays: 60,
    noticeDaysBefore: 7,
    profileStaleDays: 180,
    profileGraceDays: 14,
    closedPageDays: 30,
    siteUrl: '',
  } satisfies EmploiConfig,
  validator(config: EmploiConfig) {
    const whole = (value: unknown, min: number, max: number) =>
      Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
    if (!whole(config.offerMaxDays, 1, 365))
      throw new Error('emploi.offerMaxDays must be a whole number of days, 1 to 365');
    if (!whole(config.offerDefaultDays, 1, config.offerMaxDays)) {
      throw new Error('emploi.offerDefaultDays must be a whole number of days, 1 to offerMaxDays');
    }
    if (!whole(config.noticeDaysBefore, 1, 30)) throw new Error('emploi.noticeDaysBefore must be 1 to 30 days');
    if (!whole(config.profileStaleDays, 7, 730)) throw new Error('emploi.profileStaleDays must be 7 to 730 days');
    if (config.siteUrl && !/^https?:\/\/[^\s]+$/.test(config.siteUrl)) {
      throw new Error('emploi.siteUrl must be an http(s) address');
    }
    if (!whole(config.closedPageDays, 1, 365)) throw new Error('emploi.closedPageDays must be 1 to 365 days');
    if (!whole(config.profileGraceDays, 1, 90)) throw new Error('emploi.profileGraceDays must be 1 to 90 days');
  },
};
