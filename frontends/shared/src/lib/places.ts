/** « 12 rue des Tilleuls, 59000 Lille »: the lines of a directory entry's address. */
export function postalAddress(entry: {
  adresse: string | null;
  complement_adresse: string | null;
  code_postal: string | null;
  commune: string | null;
}): string[] {
  const town = [entry.code_postal, entry.commune].filter(Boolean).join(' ');
  return [entry.adresse, entry.complement_adresse, town].filter((line): line is string => Boolean(line));
}

/** A link that opens a place on OpenStreetMap: the sites load no map tiles for it. */
export const osmLink = (latitude: number, longitude: number) =>
  `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;

/** A marker of a map: where, what it is called, and the page (or the place in a list) it leads to. */
export interface MapPoint {
  lat: number;
  lon: number;
  name: string;
  /** Under the site's base, e.g. `structures/creche-k3x9/` or `acteurs/#acteur-k3x9`. */
  path: string;
}
