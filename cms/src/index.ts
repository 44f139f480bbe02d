export { createCmsClient } from './client';
export type { CmsClient, CmsClientOptions } from './client';
export { CmsContractError, CmsRequestError } from './errors';
export type { HealthResponse } from '@csc/plugin-core/shared';
