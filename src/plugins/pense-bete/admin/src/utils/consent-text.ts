import type { ConsentInput } from '../../../shared/contracts/pense-bete';

/** What the referent reads out or shows; she may adapt it, what was said is what is recorded. */
export const DEFAULT_INFORMATION_TEXT =
  'Le centre social enregistre votre prénom et votre numéro de mobile (ou votre adresse e-mail) ' +
  'pour vous envoyer des rappels avant les dates de vos démarches. Seule l’équipe du centre les voit. ' +
  'Les messages sont effacés au bout de 6 mois. Vous pouvez arrêter à tout moment : ' +
  'dites-le à l’équipe du centre, ou répondez STOP à un SMS.';

export const defaultConsent = (): ConsentInput => ({ method: 'oral', informationText: DEFAULT_INFORMATION_TEXT });
