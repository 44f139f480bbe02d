import type { Core } from '@strapi/strapi';
import { createSecretBox, type SecretBox } from './box';

/**
 * Seals and opens secrets a plugin stores in the database, with the key set in core's config
 * (`secretsKey`, from ENCRYPTION_KEY). Read at each call, so that a changed key shows at once.
 */
const createSecretsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { material: string; box: SecretBox } | undefined;
  const box = (): SecretBox => {
    const material = strapi.plugin('core').config<string>('secretsKey') ?? '';
    if (cached?.material !== material) cached = { material, box: createSecretBox(material) };
    return cached.box;
  };
  return {
    seal: (plain: string): string => box().seal(plain),
    /** Throws a {@link SecretKeyError} (French message) when the value cannot be opened. */
    open: (sealed: string): string => box().open(sealed),
    /** HMAC-SHA256 of `data`, keyed per `label` from the same key (confirmation tokens). */
    sign: (label: string, data: string): string => box().sign(label, data),
  };
};

export type SecretsService = ReturnType<typeof createSecretsService>;
export default createSecretsService;
