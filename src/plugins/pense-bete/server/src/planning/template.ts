import { PARIS } from '@csc/plugin-core/toolkit';

/** What a message template may say, as `{prenom}`; the French names staff type. */
export const TEMPLATE_VARIABLES = {
  prenom: 'le prénom de la personne',
  demarche: 'le nom de la démarche',
  date: 'la date, par exemple « lundi 7 décembre »',
  heure: 'l’heure du rendez-vous, par exemple « 14 h 30 » (vide pour une échéance)',
  centre: 'le nom du centre',
  telephone_centre: 'le téléphone du centre',
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type TemplateValues = Record<TemplateVariable, string>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** What a group news may say: nothing about a step or a date, which a news has not. */
export const NEWS_VARIABLES = {
  prenom: TEMPLATE_VARIABLES.prenom,
  centre: TEMPLATE_VARIABLES.centre,
  telephone_centre: TEMPLATE_VARIABLES.telephone_centre,
} as const;

/** Null when the template can be sent; otherwise what to fix, in French, for the form. */
export function templateProblem(
  template: string,
  variables: Record<string, string> = TEMPLATE_VARIABLES,
): string | null {
  if (template.trim() === '') return 'Le message est vide.';
  const unknown = new Set<string>();
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    // Own keys only: `{constructor}` must not pass for a variable.
    if (!Object.hasOwn(variables, name)) unknown.add(`{${name}}`);
  }
  if (unknown.size > 0) {
    const known = Object.keys(variables)
      .map((name) => `{${name}}`)
      .join(', ');
    return `Variable inconnue : ${[...unknown].join(', ')}. Variables possibles : ${known}.`;
  }
  // What is left after the placeholders must not hold a lone brace: a typo like "{prenom".
  if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) {
    return 'Une accolade n’est pas refermée : écrivez les variables comme {prenom}.';
  }
  return null;
}

/** The message as the person will read it. The template is assumed checked by `templateProblem`. */
export function renderTemplate(template: string, values: Partial<TemplateValues>): string {
  return template.replace(PLACEHOLDER, (_, name: TemplateVariable) =>
    Object.hasOwn(values, name) ? (values[name] ?? '') : '',
  );
}

const DAY_FORMAT = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: PARIS,
});
const TIME_FORMAT = new Intl.DateTimeFormat('fr-FR', { hour: 'numeric', minute: '2-digit', timeZone: PARIS });

/** « lundi 7 décembre », in Paris. */
export const dayInWords = (instant: Date): string => DAY_FORMAT.format(instant);

/** « 14 h 30 », « 9 h », in Paris: how French messages write a time. */
export function timeInWords(instant: Date): string {
  const [hours, minutes] = TIME_FORMAT.format(instant).split(':');
  return minutes === '00' ? `${Number(hours)} h` : `${Number(hours)} h ${minutes}`;
}
