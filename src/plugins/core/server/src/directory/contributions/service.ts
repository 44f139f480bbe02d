import type { Core } from '@strapi/strapi';
import { createCorrections } from './corrections';
import { createPartnerContributions } from './partners';
import { createPartnerRole } from './partner-role';
import { createSuggestions } from './suggestions';

/** Contributions to the directory from outside the admin; every one goes through core moderation. */
const createDirectoryContributionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const partnerRole = createPartnerRole(strapi);
  return {
    partners: createPartnerContributions(strapi),
    suggestions: createSuggestions(strapi),
    corrections: createCorrections(strapi),
    /**
     * Products whose partners contribute more than directory entries (resources, glossary terms)
     * give the « Partenaire » role their content-API actions, from their register or bootstrap.
     */
    grantPartnerActions: (actions: string[]) => partnerRole.grant(actions),
    ensurePartnerRole: () => partnerRole.ensure(),
  };
};

export type DirectoryContributionsService = ReturnType<typeof createDirectoryContributionsService>;
export default createDirectoryContributionsService;
