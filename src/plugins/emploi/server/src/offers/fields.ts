import { z } from 'zod';
import { APPLY_METHOD_VALUES, CONTRACT_VALUES, ROME_CODE, SECTOR_VALUES } from '../../../shared/contracts/values';
import { normaliseSiret, siretProblem } from '../../../shared/siret';

/** An unknown field of a body is named back, in French. */
export const UNKNOWN_FIELD = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Champ inconnu : ${(issue.keys ?? []).join(', ')}.` : undefined,
};

/** A field left empty is a field not given. */
export const optional = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

export const text = (label: string, min: number, max: number) =>
  z
    // A form leaves an empty field out: missing is « obligatoire », not « un texte ».
    .string({ error: (issue) => (issue.input === undefined ? `${label} est obligatoire.` : `${label} est un texte.`) })
    .trim()
    .min(min, min === 1 ? `${label} est obligatoire.` : `${label} compte au moins ${min} caractères.`)
    .max(max, `${label} compte ${max} caractères au plus.`);

export const isoDay = z
  .string('Écrivez la date sous la forme AAAA-MM-JJ.')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Écrivez la date sous la forme AAAA-MM-JJ (2027-03-31).')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'Cette date n’existe pas.');

/** Numbers come as numbers from JSON and as strings (« 17,5 ») from forms and the content manager. */
const decimal = (message: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.replace(',', '.')) : value),
    z.number(message).finite(message),
  );

/** Job titles are plain words: markup there is a pasted page or an attempt, never a title. */
const MARKUP = /<\/?[a-z!][^>]*>/i;

export const fields = {
  title: text('L’intitulé du poste', 3, 120).refine(
    (value) => !MARKUP.test(value),
    'L’intitulé du poste s’écrit sans balises (< >) : écrivez seulement le nom du poste.',
  ),
  romeCode: z
    .string('Le code ROME est un texte.')
    .trim()
    .transform((value) => value.toUpperCase())
    .refine((value) => ROME_CODE.test(value), 'Le code ROME est une lettre de A à N suivie de 4 chiffres (K2204).'),
  employerName: text('Le nom de l’employeur', 2, 150),
  sector: z.enum(SECTOR_VALUES, 'Choisissez un secteur de la liste.'),
  contract: z.enum(CONTRACT_VALUES, 'Le contrat est CDI, CDD, intérim, alternance, stage, CDDI ou PEC.'),
  hoursPerWeek: decimal('Le nombre d’heures par semaine est un nombre.').pipe(
    z
      .number()
      .min(1, 'Au moins 1 heure par semaine.')
      .max(48, '48 heures par semaine au plus (durée maximale légale).'),
  ),
  commune: text('La commune', 2, 80),
  postalCode: z
    .string('Le code postal est un texte.')
    .trim()
    .regex(/^\d{5}$/, 'Le code postal compte 5 chiffres.'),
  latitude: decimal('La latitude est un nombre.').pipe(z.number().min(-90).max(90, 'Latitude entre -90 et 90.')),
  longitude: decimal('La longitude est un nombre.').pipe(z.number().min(-180).max(180, 'Longitude entre -180 et 180.')),
  description: text('La description du poste', 20, 5000),
  profile: text('Le profil recherché', 1, 3000),
  startDate: isoDay,
  validUntil: isoDay,
  applyMethod: z.enum(APPLY_METHOD_VALUES, 'Choisissez comment postuler : e-mail, lien ou accueil du centre.'),
  applyEmail: z
    .email('Cette adresse e-mail n’est pas valide.')
    .max(254, 'Cette adresse e-mail est trop longue.')
    .transform((value) => value.toLowerCase()),
  applyUrl: z
    .string('Le lien est un texte.')
    .trim()
    .max(500, 'Le lien compte 500 caractères au plus.')
    .regex(/^https?:\/\/[^\s<>"]+$/, 'Le lien commence par https:// (ou http://).'),
};

export const siret = z
  .string('Le SIRET est un texte de 14 chiffres.')
  .transform(normaliseSiret)
  .superRefine((value, context) => {
    const problem = siretProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const employerFields = {
  name: text('Le nom de l’entreprise', 2, 150),
  siret,
  sector: fields.sector,
  commune: text('La commune', 2, 80),
  contactRole: text('La fonction du contact', 2, 100),
  contactEmail: fields.applyEmail,
};

/** Offers' last day: not before today, not further than the configured maximum. */
export interface OfferLimits {
  today: string;
  maxDay: string;
  maxDays: number;
}

export function validUntilProblem(day: string, limits: OfferLimits): string | null {
  if (day < limits.today) return 'La date de fin est passée : choisissez aujourd’hui ou plus tard.';
  if (day > limits.maxDay)
    return `Une offre reste en ligne ${limits.maxDays} jours au plus : choisissez le ${limits.maxDay} ou avant.`;
  return null;
}

type Issue = { path: string; message: string };

/** How to apply must be usable: an address for « e-mail », a link for « lien ». */
export function applyProblems(data: { applyMethod?: unknown; applyEmail?: unknown; applyUrl?: unknown }): Issue[] {
  if (data.applyMethod === 'email' && !data.applyEmail) {
    return [{ path: 'applyEmail', message: 'Donnez l’adresse e-mail où envoyer les candidatures.' }];
  }
  if (data.applyMethod === 'link' && !data.applyUrl) {
    return [{ path: 'applyUrl', message: 'Donnez le lien où postuler.' }];
  }
  return [];
}

/** What partners and employers send to propose an offer (`POST …/partner/offers`, `…/employer/offers`). */
export function offerBody(limits: OfferLimits, options: { withEmployer: boolean }) {
  const shape = {
    title: fields.title,
    romeCode: optional(fields.romeCode),
    contract: fields.contract,
    hoursPerWeek: optional(fields.hoursPerWeek),
    commune: fields.commune,
    postalCode: optional(fields.postalCode),
    latitude: optional(fields.latitude),
    longitude: optional(fields.longitude),
    description: fields.description,
    profile: optional(fields.profile),
    startDate: optional(fields.startDate),
    validUntil: optional(fields.validUntil),
    applyMethod: fields.applyMethod,
    applyEmail: optional(fields.applyEmail),
    applyUrl: optional(fields.applyUrl),
  };
  const withEmployer = {
    ...shape,
    employerName: fields.employerName,
    sector: optional(fields.sector),
    centre: optional(z.string('Le centre est un identifiant.').max(80, 'Identifiant de centre trop long.')),
  };
  const schema = options.withEmployer
    ? z.strictObject(withEmployer, UNKNOWN_FIELD)
    : z.strictObject(shape, UNKNOWN_FIELD);
  return schema.superRefine((data, context) => {
    const record = data as Record<string, unknown>;
    const day = record.validUntil as string | undefined;
    const problem = day ? validUntilProblem(day, limits) : null;
    if (problem) context.addIssue({ code: 'custom', path: ['validUntil'], message: problem });
    for (const issue of applyProblems(record)) {
      context.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
    if ((record.latitude === undefined) !== (record.longitude === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['longitude'],
        message: 'Donnez la latitude et la longitude, ou aucune.',
      });
    }
  });
}

export type OfferBody = z.infer<ReturnType<typeof offerBody>> & {
  employerName?: string;
  sector?: string;
  centre?: string;
};

/** Folded for comparison: case, accents and hyphens ignored (« Saint-Étienne » = « saint etienne »). */
export function communeKey(commune: string): string {
  return commune
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .trim();
}
