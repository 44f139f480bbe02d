/** The French e-mails of the dictionary, as layouts for core's mail service. */

import type { MailLayout } from '@csc/plugin-core/toolkit';

const SIGNATURE = 'L’équipe du dictionnaire « Quand les enfants deviennent profs »';

const wordLink = (siteUrl: string, slug: string, word: string) =>
  siteUrl
    ? `Lisez sa définition ici : ${siteUrl.replace(/\/+$/, '')}/mots/${slug}/`
    : `Retrouvez-le dans le dictionnaire en cherchant « ${word} ».`;

export function requesterNotice(word: string, slug: string, siteUrl: string): MailLayout {
  return {
    subject: `Le mot « ${word} » est maintenant dans le dictionnaire`,
    greeting: 'Bonjour,',
    paragraphs: [
      `Vous nous aviez demandé d’expliquer le mot « ${word} ». Un groupe d’enfants l’a défini pour vous, et la définition vient d’être relue et publiée.`,
      wordLink(siteUrl, slug, word),
    ],
    signature: SIGNATURE,
    footer:
      'Vous recevez ce message une seule fois, parce que vous l’avez demandé. Votre adresse e-mail vient d’être effacée.',
  };
}

export function digestMail(
  structure: string,
  requests: { word: string; count: number }[],
  frequency: 'daily' | 'weekly',
): MailLayout {
  const times = (count: number) => (count > 1 ? `demandé ${count} fois` : 'demandé 1 fois');
  return {
    subject:
      requests.length > 1
        ? `${requests.length} mots attendent une définition`
        : `Un mot attend une définition : « ${requests[0].word} »`,
    greeting: 'Bonjour,',
    paragraphs: [
      `Voici les mots que des visiteurs du dictionnaire aimeraient comprendre. Votre groupe (${structure}) peut en prendre un en charge depuis son espace contributeur.`,
      requests.map((request) => `• ${request.word} (${times(request.count)})`).join('\n'),
      'Les définitions sont relues par l’équipe avant d’être publiées. Elles sont signées du nom du groupe, jamais du nom d’un enfant.',
    ],
    signature: SIGNATURE,
    footer:
      frequency === 'daily'
        ? 'Vous recevez ce récapitulatif chaque jour où des mots attendent. Vous pouvez choisir de le recevoir chaque semaine, ou plus du tout, depuis votre espace contributeur.'
        : 'Vous recevez ce récapitulatif chaque lundi où des mots attendent. Vous pouvez choisir de le recevoir chaque jour, ou plus du tout, depuis votre espace contributeur.',
  };
}

export function welcomeMail(structure: string, email: string): MailLayout {
  return {
    subject: `Votre structure contribue au dictionnaire : ${structure}`,
    greeting: 'Bonjour,',
    paragraphs: [
      `L’équipe a validé l’inscription de ${structure}. Vos groupes peuvent maintenant définir les mots demandés par les visiteurs.`,
      `Un compte a été ouvert à l’adresse ${email}. Pour choisir votre mot de passe, utilisez « Mot de passe oublié » avec cette adresse.`,
      'Les définitions sont signées du nom du groupe (par exemple « la classe de CM2 de l’école Jules-Ferry »), jamais du nom d’un enfant : n’en écrivez aucun.',
    ],
    signature: SIGNATURE,
  };
}
