import type { SiteIdentity } from '@csc/site-shared/lib/site';

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
