import type { CompassSettings } from '@csc/cms';
import type { DirectoryFilter } from './content';

/**
 * The home page's entry points, said the way parents say them. A need points to a directory
 * page the compass has (one of its themes or audiences); needs the compass lacks are left out.
 */
const BY_AUDIENCE: Record<string, string> = {
  'futurs-parents': 'J’attends un enfant',
  '0-3-ans': 'Mon bébé, mon tout-petit (0 à 3 ans)',
  '3-6-ans': 'Mon enfant a entre 3 et 6 ans',
  '6-11-ans': 'Mon enfant a entre 6 et 11 ans',
  '11-17-ans': 'Mon ado',
  'tous-les-parents': 'Je suis parent et je cherche de l’aide',
};
const BY_THEME: Record<string, string> = {
  'famille--garde-denfants': 'Je cherche un mode de garde',
  'famille--soutien-a-la-parentalite-et-a-leducation': 'Je me pose des questions sur l’éducation',
  'famille--surmonter-conflits-separation-violence': 'Je traverse une séparation, un conflit, des violences',
};

export interface Need {
  label: string;
  path: string;
}

export function needsOf(compass: CompassSettings, filters: DirectoryFilter[]): Need[] {
  const pathOf = (kind: DirectoryFilter['kind'], value: string) =>
    filters.find((filter) => filter.kind === kind && filter.value === value)?.path;
  const themes = compass.themes
    .filter((theme) => !theme.local)
    .map((theme) => ({ label: BY_THEME[theme.code] ?? theme.label, path: pathOf('thematique', theme.code) }));
  const audiences = compass.audiences.map((audience) => ({
    label: BY_AUDIENCE[audience.code] ?? audience.label,
    path: pathOf('public', audience.code),
  }));
  return [...themes.slice(0, 1), ...audiences, ...themes.slice(1)].filter((need): need is Need => Boolean(need.path));
}
