import type { z } from 'zod';
import type { HealthResponse } from '@csc/plugin-core/shared';
import { CmsContractError, CmsRequestError } from './errors';
import { healthSchema } from './schemas/health';

export interface CmsClientOptions {
  /** Where the CMS answers, e.g. http://localhost:1337 */
  baseUrl: string;
  /** An API token for content that is not public. */
  token?: string;
  /** Milliseconds before a request is given up. */
  timeoutMs?: number;
}

/** The typed client of the CMS API that every site and tool uses: answers are validated. */
export function createCmsClient({ baseUrl, token, timeoutMs = 15000 }: CmsClientOptions) {
  const root = baseUrl.replace(/\/+$/, '');

  async function getJson<Schema extends z.ZodType>(
    endpoint: string,
    schema: Schema,
    accept: number[] = [200],
  ): Promise<z.infer<Schema>> {
    let response: Response;
    try {
      response = await fetch(`${root}${endpoint}`, {
        headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new CmsRequestError(
        endpoint,
        undefined,
        `the CMS at ${root} cannot be reached (${(error as Error).message})`,
      );
    }
    if (!accept.includes(response.status)) {
      throw new CmsRequestError(endpoint, response.status, `the CMS answered HTTP ${response.status}`);
    }
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw new CmsContractError(
        endpoint,
        parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
      );
    }
    return parsed.data;
  }

  return {
    /** The health report; a 503 still carries a report, so it is returned rather than thrown. */
    health(): Promise<HealthResponse> {
      return getJson('/api/core/health', healthSchema, [200, 503]);
    },
  };
}

export type CmsClient = ReturnType<typeof createCmsClient>;
