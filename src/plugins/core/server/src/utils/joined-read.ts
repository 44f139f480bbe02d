import type { Core } from '@strapi/strapi';

interface ScalarAttribute {
  columnName?: string;
  type: string;
}

interface RelationAttribute {
  type: 'relation';
  relation: string;
  target: string;
  joinTable?: {
    name: string;
    joinColumn: { name: string };
    inverseJoinColumn: { name: string };
  };
}

interface Meta {
  tableName: string;
  attributes: Record<string, ScalarAttribute | RelationAttribute>;
}

export type JoinedRow = Record<string, unknown> & { id: number };

/**
 * One row with some of its to-one relations, read in a single statement (left joins through
 * Strapi's link tables) where `findOne` with `populate` runs one query per relation. For hot
 * paths only, such as a job run thousands of times in a row: values come as the driver gives
 * them (dates as `Date`, strings or epoch numbers), so callers read dates with `new Date(…)`.
 * A missing relation is `null`.
 */
export async function findOneJoined<T extends JoinedRow>(
  strapi: Core.Strapi,
  uid: string,
  id: number,
  fields: string[],
  relations: Record<string, string[]>,
): Promise<T | null> {
  const [row] = await findManyJoined<T>(strapi, uid, [id], fields, relations);
  return row ?? null;
}

/** {@link findOneJoined} for several rows at once, still one statement; rows come in no set order. */
export async function findManyJoined<T extends JoinedRow>(
  strapi: Core.Strapi,
  uid: string,
  ids: number[],
  fields: string[],
  relations: Record<string, string[]>,
): Promise<T[]> {
  if (ids.length === 0) return [];
  const meta = strapi.db.metadata.get(uid as never) as unknown as Meta;
  const schema = strapi.db.getSchemaName();
  const table = (name: string) => (schema ? `${schema}.${name}` : name);
  const column = (of: Meta, field: string) => {
    const attribute = of.attributes[field];
    if (!attribute || attribute.type === 'relation') throw new Error(`${field} is not a column of ${of.tableName}`);
    return (attribute as ScalarAttribute).columnName ?? field;
  };

  const columns: Record<string, string> = {};
  const query = strapi.db.connection(`${table(meta.tableName)} as t0`).whereIn('t0.id', ids);
  ['id', ...fields].forEach((field, index) => {
    columns[`t0_${index}`] = field;
    query.select({ [`t0_${index}`]: `t0.${field === 'id' ? 'id' : column(meta, field)}` });
  });
  Object.entries(relations).forEach(([name, relationFields], r) => {
    const attribute = meta.attributes[name] as RelationAttribute | undefined;
    if (
      attribute?.type !== 'relation' ||
      !attribute.joinTable ||
      !/OneToOne|ManyToOne|oneToOne|manyToOne/.test(attribute.relation)
    ) {
      throw new Error(`${name} is not a to-one relation of ${meta.tableName} through a link table`);
    }
    const target = strapi.db.metadata.get(attribute.target as never) as unknown as Meta;
    const { joinTable } = attribute;
    query
      .leftJoin(`${table(joinTable.name)} as j${r}`, `j${r}.${joinTable.joinColumn.name}`, 't0.id')
      .leftJoin(`${table(target.tableName)} as r${r}`, `r${r}.id`, `j${r}.${joinTable.inverseJoinColumn.name}`);
    ['id', ...relationFields].forEach((field, index) => {
      columns[`r${r}_${index}`] = `${name}.${field}`;
      query.select({ [`r${r}_${index}`]: `r${r}.${field === 'id' ? 'id' : column(target, field)}` });
    });
  });

  const rows = (await query) as Record<string, unknown>[];
  return rows.map((row) => {
    const result: Record<string, unknown> = {};
    for (const [alias, path] of Object.entries(columns)) {
      const [first, second] = path.split('.');
      if (second === undefined) {
        result[first] = row[alias];
        continue;
      }
      const nested = (result[first] ??= {}) as Record<string, unknown>;
      nested[second] = row[alias];
    }
    for (const name of Object.keys(relations)) {
      if ((result[name] as { id?: unknown }).id == null) result[name] = null;
      else (result[name] as { id: unknown }).id = Number((result[name] as { id: unknown }).id);
    }
    result.id = Number(result.id);
    return result as T;
  });
}
