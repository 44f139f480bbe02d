import type { Core } from '@strapi/strapi';
import type { ModerationHint } from '@csc/plugin-core/shared';
import { DEFINITION_UID } from '../../../shared/permissions';
import { LONG_SENTENCE, readability } from '../../../shared/readability';
import { coreService } from '@csc/plugin-core/toolkit';

type Entry = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

export const DEFINITION_FIELD_LABELS: Record<string, string> = {
  term: 'Mot défini',
  text: 'Définition',
  example: 'Exemple',
  illustration_alt: 'Description de l’illustration',
  is_main: 'Définition principale',
  group_label: 'Groupe',
  group_commune: 'Commune du groupe',
  group_year: 'Année',
};

/** What the moderator reads beside a definition: is it easy to read for the people it is for? */
export function definitionHints(entry: Entry): ModerationHint[] {
  const term = text(entry.term);
  const report = readability(`${text(entry.text)}\n${text(entry.example)}`, term ? [term] : []);
  const list = (words: string[]) => (words.length ? words.slice(0, 15).join(', ') : 'aucun');
  return [
    {
      label: 'Longueur des phrases',
      value: `${report.averageSentenceLength.toLocaleString('fr-FR')} mots par phrase en moyenne (${report.sentences} phrase${report.sentences > 1 ? 's' : ''})`,
      level: report.averageSentenceLength > LONG_SENTENCE ? 'warning' : 'info',
    },
    {
      label: 'Mots longs',
      value: list(report.longWords),
      level: report.longWords.length > 0 ? 'warning' : 'info',
    },
    {
      label: 'Mots peu courants',
      value: list(report.rareWords),
      level: report.rareWords.length > 3 ? 'warning' : 'info',
    },
  ];
}

/** Definitions from contributors wait for a moderator (pre-moderation). */
export function registerDefinitionModeration(strapi: Core.Strapi): void {
  coreService(strapi, 'moderation').register({
    uid: DEFINITION_UID,
    label: 'Définition du dictionnaire',
    mode: 'pre',
    titleOf: (entry) => [text(entry.term), text(entry.group_label)].filter(Boolean).join(' — '),
    duplicateKey: (entry) => `${text(entry.term)} ${text(entry.group_label)}`,
    fieldLabels: DEFINITION_FIELD_LABELS,
    hints: definitionHints,
  });
}
