import { FRAIS, MODES_ACCUEIL, PUBLICS, THEMATIQUES } from '@csc/cms';

export { osmLink, postalAddress } from '@csc/site-shared/lib/places';

/** The French labels of the national value lists, for what residents read. */
const table = (list: readonly { value: string; label: string }[]) =>
  new Map(list.map((item) => [item.value, item.label]));
const FEES = table(FRAIS);
const MODES = table(MODES_ACCUEIL);
const PUBLIC_LABELS = table(PUBLICS);
const THEMES = table(THEMATIQUES);

const labels = (map: Map<string, string>, values: readonly string[]) =>
  values.map((value) => map.get(value) ?? value).join(', ');

export const feesLabel = (value: string | null) => (value ? (FEES.get(value) ?? value) : null);
export const modesLabel = (values: readonly string[]) => labels(MODES, values) || null;
export const publicsLabel = (values: readonly string[]) => labels(PUBLIC_LABELS, values) || null;
export const themeLabels = (values: readonly string[], own: Map<string, string>) =>
  values.map((value) => own.get(value) ?? THEMES.get(value) ?? value);

export const telHref = (phone: string) => `tel:${phone.replace(/[^+\d]/g, '')}`;

/** « 850 ko », « 2,4 Mo ». */
export const fileSize = (bytes: number) =>
  bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(1).replace('.', ',')} Mo`
    : `${Math.max(1, Math.round(bytes / 1000))} ko`;
