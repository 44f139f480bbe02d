import { PUBLICS } from '../../../../shared/contracts/directory-values';
import type { FormField, FormValues } from '../../public-pages/fields';
import type { HygieneProblem } from '../../public-forms/hygiene';
import { parisInstant, parisWallClock } from '../paris-time';

/**
 * The fields of the resident-facing forms and how a browser's answers (strings only) become the
 * body the JSON routes take, so that both go through the same schema and rules.
 */

const HOURS_HINT = 'Facultatif. Par exemple : Mo-Fr 09:00-12:00 (du lundi au vendredi, de 9 h à midi).';

// Data about the structure, not about the person typing: browsers must not fill in their own.
const STRUCTURE_FIELDS: FormField[] = [
  { name: 'nom', label: 'Nom de la structure', type: 'text', required: true, maxLength: 150, autocomplete: 'off' },
  {
    name: 'description',
    label: 'Ce que fait la structure',
    type: 'textarea',
    hint: 'Quelques phrases simples : pour qui, pour quoi.',
    maxLength: 10000,
  },
  {
    name: 'typologie',
    label: 'Type de structure',
    type: 'text',
    hint: 'Par exemple : association, mairie, CCAS.',
    maxLength: 100,
    autocomplete: 'off',
  },
  { name: 'adresse', label: 'Adresse', type: 'text', hint: 'Numéro et rue.', maxLength: 255, autocomplete: 'off' },
  {
    name: 'complement_adresse',
    label: 'Complément d’adresse',
    type: 'text',
    hint: 'Bâtiment, étage…',
    maxLength: 255,
    autocomplete: 'off',
  },
  {
    name: 'code_postal',
    label: 'Code postal',
    type: 'text',
    maxLength: 5,
    inputMode: 'numeric',
    autocomplete: 'off',
  },
  { name: 'commune', label: 'Commune', type: 'text', maxLength: 100, autocomplete: 'off' },
  { name: 'telephone', label: 'Téléphone de la structure', type: 'tel', maxLength: 30, autocomplete: 'off' },
  { name: 'courriel', label: 'E-mail de la structure', type: 'email', maxLength: 254, autocomplete: 'off' },
  {
    name: 'site_web',
    label: 'Site internet',
    type: 'url',
    hint: 'Commence par https://',
    maxLength: 2083,
    autocomplete: 'off',
  },
  { name: 'horaires_accueil', label: 'Horaires d’accueil', type: 'text', hint: HOURS_HINT, maxLength: 500 },
];

const SUBMITTER_EMAIL: FormField = {
  name: 'email',
  label: 'Votre e-mail',
  type: 'email',
  hint: 'Facultatif. Pour recevoir la réponse de l’équipe du centre ; il n’est pas publié.',
  maxLength: 254,
  autocomplete: 'email',
};

export const STRUCTURE_SUGGESTION_FIELDS: FormField[] = [...STRUCTURE_FIELDS, SUBMITTER_EMAIL];

export const CORRECTION_FIELDS: FormField[] = [
  ...STRUCTURE_FIELDS.slice(0, 3),
  { name: 'siret', label: 'SIRET', type: 'text', hint: '14 chiffres.', maxLength: 14, inputMode: 'numeric' },
  ...STRUCTURE_FIELDS.slice(3),
  {
    name: 'accessibilite_lieu',
    label: 'Page Accès libre du lieu',
    type: 'url',
    hint: 'Lien vers la fiche du lieu sur acceslibre.beta.gouv.fr.',
    maxLength: 2083,
  },
  SUBMITTER_EMAIL,
];

export const EVENT_SUGGESTION_FIELDS: FormField[] = [
  { name: 'titre', label: 'Titre de l’événement', type: 'text', required: true, maxLength: 150, autocomplete: 'off' },
  {
    name: 'description',
    label: 'Présentation',
    type: 'textarea',
    hint: 'Ce qui s’y passe, qui organise, où.',
    maxLength: 10000,
  },
  { name: 'date_debut_jour', label: 'Date de début', type: 'date', required: true, hint: 'Par exemple : 24/12/2026.' },
  {
    name: 'date_debut_heure',
    label: 'Heure de début',
    type: 'time',
    hint: 'Par exemple : 14:30. Laissez vide si l’événement dure toute la journée.',
  },
  {
    name: 'date_fin_jour',
    label: 'Date de fin',
    type: 'date',
    hint: 'Facultatif. Si l’événement dure plusieurs jours.',
  },
  { name: 'date_fin_heure', label: 'Heure de fin', type: 'time', hint: 'Facultatif. Par exemple : 17:00.' },
  {
    name: 'publics',
    label: 'Pour qui ?',
    type: 'checkboxes',
    hint: 'Facultatif. Cochez une ou plusieurs cases.',
    options: PUBLICS,
  },
  {
    name: 'age_min',
    label: 'Âge minimum des enfants',
    type: 'text',
    hint: 'Facultatif. En années : 3 pour « dès 3 ans ».',
    maxLength: 2,
    inputMode: 'numeric',
    autocomplete: 'off',
  },
  {
    name: 'age_max',
    label: 'Âge maximum des enfants',
    type: 'text',
    hint: 'Facultatif. En années : 6 pour « 3-6 ans ».',
    maxLength: 2,
    inputMode: 'numeric',
    autocomplete: 'off',
  },
  { name: 'prix', label: 'Prix', type: 'text', hint: 'Par exemple : gratuit, 2 € par personne.', maxLength: 150 },
  { name: 'inscription', label: 'Comment s’inscrire', type: 'textarea', hint: 'Facultatif.', maxLength: 1000 },
  {
    name: 'lien_inscription',
    label: 'Lien pour s’inscrire',
    type: 'url',
    hint: 'Facultatif. Commence par https://',
    maxLength: 2083,
  },
  SUBMITTER_EMAIL,
];

