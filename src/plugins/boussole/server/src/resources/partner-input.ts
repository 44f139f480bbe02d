import { z } from 'zod';
import { RESOURCE_KINDS } from '../../../shared/contracts/values';
import { audienceList, codeList, httpUrl, isoDay, slug } from '../validation/fields';

const unknownKey = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `Champ inconnu : ${(issue.keys ?? []).join(', ')}.` : undefined,
};

const text = (label: string, min: number, max: number) =>
  z
    .string(`${label} est un texte.`)
    .trim()
    .min(min, `${label} compte au moins ${min} caractères.`)
    .max(max, `${label} compte ${max} caractères au plus.`);

/** The compass the proposal is for: its themes are the ones it may carry, its centre moderates it. */
const compass = z
  .string('Indiquez la boussole (son identifiant).')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Identifiant de boussole invalide.')
  .max(60, 'Identifiant de boussole invalide.');

// Which themes the compass has is checked by the service, against that compass.
const themes = codeList('thématique', () => true).min(1, 'Choisissez au moins une thématique.');

/** A partner's proposed resource (no file: a file is sent to the centre, which adds it). */
export const partnerResource = z.strictObject(
  {
    compass,
    title: text('Le titre', 3, 150),
    kind: z.enum(
      RESOURCE_KINDS.map((kind) => kind.value),
      'Le type est « article », « guide », « video » ou « fichier ».',
    ),
    summary: text('Le résumé', 10, 400),
    body: z.string('Le texte est un texte.').max(20000, 'Le texte compte 20 000 caractères au plus.').optional(),
    audiences: audienceList.optional(),
    themes,
    source: z.string('La source est un texte.').trim().max(200, 'La source compte 200 caractères au plus.').optional(),
    licence: z
      .string('La licence est un texte.')
      .trim()
      .max(120, 'La licence compte 120 caractères au plus.')
      .optional(),
    date: isoDay.optional(),
    url: httpUrl.optional(),
  },
  unknownKey,
);

export const partnerGlossaryTerm = z.strictObject(
  {
    compass,
    term: text('Le mot', 2, 100),
    definition: text('La définition', 10, 2000),
    themes,
    relatedTerms: z.array(slug, 'Les mots liés forment une liste.').max(20, '20 mots liés au plus.').optional(),
    relatedSchemes: z
      .array(text('Un dispositif', 2, 120), 'Les dispositifs forment une liste.')
      .max(20, '20 dispositifs au plus.')
      .optional(),
  },
  unknownKey,
);
