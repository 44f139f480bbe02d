/**
 * "Lieux de médiation numérique" rows (`schemas/mediation-numerique/schema.json`, standard v1.0.2)
 * from published structures. A structure is a place of digital help when one of its own
 * thématiques, or one of its published services' thématiques, is a `numerique--*` one.
 */
import type { DirectoryService, DirectoryStructure } from '../../../../shared/contracts/directory';
import { e164, link } from './data-inclusion';

/** The standard's fields, in its order: the CSV header. */
export const MEDIATION_COLUMNS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const;

export type MediationColumn = (typeof MEDIATION_COLUMNS)[number];
export type MediationRow = Partial<Record<MediationColumn, string | number | string[]>>;

/** The pivot of a place without SIRET: the zero SIRET the national map uses for "unknown". */
export const NO_SIRET = '00000000000000';

const DIGITAL = 'numerique--';
const isDigital = (thematiques: readonly string[]) => thematiques.some((value) => value.startsWith(DIGITAL));

/** The standard's list of services, in its order. */
const SERVICES = [
  'Aide aux démarches administratives',
  'Maîtrise des outils numériques du quotidien',
  'Insertion professionnelle via le numérique',
  'Utilisation sécurisée du numérique',
  'Parentalité et éducation avec le numérique',
  'Loisirs et créations numériques',
  'Compréhension du monde numérique',
  'Accès internet et matériel informatique',
  'Acquisition de matériel informatique à prix solidaire',
] as const;

/** data·inclusion thématique → the standard's service. */
const SERVICE_OF_THEMATIQUE: Record<string, (typeof SERVICES)[number]> = {
  'numerique--acceder-a-des-services-en-ligne': 'Aide aux démarches administratives',
  'numerique--maitriser-les-fondamentaux-du-numerique': 'Maîtrise des outils numériques du quotidien',
  'numerique--acceder-a-une-connexion-internet': 'Accès internet et matériel informatique',
  'numerique--acquerir-un-equipement': 'Acquisition de matériel informatique à prix solidaire',
  // Only counted on a service that is itself digital help.
  'famille--soutien-a-la-parentalite-et-a-leducation': 'Parentalité et éducation avec le numérique',
};
const JOB_SEARCH = /^(preparer-sa-candidature|trouver-un-emploi|choisir-un-metier)--/;

const PUBLIC_OF: Record<string, string> = {
  jeunes: 'Jeunes',
  etudiants: 'Étudiants',
  familles: 'Familles et/ou enfants',
  seniors: 'Seniors',
  femmes: 'Femmes',
};
const PUBLICS_ORDER = ['Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes'];

const PROGRAMME_OF: Record<string, string> = {
  'aidants-connect': 'Aidants Connect',
  'conseillers-numeriques': 'Conseillers numériques',
  'france-service': 'France Services',
  'croix-rouge': 'La Croix Rouge',
  'grandes-ecoles-du-numerique': 'Grande école du numérique',
};

const inOrder = (values: Iterable<string>, order: readonly string[]) => {
  const present = new Set(values);
  return order.filter((value) => present.has(value));
};

/** The standard's phone pattern: international form, no spaces. */
const PHONE = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/;
function phone(value: string | null): string | undefined {
  const number = e164(value);
  return number && PHONE.test(number) ? number : undefined;
}

const INSEE = /^([013-9]\d|2[AB1-9])\d{3}$/;

