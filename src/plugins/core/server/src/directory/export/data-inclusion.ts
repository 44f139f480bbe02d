/**
 * data·inclusion v1 records (`schemas/data-inclusion-v1/structure.json` and `service.json`) from
 * published directory entries. Values outside the national lists (local additions) are left out
 * and empty lists become null, so every record validates against the pinned schema.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import {
  FRAIS,
  MODES_ACCUEIL,
  PUBLICS,
  RESEAUX_PORTEURS,
  THEMATIQUES,
  TYPES_DE_SERVICES,
  valuesOf,
  type DirectoryService,
  type DirectoryStructure,
} from '../../../../shared/contracts/directory';

/** Producer id (`source`) of entries that belong to no centre. */
export const DEFAULT_SOURCE = 'centres-sociaux-connectes';

/** Property names of the pinned schemas, in their order: the JSON keys and the CSV header. */
export const STRUCTURE_COLUMNS = [
  'accessibilite_lieu',
  'adresse',
  'code_insee',
  'code_postal',
  'commune',
  'complement_adresse',
  'courriel',
  'date_maj',
  'description',
  'horaires_accueil',
  'id',
  'latitude',
  'lien_source',
  'longitude',
  'nom',
  'reseaux_porteurs',
  'siret',
  'site_web',
  'source',
  'telephone',
] as const;

export const SERVICE_COLUMNS = [
  'adresse',
  'code_insee',
  'code_postal',
  'commune',
  'complement_adresse',
  'conditions_acces',
  'contact_nom_prenom',
  'courriel',
  'date_maj',
  'description',
  'frais',
  'frais_precisions',
  'horaires_accueil',
  'id',
  'latitude',
  'lien_mobilisation',
  'lien_source',
  'longitude',
  'mobilisable_par',
  'mobilisation_precisions',
  'modes_accueil',
  'modes_mobilisation',
  'nom',
  'nombre_semaines',
  'publics',
  'publics_precisions',
  'source',
  'structure_id',
  'telephone',
  'thematiques',
  'type',
  'volume_horaire_hebdomadaire',
  'zone_eligibilite',
] as const;

type Value = string | number | string[] | null;
export type DataInclusionStructure = Record<(typeof STRUCTURE_COLUMNS)[number], Value>;
export type DataInclusionService = Record<(typeof SERVICE_COLUMNS)[number], Value>;

const inList = (values: readonly { value: string }[]) => {
  const allowed = new Set<string>(valuesOf(values));
  return (list: readonly string[]): string[] | null => {
    const kept = [...new Set(list.filter((value) => allowed.has(value)))];
    return kept.length > 0 ? kept : null;
  };
};
const thematiques = inList(THEMATIQUES);
const publics = inList(PUBLICS);
const modesAccueil = inList(MODES_ACCUEIL);
const reseauxPorteurs = inList(RESEAUX_PORTEURS);
const oneOf = (values: readonly { value: string }[]) => {
  const allowed = new Set<string>(valuesOf(values));
  return (value: string | null): string | null => (value && allowed.has(value) ? value : null);
};
const frais = oneOf(FRAIS);
const typeDeService = oneOf(TYPES_DE_SERVICES);

const matching = (pattern: RegExp) => (value: string | null) => (value && pattern.test(value) ? value : null);
const codePostal = matching(/^\d{5}$/);
const codeInsee = matching(/^\w{5}$/);
const siret = matching(/^\d{14}$/);

/** An absolute http(s) link of at most 2,083 characters, as the schema's `uri` fields want. */
export function link(value: string | null): string | null {
  if (!value || value.length > 2083) return null;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol) && !/\s/.test(value) ? value : null;
  } catch {
    return null;
  }
}

/** One phone number, in E.164 (`+33…`) as the schema prefers when it can be read as one. */
export function e164(value: string | null): string | null {
  if (!value) return null;
  const number = parsePhoneNumberFromString(value, 'FR');
  return number?.isValid() ? number.number : value;
}

