import type { Core } from '@strapi/strapi';
import { COMPASS_UID } from '../../../shared/permissions';
import type { LocalTheme } from '../../../shared/contracts/compass';
import { DATA_INCLUSION_THEMES } from './fields';

/**
 * Every theme a resource or a glossary term may carry: the data·inclusion ones, and the local
 * ones some compass of the install declares.
 */
export async function knownThemes(strapi: Core.Strapi): Promise<Set<string>> {
  const compasses = (await strapi.db.query(COMPASS_UID).findMany({ select: ['localThemes'] })) as {
    localThemes: LocalTheme[] | null;
  }[];
  const local = compasses.flatMap((compass) => (compass.localThemes ?? []).map((theme) => theme.code));
  return new Set([...DATA_INCLUSION_THEMES, ...local]);
}
