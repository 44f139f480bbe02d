import type { Core } from '@strapi/strapi';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { openingHoursProblem } from '../centres/validation';
import { parseOrThrow } from '../utils/validation-error';
import {
  MODES_ACCUEIL,
  PUBLICS,
  RESEAUX_PORTEURS,
  THEMATIQUES,
  valuesOf,
} from '../../../shared/contracts/directory-values';
import {
  AGE_BOUNDS,
  DIRECTORY_UIDS,
  EVENT_UID,
  PLACE_UID,
  SERVICE_UID,
  STRUCTURE_UID,
} from '../../../shared/contracts/directory';
import { normaliseRrule, rruleProblem } from './rrule';

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** A list of values from a data·inclusion list, each once; `label` names the field in messages. */
function valueList(values: readonly string[], label: string) {
  const allowed = new Set(values);
  return z
    .array(z.string(`Chaque ${label} est un texte.`), `Les ${label}s forment une liste.`)
    .superRefine((list, ctx) => {
      const unknown = list.filter((value) => !allowed.has(value));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `Valeur inconnue de la liste data·inclusion des ${label}s : ${unknown.slice(0, 3).join(', ').slice(0, 200)}.`,
        });
      }
      if (new Set(list).size !== list.length)
        ctx.addIssue({ code: 'custom', message: `Chaque ${label} n’apparaît qu’une fois.` });
    });
}

const thematiques = optional(valueList(valuesOf(THEMATIQUES), 'thématique'));
const publics = optional(
  valueList(valuesOf(PUBLICS), 'public').refine(
    (list) => !list.includes('tous-publics') || list.length === 1,
    '« tous-publics » s’emploie seul, sans autre public.',
  ),
);

/** An age in whole years, as the schema bounds it; a string is refused, not read as a number. */
const age = (label: string) =>
  optional(
    z
      .number(`${label} est un nombre entier d’années.`)
      .int(`${label} est un nombre entier d’années.`)
      .min(AGE_BOUNDS.min, `${label} est entre ${AGE_BOUNDS.min} et ${AGE_BOUNDS.max} ans.`)
      .max(AGE_BOUNDS.max, `${label} est entre ${AGE_BOUNDS.min} et ${AGE_BOUNDS.max} ans.`),
  );
/** Also the shape of contributions' ages, so that every message about an age is said once. */
export const ages = { age_min: age('L’âge minimum'), age_max: age('L’âge maximum') };

/** Both ages given: the smaller first. Either may be missing (« dès 3 ans », « jusqu’à 11 ans »). */
function agesInOrder(data: { age_min?: number | null; age_max?: number | null }, ctx: z.RefinementCtx): void {
  if (typeof data.age_min === 'number' && typeof data.age_max === 'number' && data.age_min > data.age_max) {
    ctx.addIssue({ code: 'custom', path: ['age_max'], message: 'L’âge maximum est au moins l’âge minimum.' });
  }
}

