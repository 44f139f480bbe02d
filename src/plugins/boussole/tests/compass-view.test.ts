import { startTestApp, type TestApp } from '../../../../tests/harness/strapi';
import { COMPASS_UID } from '../shared/permissions';
import type {
  CompassEventsResponse,
  CompassSettingsResponse,
  CompassStructuresResponse,
  GlossaryResponse,
  ResourcesResponse,
} from '../shared/contracts/compass';

/**
 * A compass is a view of core's shared directory and agenda: the demo's parenting compass and
 * its health compass read the same structures and events, and each lists its own.
 */

let app: TestApp;

const api = (path: string) => app.http().get(`/api/boussole${path}`);
const names = (body: CompassStructuresResponse) => body.data.map((structure) => structure.nom);

beforeAll(async () => {
  app = await startTestApp();
  await app.strapi.plugin('core').service('demo').seed();
  await app.strapi.plugin('boussole').service('demo').seed();
});

afterAll(async () => {
  await app?.stop();
});

describe('the demo', () => {
  it('is seeded once: a second run adds nothing', async () => {
    const structures = () => app.strapi.db.query('plugin::core.structure').count({});
    const before = await structures();
    await app.strapi.plugin('boussole').service('demo').seed();
    expect(await structures()).toBe(before);
    expect(await app.strapi.db.query(COMPASS_UID).count({})).toBe(2);
  });
});

