import type { CompassInput, CompassRecord } from '../../../shared/contracts/admin';
import type { Audience } from '../../../shared/contracts/values';

/** The settings form as staff type it: lists are lines of text. */
export interface CompassForm {
  title: string;
  slug: string;
  intro: string;
  themes: string[];
  localThemes: string;
  audiences: Audience[];
  communes: string;
  sitePath: string;
  mapTiles: string;
  mapAttribution: string;
  centre: number | null;
}

export const EMPTY_FORM: CompassForm = {
  title: '',
  slug: '',
  intro: '',
  themes: [],
  localThemes: '',
  audiences: ['futurs-parents', '0-3-ans', '3-6-ans', '6-11-ans', '11-17-ans', 'tous-les-parents'],
  communes: '',
  sitePath: '/',
  mapTiles: '',
  mapAttribution: '',
  centre: null,
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function toForm(record: CompassRecord): CompassForm {
  return {
    title: record.title,
    slug: record.slug,
    intro: record.intro ?? '',
    themes: record.themes,
    localThemes: record.localThemes.map((theme) => `${theme.code} : ${theme.label}`).join('\n'),
    audiences: record.audiences,
    communes: record.communes
      .map((commune) => [commune.nom, commune.code_insee].filter(Boolean).join(' ; '))
      .join('\n'),
    sitePath: record.sitePath,
    mapTiles: record.mapTiles ?? '',
    mapAttribution: record.mapAttribution ?? '',
    centre: record.centre?.id ?? null,
  };
}

/** « Lille ; 59350 » → { nom: 'Lille', code_insee: '59350' }; « sortir-en-famille : Sortir en famille ». */
export function toInput(form: CompassForm): CompassInput {
  return {
    title: form.title,
    slug: form.slug,
    intro: form.intro || null,
    themes: form.themes,
    localThemes: lines(form.localThemes).map((line) => {
      const [code, ...label] = line.split(':');
      return { code: code.trim(), label: label.join(':').trim() };
    }),
    audiences: form.audiences,
    communes: lines(form.communes).map((line) => {
      const [nom, code] = line.split(';').map((part) => part.trim());
      return { nom, code_insee: code || null };
    }),
    sitePath: form.sitePath,
    mapTiles: form.mapTiles || null,
    mapAttribution: form.mapAttribution || null,
    ...(form.centre ? { centre: form.centre } : {}),
  };
}
