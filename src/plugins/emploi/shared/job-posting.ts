import type { PublicOffer } from './contracts/offers';
import type { Contract } from './contracts/values';

/** The values schema.org (and Google's job search) accept for `employmentType`. */
export const EMPLOYMENT_TYPES = [
  'FULL_TIME',
  'PART_TIME',
  'CONTRACTOR',
  'TEMPORARY',
  'INTERN',
  'VOLUNTEER',
  'PER_DIEM',
  'OTHER',
] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** Full time in France: 35 hours a week. */
const FULL_TIME_HOURS = 35;

const CONTRACT_TYPES: Record<Contract, EmploymentType[]> = {
  cdi: [],
  cdd: ['TEMPORARY'],
  interim: ['TEMPORARY'],
  cddi: ['TEMPORARY'],
  pec: ['TEMPORARY'],
  stage: ['INTERN'],
  // An apprenticeship has no schema.org value of its own.
  alternance: ['OTHER'],
};

/** `employmentType` of an offer: its working time when known, then what its contract says. */
export function employmentTypeOf(contract: Contract, hoursPerWeek: number | null): EmploymentType[] {
  const time: EmploymentType[] =
    hoursPerWeek === null ? [] : [hoursPerWeek >= FULL_TIME_HOURS ? 'FULL_TIME' : 'PART_TIME'];
  const types = [...time, ...CONTRACT_TYPES[contract]];
  return types.length > 0 ? types : ['OTHER'];
}

const parisOffset = (day: string): string => {
  const noon = new Date(`${day}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
};

export interface JobPosting {
  '@context': 'https://schema.org';
  '@type': 'JobPosting';
  title: string;
  description: string;
  datePosted: string;
  validThrough: string;
  employmentType: EmploymentType[];
  hiringOrganization: { '@type': 'Organization'; name: string };
  jobLocation: {
    '@type': 'Place';
    address: {
      '@type': 'PostalAddress';
      addressLocality: string;
      postalCode?: string;
      addressCountry: 'FR';
    };
    geo?: { '@type': 'GeoCoordinates'; latitude: number; longitude: number };
  };
  identifier: { '@type': 'PropertyValue'; name: string; value: string };
  occupationalCategory?: string;
  workHours?: string;
  jobStartDate?: string;
  url?: string;
}

/**
 * The schema.org JobPosting of a live offer, for the offer's page (`<script type="application/ld+json">`).
 * Descriptions are plain text typed by people: each paragraph becomes one `<p>`, escaped, since
 * Google reads `description` as HTML. `validThrough` is the end of the last day, Paris time.
 */
export function buildJobPosting(offer: PublicOffer, options: { url?: string } = {}): JobPosting {
  const paragraphs = [offer.description, offer.profile ? `Profil recherché : ${offer.profile}` : '']
    .flatMap((block) => block.split(/\n\s*\n/))
    .map((block) => block.trim())
    .filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: offer.title,
    description: paragraphs.map((block) => `<p>${escapeText(block).replace(/\n/g, '<br>')}</p>`).join(''),
    datePosted: offer.datePosted,
    validThrough: `${offer.validUntil}T23:59:59${parisOffset(offer.validUntil)}`,
    employmentType: employmentTypeOf(offer.contract, offer.hoursPerWeek),
    hiringOrganization: { '@type': 'Organization', name: offer.employer.name },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressLocality: offer.commune,
        ...(offer.postalCode ? { postalCode: offer.postalCode } : {}),
        addressCountry: 'FR',
      },
      ...(offer.latitude !== null && offer.longitude !== null
        ? { geo: { '@type': 'GeoCoordinates', latitude: offer.latitude, longitude: offer.longitude } }
        : {}),
    },
    identifier: { '@type': 'PropertyValue', name: offer.employer.name, value: offer.id },
    ...(offer.romeCode ? { occupationalCategory: offer.romeCode } : {}),
    ...(offer.hoursPerWeek !== null ? { workHours: `${offer.hoursPerWeek} heures par semaine` } : {}),
    ...(offer.startDate ? { jobStartDate: offer.startDate } : {}),
    ...(options.url ? { url: options.url } : {}),
  };
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The JSON-LD to put inside `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export function jobPostingScript(posting: JobPosting): string {
  return JSON.stringify(posting).replace(/</g, '\\u003c');
}