describe('compass settings', () => {
  it('lists every compass of the install with its site path', async () => {
    const { body } = await api('/compasses').expect(200);
    expect(body.data).toEqual([
      { slug: 'boussole-parentale', title: 'Boussole parentale de la Métropole', sitePath: '/boussole-parentale/' },
      { slug: 'boussole-sante', title: 'Boussole santé de Roubaix-Tourcoing', sitePath: '/boussole-sante/' },
    ]);
  });

  it('gives a site what it needs to lay itself out, themes and audiences in French', async () => {
    const response = await api('/compasses/boussole-parentale').expect(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const { data } = response.body as CompassSettingsResponse;
    expect(data.themes).toContainEqual({ code: 'famille--garde-denfants', label: 'Garde d’enfants', local: false });
    expect(data.themes).toContainEqual({ code: 'sortir-en-famille', label: 'Sortir en famille', local: true });
    expect(data.audiences.map((audience) => audience.label)).toEqual([
      'Futurs parents',
      'Enfants de 0 à 3 ans',
      'Enfants de 3 à 6 ans',
      'Enfants de 6 à 11 ans',
      'Adolescents de 11 à 17 ans',
      'Tous les parents',
    ]);
    expect(data.communes.map((commune) => commune.nom)).toEqual(['Lille', 'Roubaix', 'Tourcoing', 'Villeneuve-d’Ascq']);
    expect(data.map.tiles).toContain('{z}');
    expect(data.centre).toEqual({ name: 'Centre social de démonstration', slug: 'demonstration' });
  });

  it('answers 404 in French for a compass that does not exist', async () => {
    const { body } = await api('/compasses/boussole-inconnue').expect(404);
    expect(body.error.message).toBe('Cette boussole n’existe pas.');
  });
});

describe('the directory through a compass', () => {
  it('lists the parenting structures of its communes, and nothing of other themes or places', async () => {
    const { body } = await api('/compasses/boussole-parentale/structures?pageSize=100').expect(200);
    const listed = names(body);
    expect(listed).toEqual(
      expect.arrayContaining(['Relais petite enfance Lille-Centre', 'Maison des familles du Faubourg']),
    );
    expect(body.meta.total).toBe(23);
    // Core's demo structures are in Lyon; the health centre and the housing office are other themes.
    expect(listed).not.toContain('Centre social de démonstration');
    expect(listed).not.toContain('Centre de santé du Nouveau Roubaix');
    expect(listed).not.toContain('Permanence logement de Tourcoing');
  });

  it('lists other entries for a second compass with other themes and communes', async () => {
    const { body } = await api('/compasses/boussole-sante/structures?pageSize=100').expect(200);
    const listed = names(body);
    expect(listed).toEqual(
      expect.arrayContaining([
        'Centre de santé du Nouveau Roubaix',
        'PMI de Roubaix-Est',
        'Espace santé jeunes de Roubaix',
      ]),
    );
    expect(listed).not.toContain('Relais petite enfance de Roubaix');
    expect(listed).not.toContain('PMI du quartier Wazemmes'); // Lille is not covered
    const events = (await api('/compasses/boussole-sante/events?pageSize=100').expect(200))
      .body as CompassEventsResponse;
    expect(events.data.map((event) => event.titre)).toEqual(['Réunion d’information sur l’allaitement']);
  });

  it('narrows by theme, commune (name or INSEE code), audience and words', async () => {
    const garde = (
      await api('/compasses/boussole-parentale/structures?theme=famille--garde-denfants&commune=roubaix').expect(200)
    ).body as CompassStructuresResponse;
    expect(names(garde).sort()).toEqual(['Micro-crèche Les Petits Explorateurs', 'Relais petite enfance de Roubaix']);
    const byCode = (await api('/compasses/boussole-parentale/structures?commune=59512&pageSize=100').expect(200)).body;
    expect(byCode.meta.total).toBe(5);
    const teens = (await api('/compasses/boussole-parentale/structures?audience=11-17-ans&pageSize=100').expect(200))
      .body;
    expect(names(teens)).toContain('Point écoute jeunes et parents');
    const words = (await api('/compasses/boussole-parentale/structures?q=creche').expect(200)).body;
    expect(names(words).sort()).toEqual(['Crèche associative Les Lucioles', 'Micro-crèche Les Petits Explorateurs']);
    // A local theme has no directory entries: an empty list, not an error.
    const local = (await api('/compasses/boussole-parentale/structures?theme=sortir-en-famille').expect(200)).body;
    expect(local).toEqual({ data: [], meta: { page: 1, pageSize: 25, total: 0, pageCount: 1 } });
  });

  it('pages through the structures', async () => {
    const first = (await api('/compasses/boussole-parentale/structures?pageSize=10').expect(200)).body;
    const third = (await api('/compasses/boussole-parentale/structures?pageSize=10&page=3').expect(200)).body;
    expect(first.meta).toEqual({ page: 1, pageSize: 10, total: 23, pageCount: 3 });
    expect(third.data).toHaveLength(3);
  });

  it('shows a structure with its services, only when it belongs to the compass', async () => {
    const list = (await api('/compasses/boussole-parentale/structures?q=faubourg').expect(200))
      .body as CompassStructuresResponse;
    const id = list.data[0].id;
    const { body } = await api(`/compasses/boussole-parentale/structures/${id}`).expect(200);
    expect(body.data.structure.nom).toBe('Maison des familles du Faubourg');
    expect(body.data.services.map((service: { nom: string }) => service.nom)).toEqual([
      'Café des parents',
      'Lieu d’accueil enfants-parents Les Petits Pas',
    ]);
    const other = await api(`/compasses/boussole-sante/structures/${id}`).expect(404);
    expect(other.body.error.message).toBe('Cette structure n’existe pas dans cette boussole.');
  });

  it('lists upcoming events of its themes, recurring ones at their next date', async () => {
    const { body } = (await api('/compasses/boussole-parentale/events?pageSize=100').expect(200)) as {
      body: CompassEventsResponse;
    };
    const titles = body.data.map((event) => event.titre);
    expect(titles).toEqual(expect.arrayContaining(['Forum des modes de garde', 'Atelier massage bébé']));
    // Core's demo events (Lyon) and the health-only meeting are not parenting.
    expect(titles).not.toContain('Repair café');
    expect(titles).not.toContain('Réunion d’information sur l’allaitement');
    const dates = body.data.map((event) => event.prochaine_date);
    expect([...dates].sort()).toEqual(dates);
    const inTourcoing = (await api('/compasses/boussole-parentale/events?commune=Tourcoing&pageSize=100').expect(200))
      .body;
    expect(inTourcoing.data.map((event: { titre: string }) => event.titre).sort()).toEqual([
      'Fête du jeu en famille',
      'Groupe de parole : parents séparés',
      'Journée portes ouvertes du relais petite enfance',
    ]);
  });
});

describe('audiences of children of some age', () => {
  const titles = async (audience: string) =>
    (
      (await api(`/compasses/boussole-parentale/events?audience=${audience}&pageSize=100`).expect(200))
        .body as CompassEventsResponse
    ).data.map((event) => event.titre);
  const services = async (audience: string) =>
    (await api(`/compasses/boussole-parentale/services?audience=${audience}&pageSize=100`).expect(200)).body.data.map(
      (service: { nom: string }) => service.nom,
    );

  it('show the events for their age, and those without ages under every one', async () => {
    const [babies, toddlers, children, teens] = await Promise.all(
      ['0-3-ans', '3-6-ans', '6-11-ans', '11-17-ans'].map(titles),
    );
    expect(babies).toContain('Matinée éveil musical 0-3 ans');
    expect(children).not.toContain('Matinée éveil musical 0-3 ans');
    // « 0-3 ans » ends at the third birthday: not a 3-6 years' event.
    expect(toddlers).not.toContain('Matinée éveil musical 0-3 ans');
    expect(toddlers).toContain('Conférence « Les émotions de l’enfant »');
    expect(babies).not.toContain('Conférence « Les émotions de l’enfant »');
    expect(teens).toContain('Soirée « Parents d’ados : les écrans »');
    expect(babies).not.toContain('Soirée « Parents d’ados : les écrans »');
    // No ages: for every age.
    for (const list of [babies, toddlers, children, teens]) expect(list).toContain('Sortie familles à la ferme');
    expect(new Set([babies.join('|'), toddlers.join('|'), children.join('|'), teens.join('|')]).size).toBe(4);
  });

  it('show the services for their age; « tous les parents » shows them all', async () => {
    const [babies, children, everyone] = await Promise.all(['0-3-ans', '6-11-ans', 'tous-les-parents'].map(services));
    expect(babies).toContain('Bébés lecteurs');
    expect(children).not.toContain('Bébés lecteurs');
    expect(children).toContain('Accompagnement à la scolarité');
    expect(babies).not.toContain('Accompagnement à la scolarité');
    expect(everyone).toEqual(expect.arrayContaining(['Bébés lecteurs', 'Accompagnement à la scolarité']));
    for (const list of [babies, children, everyone]) expect(list).toContain('Café des parents');
  });

  it('keep a structure for every age: its ages are its services’', async () => {
    const [babies, children] = await Promise.all(
      ['0-3-ans', '6-11-ans'].map(async (audience) =>
        names(
          (await api(`/compasses/boussole-parentale/structures?audience=${audience}&pageSize=100`).expect(200)).body,
        ),
      ),
    );
    expect(babies).toEqual(children);
  });

  it('give each service and event its ages', async () => {
    const found = (await api('/compasses/boussole-parentale/events?q=eveil%20musical').expect(200))
      .body as CompassEventsResponse;
    expect(found.data[0]).toMatchObject({ titre: 'Matinée éveil musical 0-3 ans', age_min: 0, age_max: 3 });
    const ferme = (await api('/compasses/boussole-parentale/events?q=ferme').expect(200)).body as CompassEventsResponse;
    expect(ferme.data[0]).toMatchObject({ age_min: null, age_max: null });
  });
});

describe('resources and glossary of a compass', () => {
  it('lists published resources of its themes, newest first, with filters', async () => {
    const { body } = (await api('/compasses/boussole-parentale/resources').expect(200)) as { body: ResourcesResponse };
    expect(body.data[0].title).toBe('Sorties gratuites en famille dans la métropole');
    // The vaccine calendar is a health resource only.
    expect(body.data.map((resource) => resource.title)).not.toContain('Calendrier des vaccins de l’enfant');
    const videos = (await api('/compasses/boussole-parentale/resources?kind=video').expect(200))
      .body as ResourcesResponse;
    expect(videos.data.map((resource) => resource.url)).toEqual(['https://video.example.org/coleres-enfant']);
    const teens = (await api('/compasses/boussole-parentale/resources?audience=11-17-ans').expect(200))
      .body as ResourcesResponse;
    expect(teens.data.map((resource) => resource.title)).toEqual(['Les écrans et les ados : repères pour les parents']);
    const health = (await api('/compasses/boussole-sante/resources').expect(200)).body as ResourcesResponse;
    expect(health.data.map((resource) => resource.title)).toContain('Calendrier des vaccins de l’enfant');
    const one = await api(`/compasses/boussole-parentale/resources/${body.data[0].slug}`).expect(200);
    expect(one.body.data.body).toContain('musées');
  });

  it('gives the glossary A–Z, with related terms and structures', async () => {
    const { body } = (await api('/compasses/boussole-parentale/glossary').expect(200)) as { body: GlossaryResponse };
    const terms = body.data.map((term) => term.term);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'fr')));
    expect(terms).toEqual(expect.arrayContaining(['PMI', 'RPE (ex-RAM)', 'CAF', 'Congé parental']));
    expect(body.meta.letters.C).toBeGreaterThanOrEqual(3);
    const rpe = body.data.find((term) => term.term === 'RPE (ex-RAM)');
    expect(rpe?.relatedStructures.map((structure) => structure.nom)).toContain('Relais petite enfance de Roubaix');
    expect(rpe?.relatedTerms.map((term) => term.slug)).toEqual(['assistante-maternelle', 'cmg']);
    const letterP = (await api('/compasses/boussole-parentale/glossary?letter=p').expect(200)).body as GlossaryResponse;
    expect(letterP.data.map((term) => term.letter)).toEqual(letterP.data.map(() => 'P'));
    const term = await api('/compasses/boussole-parentale/glossary/conge-parental').expect(200);
    expect(term.body.data.definition).toContain('PreParE');
    await api('/compasses/boussole-parentale/glossary/inexistant').expect(404);
  });
});

