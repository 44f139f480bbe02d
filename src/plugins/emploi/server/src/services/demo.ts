import type { Core } from '@strapi/strapi';
import { EMPLOYER_UID, OFFER_UID } from '../../../shared/permissions';
import { addDays } from '../offers/days';
import { getService } from '../utils/get-service';
import { seedEmploymentDirectory } from '../demo/seed-directory';

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

/**
 * The demo portal: invented employers (one waiting for validation), offers (some closing soon), and
 * the employment actors and events of the shared directory and agenda.
 */
const createDemoService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async seed(): Promise<void> {
    if ((await strapi.db.query(OFFER_UID).count()) > 0) return;
    const centre = (await strapi.db
      .query('plugin::core.centre')
      .findOne({ select: ['id'], orderBy: { id: 'asc' } })) as {
      id: number;
    } | null;
    const inCentre = centre ? { centre: centre.id } : {};
    const ids = new Map<EmployerKey, { id: number; name: string; sector: string; contactEmail: string }>();
    for (const { key, ...employer } of EMPLOYERS) {
      const created = (await strapi
        .documents(EMPLOYER_UID)
        .create({ data: { ...employer, ...inCentre } as never })) as {
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
  },
});

export default createDemoService;
