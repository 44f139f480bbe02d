import type { DirectoryStructure } from '@csc/cms';
import { safeHref } from '@csc/site-shared/lib/rich-text';
import { geo, postalAddress } from '@csc/site-shared/lib/event-json-ld';

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
    ...(structure.adresse || structure.commune ? { address: postalAddress(structure) } : {}),
    ...(structure.latitude != null && structure.longitude != null
      ? { location: { '@type': 'Place', ...geo(structure) } }
      : {}),
  };
}
