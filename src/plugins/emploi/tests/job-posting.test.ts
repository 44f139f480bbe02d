import { buildJobPosting, EMPLOYMENT_TYPES, employmentTypeOf, jobPostingScript } from '../shared/job-posting';
import type { PublicOffer } from '../shared/contracts/offers';
import { CONTRACT_VALUES } from '../shared/contracts/values';

const offer = (overrides: Partial<PublicOffer> = {}): PublicOffer => ({
  id: 'k3m9x2offre',
  title: 'Agent ou agente de propreté',
  romeCode: 'K2204',
  employer: { name: 'Net’Quartier, entreprise d’insertion' },
  sector: 'proprete',
  contract: 'cddi',
  hoursPerWeek: 26,
  commune: 'Roubaix',
  postalCode: '59100',
  latitude: 50.6889,
  longitude: 3.1817,
  description: 'Entretien de halls d’immeubles.\n\nEn équipe, avec un encadrant <b>technique</b>.',
  profile: 'Orienté par la Mission Locale.',
  startDate: '2027-01-04',
  validUntil: '2027-01-31',
  datePosted: '2026-12-01T09:30:00.000Z',
  apply: { method: 'reception', email: null, url: null },
  status: 'open',
  centre: { name: 'Centre social des Oliviers', slug: 'oliviers' },
  ...overrides,
});

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/;

/** What Google's job search requires, and what the portal promises on every live offer. */
function problems(posting: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const key of [
    'title',
    'description',
    'datePosted',
    'validThrough',
    'employmentType',
    'hiringOrganization',
    'jobLocation',
  ]) {
    if (posting[key] === undefined || posting[key] === '') found.push(`missing ${key}`);
  }
  if (posting['@context'] !== 'https://schema.org' || posting['@type'] !== 'JobPosting') found.push('not a JobPosting');
  if (!ISO_DATE_TIME.test(String(posting.datePosted))) found.push('datePosted not ISO 8601');
  if (!ISO_DATE_TIME.test(String(posting.validThrough))) found.push('validThrough not ISO 8601');
  const types = posting.employmentType as string[];
  if (
    !Array.isArray(types) ||
    types.length === 0 ||
    types.some((type) => !(EMPLOYMENT_TYPES as readonly string[]).includes(type))
  ) {
    found.push('employmentType outside schema.org values');
  }
  const organisation = posting.hiringOrganization as { '@type'?: string; name?: string };
  if (organisation?.['@type'] !== 'Organization' || !organisation.name) found.push('hiringOrganization without name');
  const place = posting.jobLocation as {
    '@type'?: string;
    address?: { addressLocality?: string; addressCountry?: string };
  };
  if (place?.['@type'] !== 'Place' || !place.address?.addressLocality || place.address.addressCountry !== 'FR') {
    found.push('jobLocation without locality and country');
  }
  return found;
}

describe('JobPosting JSON-LD', () => {
  it('holds every required property, in ISO 8601 and schema.org values', () => {
    const posting = buildJobPosting(offer(), { url: 'https://emploi.example.org/offres/k3m9x2offre/' });
    expect(problems(posting as unknown as Record<string, unknown>)).toEqual([]);
    expect(posting.validThrough).toBe('2027-01-31T23:59:59+01:00');
    expect(posting.employmentType).toEqual(['PART_TIME', 'TEMPORARY']);
    expect(posting.jobLocation.geo).toEqual({ '@type': 'GeoCoordinates', latitude: 50.6889, longitude: 3.1817 });
    expect(posting.occupationalCategory).toBe('K2204');
    expect(posting.url).toBe('https://emploi.example.org/offres/k3m9x2offre/');
  });

  it('ends the last day at midnight Paris time in summer too', () => {
    expect(buildJobPosting(offer({ validUntil: '2027-07-14' })).validThrough).toBe('2027-07-14T23:59:59+02:00');
  });

  it('stays valid for every contract, with or without hours, place or profile', () => {
    for (const contract of CONTRACT_VALUES) {
      for (const hoursPerWeek of [null, 12, 35]) {
        const posting = buildJobPosting(
          offer({
            contract,
            hoursPerWeek,
            latitude: null,
            longitude: null,
            postalCode: null,
            profile: null,
            romeCode: null,
          }),
        );
        expect(problems(posting as unknown as Record<string, unknown>)).toEqual([]);
      }
    }
  });

  it('maps French contracts to schema.org employment types', () => {
    expect(employmentTypeOf('cdi', 35)).toEqual(['FULL_TIME']);
    expect(employmentTypeOf('cdi', 20)).toEqual(['PART_TIME']);
    expect(employmentTypeOf('cdi', null)).toEqual(['OTHER']);
    expect(employmentTypeOf('cdd', 35)).toEqual(['FULL_TIME', 'TEMPORARY']);
    expect(employmentTypeOf('interim', null)).toEqual(['TEMPORARY']);
    expect(employmentTypeOf('stage', 35)).toEqual(['FULL_TIME', 'INTERN']);
    expect(employmentTypeOf('pec', 20)).toEqual(['PART_TIME', 'TEMPORARY']);
  });

  it('escapes what people typed, and cannot close its script tag', () => {
    const posting = buildJobPosting(offer({ title: 'Vendeur </script><script>alert(1)</script>' }));
    expect(posting.description).toBe(
      '<p>Entretien de halls d’immeubles.</p>' +
        '<p>En équipe, avec un encadrant &#60;b&#62;technique&#60;/b&#62;.</p>' +
        '<p>Profil recherché : Orienté par la Mission Locale.</p>',
    );
    const script = jobPostingScript(posting);
    expect(script).not.toContain('</script>');
    expect(JSON.parse(script).title).toBe('Vendeur </script><script>alert(1)</script>');
  });
});
