export interface DictionnaireConfig {
  /** The public site's address, for links in e-mails (« https://dictionnaire.example.org »); none: no link. */
  siteUrl: string;
}

export default {
  default: { siteUrl: '' } satisfies DictionnaireConfig,
  validator(config: DictionnaireConfig) {
    if (config.siteUrl && !/^https?:\/\/[^\s]+$/.test(config.siteUrl)) {
      throw new Error('dictionnaire.siteUrl must be an http(s) address');
    }
  },
};