describe('hostile queries', () => {
  const cases: [string, string, string][] = [
    ['/compasses/boussole-parentale/structures?foo=1', '', 'Paramètre inconnu : foo.'],
    ['/compasses/boussole-parentale/structures?q[$ne]=x', 'q', 'La recherche est un texte.'],
    ['/compasses/boussole-parentale/structures?q=a&q=b', 'q', 'La recherche est un texte.'],
    ['/compasses/boussole-parentale/structures?q=a', 'q', 'Cherchez au moins 2 caractères.'],
    ['/compasses/boussole-parentale/structures?pageSize=1001', 'pageSize', '1000 lignes par page au plus.'],
    ['/compasses/boussole-parentale/events?pageSize=1001', 'pageSize', '1000 lignes par page au plus.'],
    ['/compasses/boussole-parentale/structures?page=-1', 'page', 'Les pages commencent à 1.'],
    [
      '/compasses/boussole-parentale/structures?theme=sante--addictions',
      'theme',
      'Cette thématique n’est pas une thématique de cette boussole.',
    ],
    [
      '/compasses/boussole-parentale/structures?commune=Lyon',
      'commune',
      'Cette commune n’est pas couverte par cette boussole.',
    ],
    [
      '/compasses/boussole-sante/structures?audience=0-3-ans',
      'audience',
      'Ce public n’est pas un public de cette boussole.',
    ],
    ['/compasses/boussole-parentale/events?from=2026-02-30', 'from', 'Cette date n’existe pas dans le calendrier.'],
    [
      '/compasses/boussole-parentale/events?from=2026-05-01&to=2026-04-01',
      'to',
      'La date de fin (to) vient après la date de début (from).',
    ],
    [
      '/compasses/boussole-parentale/resources?kind=podcast',
      'kind',
      'Le type est « article », « guide », « video » ou « fichier ».',
    ],
    ['/compasses/boussole-parentale/glossary?letter=%C3%A9', 'letter', 'Une lettre de A à Z, ou #.'],
    ['/compasses/boussole-parentale?page=2', '', 'Paramètre inconnu : page.'],
    ['/compasses/Boussole_Parentale/structures', 'slug', 'Identifiant de boussole invalide.'],
  ];

  // An unknown parameter is named in the message, on no field (as core's directory answers).
  it.each(cases)('refuses %s with a French message on the field', async (path, field, message) => {
    const { body } = await api(path).expect(400);
    expect(body.error.name).toBe('ValidationError');
    expect(body.error.details.errors).toContainEqual(expect.objectContaining({ path: field ? [field] : [], message }));
  });

  it('finds nothing, and breaks nothing, with SQL or pattern characters', async () => {
    for (const q of ["' OR 1=1 --", '%_%', '\\\\', '<script>alert(1)</script>']) {
      const { body } = await api(`/compasses/boussole-parentale/structures?q=${encodeURIComponent(q)}`).expect(200);
      expect(body.data).toEqual([]);
    }
    await api('/compasses/boussole-parentale/structures/..%2F..%2Fadmin').expect((response) => {
      expect([400, 404]).toContain(response.status);
    });
  });

  it('keeps compasses to reading: no public write', async () => {
    await app.http().post('/api/boussole/compasses').send({ title: 'x' }).expect(405);
    expect(await app.strapi.db.query(COMPASS_UID).count({})).toBe(2);
  });
});
