/**
 * The repetitions staff choose from, in plain words, and the RRULE each stands for. The end
 * of a repetition travels apart (`until`): the server adds it to the rule.
 */
export const REPEATS = ['none', 'monthly', 'quarterly', 'yearly'] as const;
export type Repeat = (typeof REPEATS)[number] | 'custom';

const RULES: Record<Exclude<Repeat, 'none' | 'custom'>, string> = {
  monthly: 'FREQ=MONTHLY',
  quarterly: 'FREQ=MONTHLY;INTERVAL=3',
  yearly: 'FREQ=YEARLY',
};

const partsOf = (rule: string) =>
  Object.fromEntries(
    rule
      .replace(/^RRULE:/i, '')
      .split(';')
      .filter(Boolean)
      .map((part) => {
        const [key, value = ''] = part.split('=');
        return [key.toUpperCase(), value.toUpperCase()];
      }),
  ) as Record<string, string>;

/** The plain choice a rule amounts to; `custom` for one the choices cannot express. */
export function repeatOf(rule: string | null | undefined): Repeat {
  if (!rule) return 'none';
  const parts = partsOf(rule);
  const interval = parts.INTERVAL ?? '1';
  if (parts.FREQ === 'YEARLY' && interval === '1') return 'yearly';
  if (parts.FREQ === 'MONTHLY' && interval === '1') return 'monthly';
  if (parts.FREQ === 'MONTHLY' && interval === '3') return 'quarterly';
  return 'custom';
}

/** The rule without its UNTIL, and that end as `YYYY-MM-DD`, for the form. */
export function splitEnd(rule: string | null | undefined): { rule: string | null; until: string } {
  if (!rule) return { rule: null, until: '' };
  const until = /(?:^|;)UNTIL=(\d{4})(\d{2})(\d{2})/i.exec(rule);
  const base = rule
    .split(';')
    .filter((part) => !/^UNTIL=/i.test(part))
    .join(';');
  return { rule: base, until: until ? `${until[1]}-${until[2]}-${until[3]}` : '' };
}

/**
 * The rule to send for a choice: the type's own rule when it says the same thing more precisely
 * (« le 28 de chaque mois »), the plain one otherwise.
 */
export function ruleFor(repeat: Repeat, preferred: string | null): string | null {
  if (repeat === 'none') return null;
  if (repeat === 'custom') return preferred;
  if (preferred && repeatOf(preferred) === repeat) return preferred;
  return RULES[repeat];
}