const url = optional(
  z.string().refine((value) => value === '' || /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value), {
    message: 'L’adresse commence par https:// ou http://.',
  }),
);
const phone = optional(
  z
    .string()
    .refine(
      (value) => value === '' || Boolean(parsePhoneNumberFromString(value, 'FR')?.isValid()),
      'Ce numéro de téléphone n’est pas valide.',
    ),
);
const hours = optional(
  z.string().superRefine((value, ctx) => {
    const problem = value.trim() === '' ? null : openingHoursProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);
const address = {
  code_postal: optional(z.string().regex(/^(\d{5})?$/, 'Le code postal compte 5 chiffres.')),
  code_insee: optional(
    z
      .string()
      .regex(/^(\d[0-9AB]\d{3})?$/, 'Le code INSEE de la commune compte 5 caractères, par exemple 69388 ou 2A004.'),
  ),
  latitude: optional(
    z.number('La latitude est un nombre.').min(-90, 'Latitude entre -90 et 90.').max(90, 'Latitude entre -90 et 90.'),
  ),
  longitude: optional(
    z
      .number('La longitude est un nombre.')
      .min(-180, 'Longitude entre -180 et 180.')
      .max(180, 'Longitude entre -180 et 180.'),
  ),
};

const structureFields = z.object({
  ...address,
  nom: optional(
    z.string().trim().min(3, 'Le nom compte au moins 3 caractères.').max(150, 'Le nom compte 150 caractères au plus.'),
  ),
  siret: optional(z.string().regex(/^(\d{14})?$/, 'Le SIRET compte 14 chiffres.')),
  site_web: url,
  accessibilite_lieu: url,
  telephone: phone,
  horaires_accueil: hours,
  thematiques,
  reseaux_porteurs: optional(valueList(valuesOf(RESEAUX_PORTEURS), 'réseau porteur')),
});

const zoneCode = z
  .string()
  .regex(
    /^(\d[0-9AB]\d{3}|\d{2,3}|2A|2B|\d{9}|france)$/,
    'Chaque zone est un code INSEE de commune (69388), de département (69, 2A), d’EPCI (9 chiffres) ou « france ».',
  );

const serviceFields = z
  .object({
    ...address,
    ...ages,
    nom: optional(
      z
        .string()
        .trim()
        .min(3, 'Le nom compte au moins 3 caractères.')
        .max(150, 'Le nom compte 150 caractères au plus.'),
    ),
    description: optional(z.string().trim().min(5, 'La présentation compte au moins 5 caractères.')),
    thematiques,
    publics,
    modes_accueil: optional(valueList(valuesOf(MODES_ACCUEIL), 'mode d’accueil')),
    zone_eligibilite: optional(z.array(zoneCode, 'La zone d’éligibilité est une liste de codes.')),
    horaires_accueil: hours,
    telephone: phone,
    lien_mobilisation: url,
  })
  .superRefine(agesInOrder);

const placeFields = z.object({ ...address, accessibilite_lieu: url });

const dateTime = optional(
  z
    .union([z.string(), z.date()])
    .refine((value) => !Number.isNaN(new Date(value).getTime()), 'Date et heure illisibles.'),
);

const eventFields = z
  .object({
    titre: optional(
      z
        .string()
        .trim()
        .min(3, 'Le titre compte au moins 3 caractères.')
        .max(150, 'Le titre compte 150 caractères au plus.'),
    ),
    date_debut: dateTime,
    date_fin: dateTime,
    recurrence: optional(
      z.string().superRefine((value, ctx) => {
        const problem = rruleProblem(normaliseRrule(value));
        if (problem) ctx.addIssue({ code: 'custom', message: `Répétition : ${problem}` });
      }),
    ),
    publics,
    ...ages,
    thematiques,
    lien_inscription: url,
  })
  .superRefine(agesInOrder)
  .superRefine((data, ctx) => {
    if (data.date_debut && data.date_fin && new Date(data.date_fin) < new Date(data.date_debut)) {
      ctx.addIssue({ code: 'custom', path: ['date_fin'], message: 'La fin vient après le début.' });
    }
  });

const SCHEMAS: Record<string, z.ZodType> = {
  [STRUCTURE_UID]: structureFields,
  [SERVICE_UID]: serviceFields,
  [PLACE_UID]: placeFields,
  [EVENT_UID]: eventFields,
};

/** Throws Strapi's 400 with one French message per field at fault; only fields present are checked. */
export function assertValidDirectoryEntry(uid: string, data: unknown): void {
  const schema = SCHEMAS[uid];
  if (schema) parseOrThrow(schema, data ?? {});
}

/**
 * An update that changes one age only is checked against the other as stored, so that no write
 * leaves an entry « from 8 to 5 years old ».
 */
async function assertAgesStayInOrder(
  strapi: Core.Strapi,
  context: { uid: string; params: unknown },
  data: Record<string, unknown>,
): Promise<void> {
  const given = ['age_min', 'age_max'].filter((key) => data[key] !== undefined);
  const documentId = (context.params as { documentId?: unknown }).documentId;
  if (given.length !== 1 || typeof data[given[0]] !== 'number' || typeof documentId !== 'string') return;
  const stored = (await strapi.db.query(context.uid as typeof SERVICE_UID).findOne({
    where: { documentId, publishedAt: null },
    select: ['age_min', 'age_max'],
  })) as { age_min: number | null; age_max: number | null } | null;
  if (stored) assertValidDirectoryEntry(context.uid, { ...stored, ...data });
}

/**
 * Checks directory entries on every write, whoever writes (content manager, demo, product code),
 * before anything reaches the database; a pasted "RRULE:" prefix is dropped.
 */
export function validateDirectoryOnWrite(strapi: Core.Strapi): void {
  const uids = new Set<string>(DIRECTORY_UIDS);
  strapi.documents.use(async (context, next) => {
    if (uids.has(context.uid) && (context.action === 'create' || context.action === 'update')) {
      const params = context.params as { data?: Record<string, unknown> };
      if (params.data && typeof params.data.recurrence === 'string') {
        params.data = { ...params.data, recurrence: normaliseRrule(params.data.recurrence) || null };
      }
      assertValidDirectoryEntry(context.uid, params.data);
      if (context.action === 'update' && params.data) await assertAgesStayInOrder(strapi, context, params.data);
    }
    return next();
  });
}
