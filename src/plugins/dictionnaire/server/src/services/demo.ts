import type { Core, UID } from '@strapi/strapi';
import { DEFINITION_UID, REQUEST_UID, STRUCTURE_UID, WORD_UID } from '../../../shared/permissions';
import { wordKey } from '../../../shared/normalise';

interface DemoWord {
  term: string;
  variants: string[];
  category: string;
  text: string;
  example: string;
  group: string;
  commune: string;
}

// Invented groups and structures: no real class, no child, no real address.
const WORDS: DemoWord[] = [
  {
    term: 'Mot de passe',
    variants: ['mdp', 'password', 'code secret'],
    category: 'securite',
    text: 'Un mot de passe, c’est un code secret que tu choisis. Il ouvre ton compte, comme une clé ouvre ta porte. Ne le donne à personne.',
    example: 'Pour lire mes e-mails, je tape mon mot de passe.',
    group: 'la classe de CM2 de l’école des Tilleuls',
    commune: 'Tourcoing',
  },
  {
    term: 'Navigateur',
    variants: ['navigateur internet', 'navigateur web'],
    category: 'internet',
    text: 'Le navigateur est l’application qui sert à aller sur internet. Tu écris l’adresse d’un site et il te montre la page.',
    example: 'J’ouvre le navigateur pour aller sur le site de la CAF.',
    group: 'l’atelier du mercredi du centre social des Oliviers',
    commune: 'Roubaix',
  },
  {
    term: 'Cookie',
    variants: ['cookies'],
    category: 'internet',
    text: 'Un cookie est un petit fichier qu’un site garde dans ton téléphone. Il se souvient de toi quand tu reviens sur le site.',
    example: 'Le site me demande si j’accepte les cookies.',
    group: 'la classe de CM1 de l’école du Parc',
    commune: 'Lille',
  },
  {
    term: 'Wi-Fi',
    variants: ['wifi', 'wi fi'],
    category: 'materiel',
    text: 'Le Wi-Fi permet d’aller sur internet sans fil. Il faut être près de la box, et connaître son mot de passe.',
    example: 'À la médiathèque, je me connecte au Wi-Fi gratuit.',
    group: 'le club numérique du collège Jean-Macé',
    commune: 'Faches-Thumesnil',
  },
  {
    term: 'QR code',
    variants: ['code QR', 'qrcode'],
    category: 'demarches',
    text: 'Un QR code est un carré de petits points. Tu le prends en photo avec ton téléphone et il ouvre une page ou une information.',
    example: 'Au restaurant, je regarde le menu avec le QR code sur la table.',
    group: 'la classe de CM2 de l’école des Tilleuls',
    commune: 'Tourcoing',
  },
];

/** The demo dictionary: a few words defined by invented groups, one open request, one structure. */
const createDemoService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async seed(): Promise<void> {
    if ((await strapi.db.query(WORD_UID).count()) > 0) return;
    const year = new Date().getFullYear();
    const structure = (await strapi.db.query(STRUCTURE_UID).create({
      data: {
        name: 'École des Tilleuls',
        kind: 'ecole',
        commune: 'Tourcoing',
        contact_email: 'enseignante@ecole-des-tilleuls.example',
        status: 'validated',
        digest: 'weekly',
      },
    })) as { id: number };
    await strapi.db.query(STRUCTURE_UID).create({
      data: {
        name: 'Médiathèque du Centre',
        kind: 'mediatheque',
        commune: 'Lille',
        contact_email: 'animation@mediatheque-du-centre.example',
        status: 'pending',
        digest: 'daily',
      },
    });
    const words = strapi.documents(WORD_UID as UID.ContentType);
    const created: string[] = [];
    for (const entry of WORDS) {
      const word = (await words.create({
        data: { term: entry.term, variants: entry.variants, category: entry.category },
      } as never)) as { documentId: string };
      created.push(word.documentId);
      const definition = (await strapi.documents(DEFINITION_UID as UID.ContentType).create({
        data: {
          word: word.documentId,
          term: entry.term,
          text: entry.text,
          example: entry.example,
          is_main: true,
          group_label: entry.group,
          group_commune: entry.commune,
          group_year: year,
          structure: structure.id,
        },
      } as never)) as { documentId: string };
      await strapi.documents(DEFINITION_UID as UID.ContentType).publish({ documentId: definition.documentId } as never);
    }
    // « Mot de passe » and « Wi-Fi » go together.
    await words.update({ documentId: created[0], data: { related: [created[3]] }, status: 'published' } as never);
    await strapi.db.query(REQUEST_UID).create({
      data: {
        key: wordKey('Cloud'),
        word: 'Cloud',
        count: 3,
        contexts: ['Mon fils me dit que mes photos sont « dans le cloud ».'],
        status: 'open',
      },
    });
  },
});

export default createDemoService;
