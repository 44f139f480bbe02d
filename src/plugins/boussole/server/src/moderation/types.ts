import type { Core } from '@strapi/strapi';
import { GLOSSARY_TERM_UID, RESOURCE_UID } from '../../../shared/permissions';
import { coreService } from '../core-services';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export const RESOURCE_LABELS: Record<string, string> = {
  title: 'Titre',
  kind: 'Type',
  summary: 'Résumé',
  body: 'Texte',
  audiences: 'Publics',
  themes: 'Thématiques',
  source: 'Source',
  licence: 'Licence',
  date: 'Date',
  url: 'Adresse (vidéo, guide en ligne)',
};

export const GLOSSARY_LABELS: Record<string, string> = {
  term: 'Mot',
  definition: 'Définition',
  themes: 'Thématiques',
  relatedTerms: 'Mots liés',
  relatedSchemes: 'Dispositifs liés',
  relatedStructures: 'Structures liées',
};

/**
 * Partners' resources and glossary terms wait in core moderation as drafts until the centre
 * accepts them; two proposals of the same word are flagged side by side, never merged.
 */
export function registerModeratedTypes(strapi: Core.Strapi): void {
  const moderation = coreService(strapi, 'moderation');
  moderation.register({
    uid: RESOURCE_UID,
    label: 'Ressource de la boussole',
    mode: 'pre',
    titleOf: (entry) => text(entry.title),
    fieldLabels: RESOURCE_LABELS,
  });
  moderation.register({
    uid: GLOSSARY_TERM_UID,
    label: 'Mot du glossaire de la boussole',
    mode: 'pre',
    titleOf: (entry) => text(entry.term),
    fieldLabels: GLOSSARY_LABELS,
  });
}
