// What `npm run bench -- directory` (and `boussole`) ask of the instance they measure
// (bench/server.cjs): `seed` fills the directory, `export` times a full data·inclusion export.
// Benchmark only.
'use strict';
const crypto = require('node:crypto');

/** A small deterministic generator, so every run measures the same territory. */
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

const COMMUNES = [
  ['Lille', '59350', '59000'],
  ['Roubaix', '59512', '59100'],
  ['Tourcoing', '59599', '59200'],
  ['Villeneuve-d’Ascq', '59009', '59650'],
  ['Wattrelos', '59650', '59150'],
  ['Lys-lez-Lannoy', '59367', '59390'],
  ['Hem', '59299', '59510'],
  ['Croix', '59163', '59170'],
  ['Wasquehal', '59646', '59290'],
  ['Mons-en-Barœul', '59410', '59370'],
  ['Lomme', '59350', '59160'],
  ['Loos', '59360', '59120'],
  ['Faches-Thumesnil', '59220', '59155'],
  ['Ronchin', '59507', '59790'],
  ['Seclin', '59560', '59113'],
  ['Armentières', '59017', '59280'],
  ['Halluin', '59279', '59250'],
  ['Comines', '59152', '59560'],
  ['Marcq-en-Barœul', '59378', '59700'],
  ['Lambersart', '59328', '59130'],
];
const THEMES = [
  'famille--garde-denfants',
  'famille--soutien-a-la-parentalite-et-a-leducation',
  'numerique--acquerir-un-equipement',
  'numerique--maitriser-les-fondamentaux-du-numerique',
  'equipement-et-alimentation--alimentation',
  'mobilite--entretenir-reparer-son-vehicule',
  'sante--acces-aux-soins',
  'trouver-un-emploi--repondre-a-des-offres-demploi',
  'logement-hebergement--louer-un-logement',
  'remobilisation--lien-social',
];
const PUBLICS = ['familles', 'jeunes', 'seniors', 'tous-publics', 'femmes', 'personnes-en-situation-de-handicap'];
/** Children's ages of one entry in three, from the index so the random sequence stays as it was. */
const AGE_RANGES = [
  [0, 3],
  [3, 6],
  [6, 11],
  [11, 18],
  [0, 6],
  [3, 11],
];
const agesOf = (index) => {
  if (index % 3 !== 0) return {};
  const [age_min, age_max] = AGE_RANGES[(index / 3) % AGE_RANGES.length];
  return { age_min, age_max };
};
const KINDS = ['Association', 'Maison', 'Espace', 'Atelier', 'Collectif', 'Point', 'Club', 'Centre'];
const SUBJECTS = [
  'des familles',
  'numérique',
  'solidaire',
  'de quartier',
  'jeunesse',
  'emploi',
  'santé',
  'des parents',
  'lecture',
  'sport pour tous',
];
const WORDS = (
  'accueil écoute accompagnement atelier permanence rendez-vous gratuit enfants parents seniors jeunes ' +
  'voisins quartier démarches emploi santé numérique ordinateur repas jardin couture théâtre musique ' +
  'sortie vacances devoirs lecture écriture français budget logement énergie vélo réparation entraide'
).split(' ');

const documentId = () => crypto.randomBytes(12).toString('hex').slice(0, 24);

async function inBatches(strapi, count, size, write) {
  for (let start = 0; start < count; start += size) {
    await strapi.db.transaction(async () => {
      for (let index = start; index < Math.min(count, start + size); index += 1) await write(index);
    });
  }
}

/** Published rows only, written through the query engine: what the public lists read. */
async function seed(strapi, { structures, services, events, places }) {
  const next = random(20261130);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const some = (list, most) => [...new Set(Array.from({ length: 1 + Math.floor(next() * most) }, () => pick(list)))];
  const sentence = (length) => Array.from({ length }, () => pick(WORDS)).join(' ');
  const publishedAt = new Date();
  const query = (uid) => strapi.db.query(uid);
  const centre = await query('plugin::core.centre').create({
    data: { name: 'Centre social du Bench', slug: 'bench', documentId: documentId(), publishedAt },
  });
  const address = () => {
    const [commune, code_insee, code_postal] = pick(COMMUNES);
    return { adresse: `${1 + Math.floor(next() * 200)} rue ${pick(WORDS)}`, commune, code_insee, code_postal };
  };

  const structureIds = [];
  await inBatches(strapi, structures, 500, async (index) => {
    const row = await query('plugin::core.structure').create({
      data: {
        documentId: documentId(),
        publishedAt,
        nom: `${pick(KINDS)} ${pick(SUBJECTS)} ${index + 1}`,
        description: `${sentence(12)}. ${sentence(20)}.`,
        ...address(),
        telephone: '0320000000',
        thematiques: some(THEMES, 3),
        reseaux_porteurs: [],
        horaires_accueil: 'Mo-Fr 09:00-12:00,14:00-17:30',
        centre: centre.id,
      },
    });
    structureIds.push(row.id);
  });
  await inBatches(strapi, services, 500, async (index) => {
    await query('plugin::core.service').create({
      data: {
        documentId: documentId(),
        publishedAt,
        nom: `${pick(['Permanence', 'Atelier', 'Accompagnement', 'Accueil'])} ${pick(WORDS)} ${index + 1}`,
        description: `${sentence(15)}.`,
        structure: pick(structureIds),
        thematiques: some(THEMES, 2),
        publics: some(PUBLICS, 2),
        ...agesOf(index),
        modes_accueil: ['en-presentiel'],
        frais: 'gratuit',
        ...address(),
        centre: centre.id,
      },
    });
  });
  const placeIds = [];
  await inBatches(strapi, places, 500, async (index) => {
    const row = await query('plugin::core.place').create({
      data: { documentId: documentId(), publishedAt, nom: `Salle ${index + 1}`, ...address(), centre: centre.id },
    });
    placeIds.push(row.id);
  });
  const day = 86_400_000;
  await inBatches(strapi, events, 500, async (index) => {
    const start = new Date(Date.now() + Math.floor(next() * 365) * day + 9 * 3_600_000);
    await query('plugin::core.event').create({
      data: {
        documentId: documentId(),
        publishedAt,
        titre: `${pick(['Atelier', 'Sortie', 'Repas', 'Réunion', 'Fête'])} ${pick(WORDS)} ${index + 1}`,
        description: `${sentence(15)}.`,
        date_debut: start,
        date_fin: new Date(start.getTime() + 2 * 3_600_000),
        recurrence: index % 20 === 0 ? 'FREQ=WEEKLY;COUNT=10' : null,
        lieu: pick(placeIds),
        organisateur: pick(structureIds),
        publics: some(PUBLICS, 2),
        ...agesOf(index),
        thematiques: some(THEMES, 2),
        centre: centre.id,
      },
    });
  });
}

module.exports = (strapi) => ({
  async seed(counts) {
    const started = Date.now();
    await seed(strapi, counts);
    return { seconds: (Date.now() - started) / 1000 };
  },
  /** A full data·inclusion export (structures and services, JSON), read to the last byte. */
  async export() {
    const exporter = strapi.plugin('core').service('directoryExport');
    const started = Date.now();
    let bytes = 0;
    for (const name of ['data-inclusion-structures-json', 'data-inclusion-services-json']) {
      for await (const chunk of exporter.file(name)) bytes += Buffer.byteLength(chunk);
    }
    return { seconds: (Date.now() - started) / 1000, bytes };
  },
});
