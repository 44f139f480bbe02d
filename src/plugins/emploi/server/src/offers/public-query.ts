import { z } from 'zod';
import { UNKNOWN_PARAMETER } from '@csc/plugin-core/toolkit';
import { CONTRACT_VALUES, SECTOR_VALUES } from '../../../shared/contracts/values';
import { isoDay } from './fields';

const whole = (label: string, min: number, max: number) =>
  z
    .string(`${label} : un seul nombre entier.`)
    .regex(/^\d{1,6}$/, `${label} : un nombre entier.`)
    .transform(Number)
    .pipe(z.number().min(min, `${label} : ${min} au moins.`).max(max, `${label} : ${max} au plus.`));

const one = <Schema extends z.ZodType<unknown, string>>(schema: Schema, label: string) =>
  z.string(`${label} : une seule valeur.`).pipe(schema);

const paging = {
  page: whole('Page', 1, 1000).optional(),
  pageSize: whole('Taille de page', 1, 50).optional(),
};
const centre = one(z.string().regex(/^[a-z0-9-]{1,80}$/, 'Identifiant de centre inconnu.'), 'Centre');

/** `GET /api/emploi/offers`: every parameter optional, given once; unknown ones refused. */
export const offersQuery = z.strictObject(
  {
    ...paging,
    contract: one(
      z.enum(CONTRACT_VALUES, 'Contrat inconnu : cdi, cdd, interim, alternance, stage, cddi ou pec.'),
      'Contrat',
    ).optional(),
    sector: one(z.enum(SECTOR_VALUES, 'Secteur inconnu.'), 'Secteur').optional(),
    commune: one(
      z.string().trim().min(1, 'Commune vide.').max(80, 'Commune : 80 caractères au plus.'),
      'Commune',
    ).optional(),
    postedSince: one(isoDay, 'Date').optional(),
    centre: centre.optional(),
  },
  UNKNOWN_PARAMETER,
);

/** `GET /api/emploi/offers/closed`: paging and a centre, nothing else. */
export const closedOffersQuery = z.strictObject({ ...paging, centre: centre.optional() }, UNKNOWN_PARAMETER);

export const emptyQuery = z.strictObject({}, UNKNOWN_PARAMETER);

export const offerParams = z.object({
  id: z.string().regex(/^[a-z0-9]{1,64}$/, 'Identifiant d’offre invalide.'),
});
