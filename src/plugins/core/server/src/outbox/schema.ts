import type { Core } from '@strapi/strapi';

/**
 * The outbox owns one table, outside Strapi's content types: Strapi's schema sync leaves
 * tables it never declared alone, and plain SQL lets a claim be one atomic statement
 * (`FOR UPDATE SKIP LOCKED` on PostgreSQL). Times are epoch milliseconds (bigint) so that
 * SQLite and PostgreSQL compare them the same way.
 */
export const JOBS_TABLE = 'core_jobs';

/** `schema.core_jobs` on PostgreSQL when a schema is configured, for knex's `??` binding. */
export function jobsTableRef(strapi: Core.Strapi): string {
  const schema = strapi.db.getSchemaName();
  return schema ? `${schema}.${JOBS_TABLE}` : JOBS_TABLE;
}

/**
 * Creates the table and its indexes when missing. On PostgreSQL an advisory lock serialises
 * this between instances starting together; every step is idempotent, so later versions add
 * their columns and indexes here the same way.
 */
export async function ensureJobsTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  const postgres = strapi.db.dialect.client === 'postgres';
  await knex.transaction(async (trx) => {
    if (postgres) await trx.raw(`select pg_advisory_xact_lock(hashtext('csc.core_jobs.schema'))`);
    const schema = strapi.db.getSchemaConnection(trx);
    if (await schema.hasTable(JOBS_TABLE)) return;
    await schema.createTable(JOBS_TABLE, (table) => {
      table.increments('id').primary();
      table.string('name', 120).notNullable();
      table.text('payload').notNullable();
      table.string('status', 16).notNullable();
      table.bigInteger('run_at').notNullable();
      table.bigInteger('expires_at').nullable();
      table.integer('attempts').notNullable().defaultTo(0);
      table.integer('max_attempts').notNullable();
      table.string('locked_by', 160).nullable();
      table.bigInteger('locked_until').nullable();
      table.text('last_error').nullable();
      table.string('idempotency_key', 200).nullable().unique({ indexName: 'core_jobs_idempotency_key_unique' });
      table.integer('centre_id').nullable();
      table.bigInteger('created_at').notNullable();
      table.bigInteger('updated_at').notNullable();
      table.bigInteger('finished_at').nullable();
      table.index(['status', 'run_at'], 'core_jobs_status_run_at_index');
      table.index(['status', 'expires_at'], 'core_jobs_status_expires_at_index');
      table.index(['status', 'finished_at'], 'core_jobs_status_finished_at_index');
      table.index(['name'], 'core_jobs_name_index');
      table.index(['centre_id'], 'core_jobs_centre_id_index');
    });
  });
}
