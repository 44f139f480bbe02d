import { FRAIS, MODES_ACCUEIL, PUBLICS, THEMATIQUES } from '@csc/cms';

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

/** « 12 rue des Tilleuls, 59000 Lille ». */
export function postalAddress(entry: {
  adresse: string | null;
  complement_adresse: string | null;
  code_postal: string | null;
  commune: string | null;
}): string[] {
  const town = [entry.code_postal, entry.commune].filter(Boolean).join(' ');
  return [entry.adresse, entry.complement_adresse, town].filter((line): line is string => Boolean(line));
}

/** A link that opens the place on OpenStreetMap: no tiles are loaded by the site itself. */
export const osmLink = (latitude: number, longitude: number) =>
  `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;

export const telHref = (phone: string) => `tel:${phone.replace(/[^+\d]/g, '')}`;

/** « 850 ko », « 2,4 Mo ». */
export const fileSize = (bytes: number) =>
  bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(1).replace('.', ',')} Mo`
    : `${Math.max(1, Math.round(bytes / 1000))} ko`;
