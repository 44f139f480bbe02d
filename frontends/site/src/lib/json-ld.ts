import type { SiteIdentity } from '@csc/site-shared/lib/site';
import { parisDateTime, parisDay } from '@csc/site-shared/lib/dates';
import { safeHref } from '@csc/site-shared/lib/rich-text';
import { occurrence, type AgendaEvent } from './agenda';

/** schema.org Organization for the centre, on the home page. */
export function organisation(site: SiteIdentity): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: site.name,
    ...(site.url ? { url: site.url } : {}),
    ...(site.logoUrl ? { logo: site.logoUrl } : {}),
    ...(site.phone ? { telephone: site.phone } : {}),
    ...(site.email ? { email: site.email } : {}),
    ...(site.street || site.city
      ? {
          address: {
            '@type': 'PostalAddress',
            streetAddress: site.street ?? undefined,
            postalCode: site.postalCode ?? undefined,
            addressLocality: site.city ?? undefined,
            addressCountry: 'FR',
          },
        }
      : {}),
  };
}

/** « Gratuit » → 0, « 2 € la séance » → 2; null when the price is not a plain amount in euros. */
export function priceInEuros(price: string | null): number | null {
  if (!price) return null;
  if (/gratuit|libre|offert/i.test(price)) return 0;
  const amounts = [...price.matchAll(/(\d+(?:[.,]\d{1,2})?)\s*(?:€|euros?)/gi)];
  return amounts.length === 1 ? Number(amounts[0][1].replace(',', '.')) : null;
}

/** schema.org Event for an event's page: its next occurrence, place, organiser and price. */
export function event(item: AgendaEvent, site: SiteIdentity, pageUrl: string | undefined): Record<string, unknown> {
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
            address: {
              '@type': 'PostalAddress',
              ...(place.adresse ? { streetAddress: place.adresse } : {}),
              ...(place.code_postal ? { postalCode: place.code_postal } : {}),
              ...(place.commune ? { addressLocality: place.commune } : {}),
              addressCountry: 'FR',
            },
            ...(place.latitude != null && place.longitude != null
              ? { geo: { '@type': 'GeoCoordinates', latitude: place.latitude, longitude: place.longitude } }
              : {}),
          },
        }
      : {}),
    organizer: item.organisateur
      ? { '@type': 'Organization', name: item.organisateur.nom }
      : { '@type': 'Organization', name: site.name, ...(site.url ? { url: site.url } : {}) },
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