/** A short presentation of at most 280 characters, cut at a word; the whole text goes to the detail. */
const RESUME_LENGTH = 280;
function presentation(text: string | null): Pick<MediationRow, 'presentation_resume' | 'presentation_detail'> {
  const trimmed = text?.trim();
  if (!trimmed) return {};
  if (trimmed.length <= RESUME_LENGTH) return { presentation_resume: trimmed };
  const cut = trimmed.slice(0, RESUME_LENGTH - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return { presentation_resume: `${atWord.length > 0 ? atWord : cut}…`, presentation_detail: trimmed };
}

type Located = Pick<
  DirectoryStructure,
  'adresse' | 'complement_adresse' | 'code_postal' | 'commune' | 'code_insee' | 'latitude' | 'longitude'
>;
const isComplete = (entry: Located) =>
  Boolean(entry.adresse?.trim() && entry.commune?.trim() && entry.code_postal && /^\d{5}$/.test(entry.code_postal));

export const isDigitalHelp = (structure: DirectoryStructure, services: readonly DirectoryService[]) =>
  isDigital(structure.thematiques) || services.some((service) => isDigital(service.thematiques));

/**
 * The structure as a place of digital help, or null when it is not one or has no complete
 * address (street, postal code, commune are required by the standard) on itself or on one of
 * its digital services.
 */
export function toMediationRow(
  structure: DirectoryStructure,
  services: readonly DirectoryService[],
): MediationRow | null {
  const digital = services.filter((service) => isDigital(service.thematiques));
  if (!isDigital(structure.thematiques) && digital.length === 0) return null;
  const place: Located | undefined = isComplete(structure) ? structure : digital.find(isComplete);
  if (!place) return null;

  const offered = new Set<string>();
  for (const value of structure.thematiques) {
    if (value.startsWith(DIGITAL) && SERVICE_OF_THEMATIQUE[value]) offered.add(SERVICE_OF_THEMATIQUE[value]);
  }
  for (const service of digital) {
    for (const value of service.thematiques) {
      if (SERVICE_OF_THEMATIQUE[value]) offered.add(SERVICE_OF_THEMATIQUE[value]);
      if (JOB_SEARCH.test(value)) offered.add('Insertion professionnelle via le numérique');
    }
  }
  const publics = digital.some((service) => service.publics.includes('tous-publics'))
    ? []
    : digital.flatMap((service) => service.publics.map((value) => PUBLIC_OF[value]).filter(Boolean));
  const fees = digital.map((service) => (service.frais === 'gratuit' ? 'Gratuit' : service.frais ? 'Payant' : ''));
  const access = [
    digital.some((service) => service.modes_accueil.includes('en-presentiel')) ? 'Se présenter' : '',
    structure.telephone || digital.some((service) => service.telephone) ? 'Téléphoner' : '',
    structure.courriel || digital.some((service) => service.courriel) ? 'Contacter par mail' : '',
  ];
  const support = [
    digital.some((service) => service.type === 'accompagnement') ? 'Accompagnement individuel' : '',
    digital.some((service) => service.type === 'atelier') ? 'Dans un atelier collectif' : '',
    digital.some((service) => service.modes_accueil.includes('a-distance')) ? 'À distance' : '',
  ];
  const updated = [structure.date_maj, ...digital.map((service) => service.date_maj)].sort().at(-1);
  const website = link(structure.site_web);
  const accesLibre = link(structure.accessibilite_lieu);
  const booking = digital.map((service) => link(service.lien_mobilisation)).find(Boolean);
  const insee = place.code_insee && INSEE.test(place.code_insee) ? place.code_insee : undefined;

  const row: MediationRow = {
    id: structure.id,
    pivot: structure.siret && /^\d{14}$/.test(structure.siret) ? structure.siret : NO_SIRET,
    nom: structure.nom,
    commune: place.commune?.trim(),
    code_postal: place.code_postal ?? undefined,
    code_insee: insee,
    adresse: place.adresse?.trim(),
    complement_adresse: place.complement_adresse ?? undefined,
    latitude: place.latitude ?? undefined,
    longitude: place.longitude ?? undefined,
    typologie: structure.typologie ?? undefined,
    telephone: phone(structure.telephone),
    courriels: structure.courriel ?? undefined,
    site_web: website ?? undefined,
    horaires: structure.horaires_accueil ?? undefined,
    ...presentation(structure.description),
    source: structure.centre?.name,
    date_maj: updated,
    services: inOrder(offered, SERVICES),
    publics_specifiquement_adresses: inOrder(publics, PUBLICS_ORDER),
    frais_a_charge: inOrder(fees, ['Gratuit', 'Payant']),
    dispositif_programmes_nationaux: structure.reseaux_porteurs.map((value) => PROGRAMME_OF[value]).filter(Boolean),
    modalites_acces: access.filter(Boolean),
    modalites_accompagnement: support.filter(Boolean),
    fiche_acces_libre: accesLibre ?? undefined,
    prise_rdv: booking ?? undefined,
  };
  return row;
}
