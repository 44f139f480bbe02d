// What `npm run bench -- emploi` asks of the instance it measures (bench/server.cjs): `seed`
// writes offers through the Document Service, as the content manager and the demo do, so that the
// plugin's checks on write (offers/on-write.ts: defaults, commune key for the filter) apply to
// every row. Benchmark only.
'use strict';
const { CONTRACT_VALUES, SECTOR_VALUES, OFFER_UID } = require('@csc/plugin-emploi/shared');

/** Communes of the Lille area, spelt as people type them (accents, hyphens, apostrophes). */
const COMMUNES = [
  ['Lille', '59000', 50.6292, 3.0573],
  ['Roubaix', '59100', 50.6927, 3.1778],
  ['Tourcoing', '59200', 50.7239, 3.1612],
  ['Villeneuve-d’Ascq', '59650', 50.6233, 3.145],
  ['Wattrelos', '59150', 50.7017, 3.215],
  ['Lys-lez-Lannoy', '59390', 50.6714, 3.2147],
  ['Hem', '59510', 50.6553, 3.1883],
  ['Croix', '59170', 50.6781, 3.1508],
  ['Wasquehal', '59290', 50.6703, 3.1306],
  ['Mons-en-Barœul', '59370', 50.6411, 3.1097],
  ['Lomme', '59160', 50.6436, 2.9869],
  ['Loos', '59120', 50.6147, 3.0158],
  ['Faches-Thumesnil', '59155', 50.5878, 3.0736],
  ['Ronchin', '59790', 50.6047, 3.0889],
  ['Seclin', '59113', 50.5486, 3.0297],
  ['Armentières', '59280', 50.6881, 2.8811],
  ['Halluin', '59250', 50.7836, 3.1256],
  ['Comines', '59560', 50.7611, 3.0081],
  ['Marcq-en-Barœul', '59700', 50.6711, 3.0975],
  ['Lambersart', '59130', 50.65, 3.025],
];
const JOBS = [
  ['Vendeur ou vendeuse en boulangerie', 'D1106'],
  ['Agent ou agente de propreté', 'K2204'],
  ['Préparateur ou préparatrice de commandes', 'N1103'],
  ['Aide à domicile', 'K1304'],
  ['Commis ou commise de cuisine', 'G1602'],
  ['Manutentionnaire', 'N1105'],
  ['Employé ou employée polyvalente de restauration', 'G1603'],
  ['Agent ou agente d’entretien des espaces verts', 'A1203'],
  ['Conducteur ou conductrice de bus', 'N4103'],
  ['Assistant ou assistante administrative', 'M1602'],
];
const EMPLOYERS = [
  'Boulangerie du Marché',
  'Net’Quartier',
  'Entrepôts du Canal',
  'Restaurant Le Beffroi',
  'Aide et Vie',
];
const SENTENCES = [
  'Accueillir les clients et les conseiller avec le sourire.',
  'Travail en équipe, horaires du matin, un week-end sur deux.',
  'Vous serez formé sur place par une personne de l’équipe.',
  'Tenir la caisse, ranger le magasin et la réserve.',
  'Entretien des locaux et du matériel, dans le respect des consignes de sécurité.',
  'Poste accessible en transports en commun.',
];

/** A small deterministic generator, so every run measures the same offers. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (day, days) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function seed(strapi, { live, closed, drafts }) {
  const next = random(20261201);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const centres = [];
  for (const [name, slug] of [
    ['Centre social des Oliviers', 'oliviers'],
    ['Centre social des Tilleuls', 'tilleuls'],
  ]) {
    centres.push(await strapi.documents('plugin::core.centre').create({ data: { name, slug } }));
  }
  const today = strapi.plugin('emploi').service('offers').today();
  const maxDays = Number(strapi.config.get('plugin::emploi.offerMaxDays'));
  const offer = () => {
    const [commune, postalCode, latitude, longitude] = pick(COMMUNES);
    const [title, romeCode] = pick(JOBS);
    const method = pick(['email', 'link', 'reception']);
    return {
      title,
      romeCode,
      employerName: pick(EMPLOYERS),
      sector: pick(SECTOR_VALUES),
      contract: pick(CONTRACT_VALUES),
      hoursPerWeek: pick([20, 24, 26, 30, 35]),
      commune,
      postalCode,
      latitude,
      longitude,
      description: Array.from({ length: 3 + Math.floor(next() * 4) }, () => pick(SENTENCES)).join(' '),
      profile: next() < 0.5 ? 'Débutant accepté.' : undefined,
      startDate: addDays(today, Math.floor(next() * 30)),
      validUntil: addDays(today, 1 + Math.floor(next() * maxDays)),
      applyMethod: method,
      ...(method === 'email' ? { applyEmail: 'recrutement@employeur.example' } : {}),
      ...(method === 'link' ? { applyUrl: 'https://employeur.example/candidater' } : {}),
      postedByKind: 'staff',
      centre: pick(centres).id,
    };
  };
  // Live, then closed (published, closed by the team or the nightly job), then drafts waiting for
  // moderation: only the first are listed. One transaction per batch keeps SQLite from syncing
  // the disk after every offer; each offer is still written exactly as one alone would be.
  const kinds = [...Array(live).fill('live'), ...Array(closed).fill('closed'), ...Array(drafts).fill('draft')];
  const offers = strapi.documents(OFFER_UID);
  for (let start = 0; start < kinds.length; start += 250) {
    await strapi.db.transaction(async () => {
      for (const kind of kinds.slice(start, start + 250)) {
        const data = kind === 'closed' ? { ...offer(), state: 'closed', closedAt: new Date() } : offer();
        await offers.create({ data, ...(kind === 'draft' ? {} : { status: 'published' }) });
      }
    });
  }
  return centres.map((centre) => centre.slug);
}

module.exports = (strapi) => ({
  async seed(counts) {
    const started = Date.now();
    const centres = await seed(strapi, counts);
    return { seconds: (Date.now() - started) / 1000, centres, communes: COMMUNES.map(([name]) => name) };
  },
});
