export interface EmploiConfig {
  /** Days an offer stays online when its poster gives no last day. */
  offerDefaultDays: number;
  /** Furthest last day an offer may have, in days from today. */
  offerMaxDays: number;
  /** Days before its last day when the poster is told the offer will close. */
  noticeDaysBefore: number;
}

export default {
  default: { offerDefaultDays: 30, offerMaxDays: 60, noticeDaysBefore: 7 } satisfies EmploiConfig,
  validator(config: EmploiConfig) {
    const whole = (value: unknown, min: number, max: number) =>
      Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
    if (!whole(config.offerMaxDays, 1, 365))
      throw new Error('emploi.offerMaxDays must be a whole number of days, 1 to 365');
    if (!whole(config.offerDefaultDays, 1, config.offerMaxDays)) {
      throw new Error('emploi.offerDefaultDays must be a whole number of days, 1 to offerMaxDays');
    }
    if (!whole(config.noticeDaysBefore, 1, 30)) throw new Error('emploi.noticeDaysBefore must be 1 to 30 days');
  },
};
