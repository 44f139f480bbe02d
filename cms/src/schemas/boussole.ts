import { z } from 'zod';
import {
  FRAIS,
  MODES_ACCUEIL,
  PUBLICS,
  RESEAUX_PORTEURS,
  THEMATIQUES,
  TYPES_DE_SERVICES,
  type Frais,
  type ModeAccueil,
  type Public,
  type ReseauPorteur,
  type Thematique,
  type TypeDeService,
} from '@csc/plugin-core/shared';
import {
  AUDIENCES,
  RESOURCE_KINDS,
  type Audience,
  type CompassEventsResponse,
  type CompassListResponse,
  type CompassServicesResponse,
  type CompassSettingsResponse,
  type CompassStructureResponse,
  type CompassStructuresResponse,
  type GlossaryResponse,
  type ResourceKind,
  type ResourcesResponse,
} from '@csc/plugin-boussole/shared';
import { age, eventSchema } from './directory';

const nullableText = z.string().nullable();
const nullableNumber = z.number().nullable();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ attendue');
const oneOf = <T extends string>(list: readonly { value: T }[]) =>
  z.enum(list.map((item) => item.value) as [T, ...T[]]);

const thematique = oneOf<Thematique>(THEMATIQUES);
const audience = oneOf<Audience>(AUDIENCES);

const meta = z
  .object({
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().min(0),
    pageCount: z.number().int().min(1),
  })
  .strict();

const address = {
  adresse: nullableText,
  complement_adresse: nullableText,
  code_postal: nullableText,
  commune: nullableText,
  code_insee: nullableText,
  latitude: nullableNumber,
  longitude: nullableNumber,
};

const centre = z
  .object({ name: z.string().min(1), slug: z.string().min(1) })
  .strict()
  .nullable();
const structureRef = z.object({ id: z.string().min(1), nom: z.string().min(1) }).strict();

const summary = {
  slug: z.string().min(1),
  title: z.string().min(1),
  sitePath: z.string().min(1),
};

export const compassListSchema = z.object({ data: z.array(z.object(summary).strict()) }).strict();

export const compassSettingsSchema = z
  .object({
    data: z
      .object({
        ...summary,
        intro: nullableText,
        themes: z.array(z.object({ code: z.string().min(1), label: z.string().min(1), local: z.boolean() }).strict()),
        audiences: z.array(z.object({ code: audience, label: z.string().min(1) }).strict()),
        communes: z.array(z.object({ nom: z.string().min(1), code_insee: nullableText }).strict()),
        map: z.object({ tiles: z.string().min(1), attribution: z.string() }).strict(),
        centre,
      })
      .strict(),
  })
  .strict();

const structure = z
  .object({
    id: z.string().min(1),
    nom: z.string().min(1),
    description: nullableText,
    typologie: nullableText,
    siret: nullableText,
    site_web: nullableText,
    telephone: nullableText,
    courriel: nullableText,
    horaires_accueil: nullableText,
    accessibilite_lieu: nullableText,
    thematiques: z.array(thematique),
    reseaux_porteurs: z.array(oneOf<ReseauPorteur>(RESEAUX_PORTEURS)),
    centre,
    date_maj: day,
    ...address,
  })
  .strict();

const service = z
  .object({
    id: z.string().min(1),
    nom: z.string().min(1),
    description: z.string(),
    structure: structureRef.nullable(),
    type: oneOf<TypeDeService>(TYPES_DE_SERVICES).nullable(),
    thematiques: z.array(thematique),
    publics: z.array(oneOf<Public>(PUBLICS)),
    publics_precisions: nullableText,
    age_min: age,
    age_max: age,
    modes_accueil: z.array(oneOf<ModeAccueil>(MODES_ACCUEIL)),
    frais: oneOf<Frais>(FRAIS).nullable(),
    frais_precisions: nullableText,
    conditions_acces: nullableText,
    zone_eligibilite: z.array(z.string()),
    horaires_accueil: nullableText,
    telephone: nullableText,
    courriel: nullableText,
    lien_mobilisation: nullableText,
    centre,
    date_maj: day,
    ...address,
  })
  .strict();

const list = <Item extends z.ZodType>(item: Item) => z.object({ data: z.array(item), meta }).strict();

export const compassStructuresSchema = list(structure);
export const compassServicesSchema = list(service);
export const compassEventsSchema = list(eventSchema);
export const compassStructureSchema = z
  .object({ data: z.object({ structure, services: z.array(service) }).strict() })
  .strict();

const resource = z
  .object({
    id: z.string().min(1),
    slug: z.string().min(1),
    title: z.string().min(1),
    kind: oneOf<ResourceKind>(RESOURCE_KINDS),
    summary: z.string(),
    body: nullableText,
    audiences: z.array(audience),
    themes: z.array(z.string()),
    source: nullableText,
    licence: nullableText,
    date: day,
    url: nullableText,
    file: z
      .object({ url: z.string().min(1), name: z.string(), mime: z.string(), size: z.number() })
      .strict()
      .nullable(),
  })
  .strict();

export const resourcesSchema = list(resource);

const termRef = z.object({ slug: z.string().min(1), term: z.string().min(1) }).strict();
const term = z
  .object({
    id: z.string().min(1),
    slug: z.string().min(1),
    term: z.string().min(1),
    letter: z.string().min(1),
    definition: z.string(),
    themes: z.array(z.string()),
    relatedTerms: z.array(termRef),
    relatedSchemes: z.array(z.string()),
    relatedStructures: z.array(structureRef),
  })
  .strict();

export const glossarySchema = z
  .object({
    data: z.array(term),
    meta: meta.extend({ letters: z.record(z.string(), z.number().int().min(0)) }).strict(),
  })
  .strict();

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const boussoleSchemasMatchContract: [
  Same<z.infer<typeof compassListSchema>, CompassListResponse>,
  Same<z.infer<typeof compassSettingsSchema>, CompassSettingsResponse>,
  Same<z.infer<typeof compassStructuresSchema>, CompassStructuresResponse>,
  Same<z.infer<typeof compassServicesSchema>, CompassServicesResponse>,
  Same<z.infer<typeof compassEventsSchema>, CompassEventsResponse>,
  Same<z.infer<typeof compassStructureSchema>, CompassStructureResponse>,
  Same<z.infer<typeof resourcesSchema>, ResourcesResponse>,
  Same<z.infer<typeof glossarySchema>, GlossaryResponse>,
] = [true, true, true, true, true, true, true, true];