/** Where a JSON field's message shows on the page, when the page splits it into several inputs. */
export const EVENT_FIELD_ALIASES = { date_debut: 'date_debut_jour', date_fin: 'date_fin_jour' };

/** What a browser sent, as values to show again (a list for checkboxes, text otherwise). */
export function postedValues(fields: readonly FormField[], posted: URLSearchParams): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    values[field.name] = field.type === 'checkboxes' ? posted.getAll(field.name) : (posted.get(field.name) ?? '');
  }
  return values;
}

/**
 * The body for the schema: every posted key (an unexpected one is kept, so the strict schema
 * names it), the last value of a repeated text, lists for checkboxes, and the submitter's e-mail
 * left out when empty.
 */
export function bodyOf(
  fields: readonly FormField[],
  posted: URLSearchParams,
  keep: (key: string, value: string) => boolean = () => true,
): Record<string, unknown> {
  const lists = new Set(fields.filter((field) => field.type === 'checkboxes').map((field) => field.name));
  const body: Record<string, unknown> = {};
  for (const key of new Set(posted.keys())) {
    const all = posted.getAll(key);
    if (!keep(key, all[all.length - 1])) continue;
    Object.defineProperty(body, key, {
      value: lists.has(key) ? all : all[all.length - 1],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  if (typeof body.email === 'string' && body.email.trim() === '') delete body.email;
  return body;
}

const DAY = /^(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\/(\d{1,2})\/(\d{4}))$/;
const TIME = /^(\d{1,2})(?::|h|H)(\d{2})?$/;

/** A typed day ("2026-12-24" from a date picker, "24/12/2026" typed) and time ("14:30", "14h"). */
function parisDateTime(day: string, time: string): Date | null {
  const d = DAY.exec(day.trim());
  if (!d) return null;
  const [year, month, date] = d[1] ? [d[1], d[2], d[3]] : [d[6], d[5], d[4]];
  let hour = 0;
  let minute = 0;
  if (time.trim()) {
    const t = TIME.exec(time.trim());
    if (!t) return null;
    hour = Number(t[1]);
    minute = Number(t[2] ?? 0);
    if (hour > 23 || minute > 59) return null;
  }
  const [y, m, dd] = [Number(year), Number(month), Number(date)];
  const instant = parisInstant(y, m, dd, hour, minute);
  const check = parisWallClock(instant);
  // 31/02 and the like: the calendar moved the day.
  return check.year === y && check.month === m && check.day === dd ? instant : null;
}

const DATE_INPUTS = ['date_debut_jour', 'date_debut_heure', 'date_fin_jour', 'date_fin_heure'];

/**
 * The event body: the four date and time inputs become `date_debut`, `date_fin` and
 * `journee_entiere` (no start time: the whole day), in Paris time.
 */
export function eventBodyOf(posted: URLSearchParams): { body: Record<string, unknown>; problems: HygieneProblem[] } {
  const body = bodyOf(EVENT_SUGGESTION_FIELDS, posted, (key) => !DATE_INPUTS.includes(key));
  const problems: HygieneProblem[] = [];
  const [startDay, startTime, endDay, endTime] = DATE_INPUTS.map((key) => posted.get(key) ?? '');
  if (startDay.trim()) {
    const start = parisDateTime(startDay, startTime);
    if (start) body.date_debut = start.toISOString();
    else
      problems.push({
        path: ['date_debut_jour'],
        message: 'Date ou heure de début illisible : écrivez par exemple 24/12/2026 et 14:30.',
      });
  }
  body.journee_entiere = !startTime.trim();
  // Typed ages become numbers; anything else stays text, which the schema refuses in French.
  for (const key of ['age_min', 'age_max']) {
    const typed = typeof body[key] === 'string' ? (body[key] as string).trim() : undefined;
    if (typed === '') body[key] = null;
    else if (typed !== undefined && /^\d{1,3}$/.test(typed)) body[key] = Number(typed);
  }
  if (endDay.trim() || endTime.trim()) {
    const end = parisDateTime(endDay.trim() ? endDay : startDay, endTime);
    if (end) body.date_fin = end.toISOString();
    else
      problems.push({
        path: [endDay.trim() ? 'date_fin_jour' : 'date_fin_heure'],
        message: 'Date ou heure de fin illisible : écrivez par exemple 24/12/2026 et 17:00.',
      });
  }
  return { body, problems };
}