/** The schema's descriptions are 5 to 10,000 characters. */
const description = (value: string | null) => {
  const trimmed = value?.trim() ?? '';
  return trimmed.length >= 5 ? trimmed.slice(0, 10000) : null;
};

/** A commune, department, EPCI or country code, or `france`: the schema's eligibility zones. */
const ZONE = /^(\w{5}|\w{2,3}|\d{9}|99[0-5]\d{2}|france)$/;
const zones = (list: readonly string[]) => {
  const kept = list.filter((code) => ZONE.test(code));
  return kept.length > 0 ? kept : null;
};

/** How to reach the service, from the contact details it publishes. */
function modesMobilisation(service: DirectoryService): string[] | null {
  const modes = [
    service.courriel ? 'envoyer-un-courriel' : null,
    service.modes_accueil.includes('en-presentiel') ? 'se-presenter' : null,
    service.telephone ? 'telephoner' : null,
    link(service.lien_mobilisation) ? 'utiliser-lien-mobilisation' : null,
  ].filter((mode): mode is string => mode !== null);
  return modes.length > 0 ? modes : null;
}

/** The centre an entry belongs to is its producer. */
export const sourceOf = (centre: { slug: string } | null) => centre?.slug || DEFAULT_SOURCE;

const address = (entry: DirectoryStructure | DirectoryService) => ({
  adresse: entry.adresse,
  complement_adresse: entry.complement_adresse,
  code_postal: codePostal(entry.code_postal),
  commune: entry.commune,
  code_insee: codeInsee(entry.code_insee),
  latitude: entry.latitude,
  longitude: entry.longitude,
});

export function toDataInclusionStructure(structure: DirectoryStructure): DataInclusionStructure {
  return {
    ...address(structure),
    accessibilite_lieu: link(structure.accessibilite_lieu),
    courriel: structure.courriel,
    date_maj: structure.date_maj,
    description: description(structure.description),
    horaires_accueil: structure.horaires_accueil,
    id: structure.id,
    lien_source: null,
    nom: structure.nom,
    reseaux_porteurs: reseauxPorteurs(structure.reseaux_porteurs),
    siret: siret(structure.siret),
    site_web: link(structure.site_web),
    source: sourceOf(structure.centre),
    telephone: e164(structure.telephone),
  };
}

/**
 * A service, under the producer (`source`) of its structure: data·inclusion looks the structure
 * up by `source` and `structure_id`. Null when the service has no published structure or too
 * short a description, which the schema would refuse.
 */
export function toDataInclusionService(
  service: DirectoryService,
  structureCentre: { slug: string } | null,
): DataInclusionService | null {
  const text = description(service.description);
  if (!service.structure || !text) return null;
  return {
    ...address(service),
    conditions_acces: service.conditions_acces,
    // A named person is personal data: contacts are the service's generic phone and e-mail.
    contact_nom_prenom: null,
    courriel: service.courriel,
    date_maj: service.date_maj,
    description: text,
    frais: frais(service.frais),
    frais_precisions: service.frais_precisions,
    horaires_accueil: service.horaires_accueil,
    id: service.id,
    lien_mobilisation: link(service.lien_mobilisation),
    lien_source: null,
    mobilisable_par: null,
    mobilisation_precisions: null,
    modes_accueil: modesAccueil(service.modes_accueil),
    modes_mobilisation: modesMobilisation(service),
    nom: service.nom,
    nombre_semaines: null,
    publics: publics(service.publics),
    publics_precisions: service.publics_precisions,
    source: sourceOf(structureCentre),
    structure_id: service.structure.id,
    telephone: e164(service.telephone),
    thematiques: thematiques(service.thematiques),
    type: typeDeService(service.type),
    volume_horaire_hebdomadaire: null,
    zone_eligibilite: zones(service.zone_eligibilite),
  };
}
