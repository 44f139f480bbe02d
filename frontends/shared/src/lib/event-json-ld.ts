import { parisDateTime, parisDay } from './dates';
import { safeHref } from './rich-text';
import { occurrence, type AgendaEvent } from './agenda';

/** Who publishes the agenda: the organiser of an event that names none. */
export interface Publisher {
  name: string;
  url?: string;
}

/** An address of the directory (a place, a structure) as a schema.org PostalAddress. */
export function postalAddress(item: {
  adresse?: string | null;
  code_postal?: string | null;
  commune?: string | null;
}): Record<string, unknown> {
  return {
    '@type': 'PostalAddress',
    ...(item.adresse ? { streetAddress: item.adresse } : {}),
    ...(item.code_postal ? { postalCode: item.code_postal } : {}),
    ...(item.commune ? { addressLocality: item.commune } : {}),
    addressCountry: 'FR',
  };
}

/** `geo` of a schema.org Place, when the position is known. */
export function geo(item: { latitude?: number | null; longitude?: number | null }): Record<string, unknown> {
  return item.latitude != null && item.longitude != null
    ? { geo: { '@type': 'GeoCoordinates', latitude: item.latitude, longitude: item.longitude } }
    : {};
}

/** « Gratuit » → 0, « 2 € la séance » → 2; null when the price is not a plain amount in euros. */
export function priceInEuros(price: string | null): number | null {
  if (!price) return null;
  if (/gratuit|libre|offert/i.test(price)) return 0;
  const amounts = [...price.matchAll(/(\d+(?:[.,]\d{1,2})?)\s*(?:€|euros?)/gi)];
  return amounts.length === 1 ? Number(amounts[0][1].replace(',', '.')) : null;
}

/** schema.org Event for an event's page: its next occurrence, place, organiser and price. */
export function eventJsonLd(
  item: AgendaEvent,
  publisher: Publisher,
  pageUrl: string | undefined,
): Record<string, unknown> {
  const { start, end } = occurrence(item);
  const day = (iso: string) => parisDay(iso);
  const place = item.lieu;
  const price = priceInEuros(item.prix);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: item.titre,
    ...(item.description ? { description: item.description } : {}),
    startDate: item.journee_entiere ? day(start) : parisDateTime(start),
    ...(end ? { endDate: item.journee_entiere ? day(end) : parisDateTime(end) } : {}),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    ...(place
      ? {
          location: {
            '@type': 'Place',
            name: place.nom,
            address: postalAddress(place),
            ...geo(place),
          },
        }
      : {}),
    organizer: item.organisateur
      ? { '@type': 'Organization', name: item.organisateur.nom }
      : { '@type': 'Organization', name: publisher.name, ...(publisher.url ? { url: publisher.url } : {}) },
    ...(price !== null
      ? {
          offers: {
            '@type': 'Offer',
            price,
            priceCurrency: 'EUR',
            ...(item.lien_inscription && safeHref(item.lien_inscription)?.startsWith('http')
              ? { url: item.lien_inscription }
              : {}),
          },
        }
      : {}),
    ...(pageUrl ? { url: pageUrl } : {}),
  };
}
