import type { Core } from '@strapi/strapi';
import { CANDIDATE_ROLE, CANDIDATE_UID, EMPLOYER_UID, OFFER_UID } from '../../../shared/permissions';
import { coreService } from '../core-services';
import { createUser, roleId } from '../members/accounts';
import { addDays } from '../offers/days';
import { getService } from '../utils/get-service';
import { seedEmploymentDirectory } from '../demo/seed-directory';
import { CANDIDATE_CONSENT_PURPOSE, CANDIDATE_CONSENT_TEXT } from './members';

const USER_UID = 'plugin::users-permissions.user';

/**
 * Demo accounts of the members' spaces, invented, with passwords written in the README: for a
 * demonstration install only (`DEMO_SEED`), never for real use.
 */
export const DEMO_CANDIDATE = {
  email: 'ines.moreau@candidate-demo.example',
  password: 'Demo-candidate-2026',
  firstName: 'Inès',
  lastName: 'Moreau',
  commune: 'Roubaix',
  desiredJobs: ['Vendeuse en boulangerie', 'Employée de commerce'],
  skills: ['Accueil des clients', 'Tenue de caisse'],
  mobilityKm: 10,
  availability: 'immediate',
  languages: ['français', 'anglais'],
  visibility: ['desiredJobs', 'skills', 'commune', 'mobilityKm', 'availability'],
} as const;
export const DEMO_EMPLOYER_ACCOUNT = {
  email: 'recrutement@boulangerie-des-oliviers.example',
  password: 'Demo-employer-2026',
  siret: '90123456700013',
} as const;

// Invented employers: the SIRET pass the check but belong to no one.
const EMPLOYERS = [
  {
    key: 'boulangerie',
    name: 'Boulangerie du Marché des Oliviers',
    siret: '90123456700013',
    sector: 'commerce',
    commune: 'Roubaix',
    contactRole: 'Gérante',
    contactEmail: 'recrutement@boulangerie-des-oliviers.example',
    validated: true,
  },
  {
    key: 'proprete',
    name: 'Net’Quartier, entreprise d’insertion',
    siret: '90765432100013',
    sector: 'proprete',
    commune: 'Roubaix',
    contactRole: 'Chargée d’insertion',
    contactEmail: 'contact@netquartier.example',
    validated: true,
  },
  {
    key: 'logistique',
    name: 'Entrepôts du Canal',
    siret: '90555111300012',
    sector: 'transport-logistique',
    commune: 'Tourcoing',
    contactRole: 'Responsable des ressources humaines',
    contactEmail: 'rh@entrepots-du-canal.example',
    validated: false,
  },
] as const;

type EmployerKey = (typeof EMPLOYERS)[number]['key'];

interface DemoOffer {
  title: string;
  employer: EmployerKey;
  romeCode?: string;
  contract: string;
  hoursPerWeek?: number;
  commune: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  description: string;
  profile?: string;
  startIn?: number;
  /** Days from today to the last day: some close soon, to show the notices. */
  validFor: number;
  applyMethod: 'email' | 'link' | 'reception';
  applyEmail?: string;
  applyUrl?: string;
}

const OFFERS: DemoOffer[] = [
  {
    title: 'Vendeur ou vendeuse en boulangerie',
    employer: 'boulangerie',
    romeCode: 'D1106',
    contract: 'cdi',
    hoursPerWeek: 35,
    commune: 'Roubaix',
    postalCode: '59100',
    latitude: 50.6927,
    longitude: 3.1778,
    description:
      'Accueillir les clients, conseiller, servir le pain et les pâtisseries, tenir la caisse.\n\nHoraires du matin (6 h – 13 h), un week-end sur deux.',
    profile: 'Débutant accepté : vous serez formé. Le sourire et la ponctualité comptent plus que le diplôme.',
    startIn: 14,
    validFor: 40,
    applyMethod: 'email',
    applyEmail: 'recrutement@boulangerie-des-oliviers.example',
  },
  {
    title: 'Agent ou agente de propreté (CDDI)',
    employer: 'proprete',
    romeCode: 'K2204',
    contract: 'cddi',
    hoursPerWeek: 26,
    commune: 'Roubaix',
    postalCode: '59100',
    latitude: 50.6889,
    longitude: 3.1817,
    description:
      'Entretien de halls d’immeubles et de bureaux du quartier, en équipe, avec un encadrant technique et un accompagnement vers l’emploi durable.',
    profile: 'Contrat d’insertion : il faut être orienté par France Travail, la Mission Locale ou le centre social.',
    validFor: 5,
    applyMethod: 'reception',
  },
  {
    title: 'Apprenti boulanger ou apprentie boulangère',
    employer: 'boulangerie',
    romeCode: 'D1102',
    contract: 'alternance',
    hoursPerWeek: 35,
    commune: 'Roubaix',
    postalCode: '59100',
    latitude: 50.6927,
    longitude: 3.1778,
    description: 'Apprendre le métier au fournil avec le chef boulanger, en alternance avec le CFA (CAP en deux ans).',
    validFor: 3,
    applyMethod: 'reception',
  },
  {
    title: 'Agent ou agente d’entretien des espaces verts (PEC)',
    employer: 'proprete',
    romeCode: 'A1203',
    contract: 'pec',
    hoursPerWeek: 20,
    commune: 'Tourcoing',
    postalCode: '59200',
    latitude: 50.7239,
    longitude: 3.1612,
    description: 'Tonte, taille et désherbage des parcs de la ville, au sein d’une équipe de quatre personnes.',
    profile: 'Parcours emploi compétences : vérifiez votre éligibilité avec votre conseiller.',
    startIn: 7,
    validFor: 25,
    applyMethod: 'link',
    applyUrl: 'https://www.netquartier.example/candidater',
  },
];

