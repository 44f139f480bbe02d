import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/** How staff designate a person: the contact details the person gave. */
export interface Person {
  email?: string;
  /** E.164 */
  phone?: string;
}

export const personQuery = z
  .strictObject(
    {
      email: z.string().trim().toLowerCase().email('Cette adresse e-mail n’est pas valide.').max(254).optional(),
      phone: z
        .string()
        .max(30, 'Ce numéro est trop long.')
        .transform((value, ctx) => {
          const parsed = parsePhoneNumberFromString(value, 'FR');
          if (!parsed?.isValid()) {
            ctx.addIssue({ code: 'custom', message: 'Ce numéro de téléphone n’est pas valide.' });
            return z.NEVER;
          }
          return parsed.number;
        })
        .optional(),
    },
    {
      error: (issue) => (issue.code === 'unrecognized_keys' ? `Champ inconnu : ${issue.keys.join(', ')}.` : undefined),
    },
  )
  .refine((person) => person.email || person.phone, {
    message: 'Indiquez l’e-mail ou le téléphone de la personne.',
    path: ['email'],
  });

export const eraseRequest = z
  .strictObject({
    email: z.string().optional(),
    phone: z.string().optional(),
    confirmation: z.string({ error: 'Tapez EFFACER pour confirmer.' }),
  })
  .refine((request) => request.confirmation === 'EFFACER', {
    message: 'Tapez EFFACER pour confirmer.',
    path: ['confirmation'],
  });
