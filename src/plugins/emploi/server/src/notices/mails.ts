import type { MailLayout } from '@csc/plugin-core/toolkit';

const frenchDay = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

export function expiringMail(title: string, validUntil: string, centre: string | null): MailLayout {
  return {
    subject: `Votre offre « ${title} » se termine bientôt`,
    greeting: 'Bonjour,',
    paragraphs: [
      `Votre offre « ${title} » reste en ligne jusqu’au ${frenchDay(validUntil)} inclus. Elle sera ensuite retirée des listes.`,
      'Si le poste est toujours à pourvoir, demandez au centre de prolonger l’offre. S’il est pourvu, vous n’avez rien à faire.',
    ],
    closing: 'Merci de faire confiance aux habitants du quartier.',
    signature: centre ?? 'Le centre social',
  };
}

export function closedMail(title: string, validUntil: string, centre: string | null): MailLayout {
  return {
    subject: `Votre offre « ${title} » est close`,
    greeting: 'Bonjour,',
    paragraphs: [
      `Votre offre « ${title} » est arrivée à sa date de fin (${frenchDay(validUntil)}) : elle n’apparaît plus dans les listes ni dans les moteurs de recherche, et sa page indique qu’elle est close.`,
      'Pour recruter de nouveau, proposez une nouvelle offre depuis votre compte ou demandez au centre.',
    ],
    signature: centre ?? 'Le centre social',
  };
}
