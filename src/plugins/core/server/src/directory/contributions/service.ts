import type { Core } from '@strapi/strapi';
import { createCorrections } from './corrections';
import { createPartnerContributions } from './partners';
import { ensurePartnerRole } from './partner-role';
import { createSuggestions } from './suggestions';

/** Contributions to the directory from outside the admin; every one goes through core moderation. */
const createDirectoryContributionsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  partners: createPartnerContributions(strapi),
  suggestions: createSuggestions(strapi),
  corrections: createCorrections(strapi),
  ensurePartnerRole: () => ensurePartnerRole(strapi),
});

export type DirectoryContributionsService = ReturnType<typeof createDirectoryContributionsService>;
export default createDirectoryContributionsService;
