import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { moderationItems } from './gdpr';

/** Called from core's bootstrap: moderation items declared as personal data. */
export function bootstrapModeration(strapi: Core.Strapi): void {
  getService(strapi, 'gdpr').register(moderationItems(strapi));
}