const accountExists = async (strapi: Core.Strapi, email: string) =>
  (await strapi.db.query(USER_UID).count({ where: { email } })) > 0;

/** The demo candidate, with her profile and consent, and an account for the validated bakery. */
async function seedMembers(strapi: Core.Strapi, centre: number | null): Promise<void> {
  if (centre && !(await accountExists(strapi, DEMO_CANDIDATE.email))) {
    const { email, password, ...profile } = DEMO_CANDIDATE;
    const account = await createUser(strapi, email, password, await roleId(strapi, CANDIDATE_ROLE));
    const candidate = (await strapi.db.query(CANDIDATE_UID).create({
      data: {
        ...profile,
        email,
        account,
        centre,
        profileUpdatedAt: getService(strapi, 'clock').now(),
        hidden: false,
      },
    })) as { documentId: string };
    await coreService(strapi, 'consent').record({
      centre,
      subject: { uid: CANDIDATE_UID, id: candidate.documentId },
      purpose: CANDIDATE_CONSENT_PURPOSE,
      informationText: CANDIDATE_CONSENT_TEXT,
      method: 'online-form',
      recordedBy: 'demo',
    });
  }
  const employer = (await strapi.db.query(EMPLOYER_UID).findOne({
    where: { siret: DEMO_EMPLOYER_ACCOUNT.siret, validated: true },
    select: ['documentId'],
  })) as { documentId: string } | null;
  if (employer && !(await accountExists(strapi, DEMO_EMPLOYER_ACCOUNT.email))) {
    const account = await createUser(
      strapi,
      DEMO_EMPLOYER_ACCOUNT.email,
      DEMO_EMPLOYER_ACCOUNT.password,
      await getService(strapi, 'employers').ensureRole(),
    );
    await strapi
      .documents(EMPLOYER_UID)
      .update({ documentId: employer.documentId, data: { accounts: { connect: [account] } } as never });
  }
}

/**
 * The demo portal: invented employers (one waiting for validation) and offers, some closing soon,
 * the employment actors and events of the shared directory and agenda, and the members' demo
 * accounts; each part is added once.
 */
const createDemoService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async seed(): Promise<void> {
    const centre = (await strapi.db
      .query('plugin::core.centre')
      .findOne({ select: ['id'], orderBy: { id: 'asc' } })) as {
      id: number;
    } | null;
    if ((await strapi.db.query(OFFER_UID).count()) === 0) await seedOffers(strapi, centre);
    await seedMembers(strapi, centre?.id ?? null);
  },
});

async function seedOffers(strapi: Core.Strapi, centre: { id: number } | null): Promise<void> {
  const inCentre = centre ? { centre: centre.id } : {};
  const ids = new Map<EmployerKey, { id: number; name: string; sector: string; contactEmail: string }>();
  for (const { key, ...employer } of EMPLOYERS) {
    const created = (await strapi.documents(EMPLOYER_UID).create({ data: { ...employer, ...inCentre } as never })) as {
      id: number;
    };
    ids.set(key, {
      id: created.id,
      name: employer.name,
      sector: employer.sector,
      contactEmail: employer.contactEmail,
    });
  }
  const today = getService(strapi, 'offers').today();
  for (const { employer, startIn, validFor, ...offer } of OFFERS) {
    const owner = ids.get(employer);
    await strapi.documents(OFFER_UID).create({
      data: {
        ...offer,
        employer: owner?.id,
        employerName: owner?.name,
        sector: owner?.sector,
        ...(startIn ? { startDate: addDays(today, startIn) } : {}),
        validUntil: addDays(today, validFor),
        postedByKind: 'staff',
        // The employer is told before its offer closes, and when it does.
        posterEmail: owner?.contactEmail,
        ...inCentre,
      } as never,
      status: 'published',
    });
  }
  if (centre) await seedEmploymentDirectory(strapi, centre.id, today);
}

export default createDemoService;
