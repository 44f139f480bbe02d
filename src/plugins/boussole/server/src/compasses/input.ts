import { z } from 'zod';
import { AUDIENCES } from '../../../shared/contracts/values';
import { DATA_INCLUSION_THEMES, audienceList, codeList, httpUrl, localThemeCode } from '../validation/fields';

const commune = z.strictObject(
  {
    nom: z
      .string('Le nom de la commune est un texte.')
      .trim()
      .min(1, 'Écrivez le nom de la commune.')
      .max(100, 'Nom de commune trop long (100 caractères au plus).'),
    code_insee: z
      .string('Le code INSEE est un texte.')
      .regex(/^\d[0-9AB]\d{3}$/, 'Le code INSEE de la commune compte 5 caractères, par exemple 59350.')
      .nullable()
      .optional()
      .transform((value) => value ?? null),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? 'Une commune n’a que « nom » et « code_insee ».' : undefined,
  },
);

const localTheme = z.strictObject(
  {
    code: localThemeCode,
    label: z
      .string('Le nom de la thématique est un texte.')
      .trim()
      .min(2, 'Nommez la thématique.')
      .max(80, 'Nom de thématique trop long (80 caractères au plus).'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? 'Une thématique locale n’a que « code » et « label ».' : undefined,
  },
);

const distinctBy =
  <T>(key: (item: T) => string, message: string) =>
  (list: T[], ctx: z.RefinementCtx) => {
    if (new Set(list.map(key)).size !== list.length) ctx.addIssue({ code: 'custom', message });
  };

/** What staff send to create or change a compass; unknown keys are refused. */
export const compassInput = z
  .strictObject(
    {
      title: z
        .string('Le titre est un texte.')
        .trim()
        .min(3, 'Le titre compte au moins 3 caractères.')
        .max(120, 'Le titre compte 120 caractères au plus.'),
      slug: z
        .string('L’identifiant est un texte.')
        .regex(
          /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
          'Identifiant : lettres minuscules, chiffres et tirets (« boussole-parentale »).',
        )
        .max(60, 'Identifiant trop long (60 caractères au plus).'),
      intro: z
        .string('L’introduction est un texte.')
        .trim()
        .max(1000, 'L’introduction compte 1 000 caractères au plus.')
        .nullable()
        .optional()
        .transform((value) => value || null),
      themes: codeList('thématique', (value) => DATA_INCLUSION_THEMES.has(value)),
      localThemes: z
        .array(localTheme, 'Les thématiques locales forment une liste.')
        .max(30, '30 thématiques locales au plus.')
        .superRefine(distinctBy((theme) => theme.code, 'Chaque code de thématique locale n’apparaît qu’une fois.'))
        .default([]),
      audiences: audienceList
        .min(1, 'Choisissez au moins un public.')
        .default(AUDIENCES.map((audience) => audience.value)),
      communes: z
        .array(commune, 'Les communes forment une liste.')
        .max(200, '200 communes au plus.')
        .superRefine(distinctBy((item) => item.nom.toLowerCase(), 'Chaque commune n’apparaît qu’une fois.')),
      sitePath: z
        .string('L’adresse du site est un texte.')
        .regex(
          /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/,
          'L’adresse du site commence et finit par « / », avec des lettres minuscules, chiffres et tirets (« /boussole/ »).',
        )
        .max(80, 'Adresse du site trop longue (80 caractères au plus).'),
      mapTiles: z
        .union([
          z.literal(''),
          httpUrl.refine((value) => value.includes('{z}'), 'L’adresse des tuiles contient {z}, {x} et {y}.'),
        ])
        .nullable()
        .optional()
        .transform((value) => value || null),
      mapAttribution: z
        .string('Le crédit de la carte est un texte.')
        .trim()
        .max(300, 'Le crédit de la carte compte 300 caractères au plus.')
        .nullable()
        .optional()
        .transform((value) => value || null),
      centre: z.number('Le centre est désigné par son numéro.').int().positive().nullable().optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? `Champ inconnu : ${(issue.keys ?? []).join(', ')}.` : undefined,
    },
  )
  .superRefine((input, ctx) => {
    if (input.themes.length + input.localThemes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['themes'], message: 'Choisissez au moins une thématique.' });
    }
  });

export type ParsedCompassInput = z.infer<typeof compassInput>;
