import type { Core } from '@strapi/strapi';

/** Polls until `probe` returns something truthy; the timeout is generous and only stops a hung test. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 60000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Still waiting, after ${timeoutMs / 1000} s, for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface JobRowView {
  id: number;
  name: string;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: number;
  updated_at: number;
  locked_by: string | null;
  last_error: string | null;
  idempotency_key: string | null;
  centre_id: number | null;
}

/** The job's row as stored, bigints as numbers. */
export async function jobRow(strapi: Core.Strapi, id: number): Promise<JobRowView> {
  const row = await strapi.db.connection('core_jobs').where({ id }).first();
  if (!row) throw new Error(`No job ${id}`);
  return { ...row, run_at: Number(row.run_at), updated_at: Number(row.updated_at) };
}

export async function waitForStatus(strapi: Core.Strapi, id: number, status: string): Promise<JobRowView> {
  return waitFor(async () => {
    const row = await jobRow(strapi, id);
    return row.status === status ? row : undefined;
  }, `job ${id} to be ${status}`);
}
