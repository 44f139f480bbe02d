import type { OffsetInput } from '../../../shared/contracts/pense-bete';

/**
 * The step types every centre starts with. Templates use straight apostrophes and no ê/î/ô so
 * that a message stays GSM-7 (160 characters per SMS instead of 70).
 */
export interface DefaultStepType {
  code: string;
  name: string;
  defaultOffsets: OffsetInput[];
  template: string;
  defaultRecurrence: string | null;
  hasTime: boolean;
}

export const DEFAULT_STEP_TYPES: readonly DefaultStepType[] = [
  {
    code: 'actualisation-france-travail',
    name: 'Actualisation France Travail',
    // The update opens on the 28th of each month.
    defaultOffsets: [{ daysBefore: 0, time: '10:00' }],
    template:
      "Bonjour {prenom}, c'est le moment de faire votre actualisation France Travail (a partir du {date}). Besoin d'aide ? {centre} : {telephone_centre}",
    defaultRecurrence: 'FREQ=MONTHLY;BYMONTHDAY=28',
    hasTime: false,
  },
  {
    code: 'declaration-trimestrielle-caf',
    name: 'Déclaration trimestrielle CAF',
    defaultOffsets: [
      { daysBefore: 7, time: '10:00' },
      { daysBefore: 1, time: '10:00' },
    ],
    template:
      "Bonjour {prenom}, pensez a votre declaration trimestrielle CAF avant le {date}. Besoin d'aide ? {centre} : {telephone_centre}",
    defaultRecurrence: 'FREQ=MONTHLY;INTERVAL=3',
    hasTime: false,
  },
  {
    code: 'renouvellement-titre-de-sejour',
    name: 'Renouvellement du titre de séjour',
    defaultOffsets: [
      { daysBefore: 60, time: '10:00' },
      { daysBefore: 30, time: '10:00' },
      { daysBefore: 7, time: '10:00' },
    ],
    template:
      'Bonjour {prenom}, votre titre de sejour arrive a echeance le {date}. Pensez a demander son renouvellement. {centre} : {telephone_centre}',
    defaultRecurrence: null,
    hasTime: false,
  },
  {
    code: 'rendez-vous-caf',
    name: 'Rendez-vous CAF',
    defaultOffsets: [
      { daysBefore: 7, time: '10:00' },
      { daysBefore: 1, time: '10:00' },
    ],
    template: 'Bonjour {prenom}, rappel de votre rendez-vous CAF le {date} a {heure}. {centre} : {telephone_centre}',
    defaultRecurrence: null,
    hasTime: true,
  },
];
