/** The CMS answered something the client does not understand: the build must stop, loudly. */
export class CmsContractError extends Error {
  constructor(
    readonly endpoint: string,
    readonly issues: string[],
  ) {
    super(`The CMS answer of ${endpoint} does not match what the sites expect:\n- ${issues.join('\n- ')}`);
    this.name = 'CmsContractError';
  }
}

/** The CMS could not be reached or refused the request. */
export class CmsRequestError extends Error {
  constructor(
    readonly endpoint: string,
    readonly status: number | undefined,
    detail: string,
  ) {
    super(`${endpoint}: ${detail}`);
    this.name = 'CmsRequestError';
  }
}
