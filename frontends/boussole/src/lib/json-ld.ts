import type { DirectoryStructure } from '@csc/cms';
import type { SiteIdentity } from '@csc/site-shared/lib/site';
import { parisDateTime, parisDay } from '@csc/site-shared/lib/dates';
import { safeHref } from '@csc/site-shared/lib/rich-text';
import { occurrence, type AgendaEvent } from './agenda';

/** schema.org Organization for a structure of the directory, on its page. */
export function organisation(structure: DirectoryStructure, pageUrl: string | undefined): Record<string, unknown> {
  const website = safeHref(structure.site_web);
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: structure.nom,
    ...(structure.description ? { description: structure.description } : {}),
    ...(website?.startsWith('http') ? { url: website } : pageUrl ? { url: pageUrl } : {}),
    ...(structure.telephone ? { telephone: structure.telephone } : {}),
    ...(structure.courriel ? { email: structure.courriel } : {}),
    ...(structure.siret ? { taxID: structure.siret } : {}),
    ...(structure.adresse || structure.commune
      ? {
          address: {
            '@type': 'PostalAddress',
            ...(structure.adresse ? { streetAddress: structure.adresse } : {}),
            ...(structure.code_postal ? { postalCode: structure.code_postal } : {}),
            ...(structure.commune ? { addressLocality: structure.commune } : {}),
            addressCountry: 'FR',
          },
        }
      : {}),
    ...(structure.latitude != null && structure.longitude != null
      ? {
          location: {
            '@type': 'Place',
            geo: { '@type': 'GeoCoordinates', latitude: structure.latitude, longitude: structure.longitude },
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
