/**
 * A small Frictionless Table Schema validator for CSV files, enough for the national standards
 * this plugin exports to: header names and order, required and unique fields, primary key,
 * types (string, number, integer, boolean, date, datetime, year) and the constraints pattern,
 * enum, minLength, maxLength, minimum, maximum. A pattern matches the whole value, as the
 * specification says.
 */
import { parse } from 'csv-parse/sync';

interface Constraints {
  required?: boolean;
  unique?: boolean;
  pattern?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export interface TableField {
  name: string;
  type?: string;
  format?: string;
  constraints?: Constraints;
}

export interface TableSchema {
  fields: TableField[];
  primaryKey?: string | string[];
  missingValues?: string[];
}

export interface TableError {
  /** 1 for the header, 2 for the first data row. */
  row: number;
  field?: string;
  message: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

function validDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return date.getUTCFullYear() === +match[1] && date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3];
}

/** Null when the cell is of the field's type, else why not. */
function typeProblem(field: TableField, value: string): string | null {
  switch (field.type ?? 'string') {
    case 'string':
      if (field.format === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return 'not an e-mail';
      if (field.format === 'uri' && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) return 'not a URI';
      return null;
    case 'number':
      return NUMBER.test(value) || ['NaN', 'INF', '-INF'].includes(value) ? null : 'not a number';
    case 'integer':
      return INTEGER.test(value) ? null : 'not an integer';
    case 'boolean':
      return ['true', 'True', 'TRUE', '1', 'false', 'False', 'FALSE', '0'].includes(value) ? null : 'not a boolean';
    case 'date':
      return validDate(value) ? null : 'not a date YYYY-MM-DD';
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value) &&
        validDate(value.slice(0, 10))
        ? null
        : 'not a datetime';
    case 'year':
      return /^\d{4}$/.test(value) ? null : 'not a year';
    case 'any':
      return null;
    default:
      return `type ${field.type} not supported by this validator`;
  }
}

function constraintProblems(field: TableField, value: string): string[] {
  const c = field.constraints ?? {};
  const problems: string[] = [];
  const length = [...value].length;
  if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value)) {
    problems.push(`does not match the pattern ${c.pattern}`);
  }
  if (c.enum && !c.enum.map(String).includes(value)) problems.push('not one of the allowed values');
  if (c.minLength !== undefined && length < c.minLength) problems.push(`shorter than ${c.minLength}`);
  if (c.maxLength !== undefined && length > c.maxLength) problems.push(`longer than ${c.maxLength}`);
  if (['number', 'integer'].includes(field.type ?? '')) {
    if (c.minimum !== undefined && Number(value) < c.minimum) problems.push(`below ${c.minimum}`);
    if (c.maximum !== undefined && Number(value) > c.maximum) problems.push(`above ${c.maximum}`);
  }
  return problems;
}

/** Every problem of a CSV text against a Table Schema; an empty list means valid. */
export function validateCsv(csv: string, schema: TableSchema): TableError[] {
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    return [{ row: 0, message: `unreadable CSV: ${(error as Error).message}` }];
  }
  const errors: TableError[] = [];
  const names = schema.fields.map((field) => field.name);
  const header = rows[0] ?? [];
  if (header.join('\u0000') !== names.join('\u0000')) {
    errors.push({ row: 1, message: `header is ${JSON.stringify(header)}, expected ${JSON.stringify(names)}` });
    return errors;
  }
  const missing = new Set(schema.missingValues ?? ['']);
  const keys = new Set(typeof schema.primaryKey === 'string' ? [schema.primaryKey] : (schema.primaryKey ?? []));
  const seen = new Map<string, Set<string>>(schema.fields.map((field) => [field.name, new Set()]));
  rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (cells.length !== names.length) {
      errors.push({ row, message: `${cells.length} cells, expected ${names.length}` });
      return;
    }
    schema.fields.forEach((field, column) => {
      const value = cells[column];
      const required = field.constraints?.required || keys.has(field.name);
      if (missing.has(value)) {
        if (required) errors.push({ row, field: field.name, message: 'required value missing' });
        return;
      }
      const problem = typeProblem(field, value);
      if (problem) errors.push({ row, field: field.name, message: problem });
      for (const message of constraintProblems(field, value)) errors.push({ row, field: field.name, message });
      if (field.constraints?.unique || keys.has(field.name)) {
        const values = seen.get(field.name) as Set<string>;
        if (values.has(value)) errors.push({ row, field: field.name, message: 'duplicate value' });
        values.add(value);
      }
    });
  });
  return errors;
}
