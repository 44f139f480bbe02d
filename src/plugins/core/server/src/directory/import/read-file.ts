import { errors } from '@strapi/utils';
import { parse } from 'csv-parse/sync';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../../../shared/contracts/directory-import';

/** One record of a file, with where it was found (CSV line, or JSON item number). */
export interface SourceRecord {
  file: string;
  line: number;
  /** Null for a JSON item that is not an object. */
  values: Record<string, unknown> | null;
}

export interface CsvTable {
  columns: string[];
  delimiter: ',' | ';' | '\t';
  records: SourceRecord[];
}

const fileError = (file: string, message: string) =>
  new errors.ValidationError(`${file} : ${message}`, {
    errors: [{ path: ['file'], message: `${file} : ${message}`, name: 'ValidationError' }],
  });

/** 413 in French above the import's size limit (all files of one request together). */
export function assertImportSize(totalBytes: number): void {
  if (totalBytes > IMPORT_MAX_BYTES) {
    throw new errors.PayloadTooLargeError(
      `Fichier trop lourd (${(totalBytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo) : un import accepte ${IMPORT_MAX_BYTES / 1024 / 1024} Mo au plus ; découpez-le en plusieurs fichiers.`,
    );
  }
}

/**
 * The file as text: UTF-8, with or without a byte order mark. Spreadsheets often save in
 * Windows-1252 or UTF-16: these are refused with the way out, rather than imported with
 * broken accents.
 */
export function decodeText(file: string, bytes: Buffer): string {
  if (bytes.length === 0) throw fileError(file, 'le fichier est vide.');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileError(
      file,
      'le fichier est encodé en UTF-16 ; enregistrez-le en « CSV UTF-8 » (ou JSON UTF-8) puis recommencez.',
    );
  }
  if (bytes.includes(0)) throw fileError(file, 'ce n’est pas un fichier texte (CSV ou JSON).');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileError(
      file,
      'le fichier n’est pas encodé en UTF-8 (sans doute Windows-1252 ou Latin-1) ; dans le tableur, enregistrez-le en « CSV UTF-8 » puis recommencez.',
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const tooManyRows = (count: number) =>
  new errors.ValidationError(
    `Le fichier compte ${count} lignes ; un import en accepte ${IMPORT_MAX_ROWS} au plus : découpez-le en plusieurs fichiers.`,
  );

/** The separator of the heading line: the one it uses most, outside quotes. */
function detectDelimiter(text: string): ',' | ';' | '\t' {
  const heading = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = ([';', ',', '\t'] as const).map((delimiter) => ({
    delimiter,
    count: heading.split(delimiter).length - 1,
  }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0].count > 0 ? counts[0].delimiter : ',';
}

/** A CSV file with a heading line; columns separated by `,`, `;` or a tab. */
export function readCsv(file: string, text: string): CsvTable {
  const delimiter = detectDelimiter(text);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw fileError(
      file,
      `ce n’est pas un CSV lisible${line ? ` (ligne ${line})` : ''} : vérifiez les guillemets et le séparateur.`,
    );
  }
  if (rows.length === 0) throw fileError(file, 'le fichier est vide.');
  const columns = rows[0].record.map((name) => name.trim());
  if (columns.length === 0 || columns.every((name) => name === '')) {
    throw fileError(file, 'la première ligne doit nommer les colonnes.');
  }
  const seen = new Set<string>();
  for (const name of columns) {
    if (name !== '' && seen.has(name)) throw fileError(file, `la colonne « ${name.slice(0, 80)} » apparaît deux fois.`);
    seen.add(name);
  }
  const records = rows.slice(1).filter((row) => row.record.some((cell) => cell !== ''));
  if (records.length > IMPORT_MAX_ROWS) throw tooManyRows(records.length);
  return {
    columns,
    delimiter,
    records: records.map(({ record, info }) => ({
      file,
      line: info.lines,
      values: Object.fromEntries(columns.flatMap((name, index) => (name === '' ? [] : [[name, record[index] ?? '']]))),
    })),
  };
}

/**
 * A data·inclusion JSON file: an array of structures and/or services, or an object
 * `{ structures: [...], services: [...] }`.
 */
export function readJson(file: string, text: string): SourceRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw fileError(file, 'ce n’est pas un fichier JSON lisible.');
  }
  let items: unknown[];
  if (Array.isArray(data)) items = data;
  else if (data && typeof data === 'object' && ('structures' in data || 'services' in data)) {
    const { structures = [], services = [] } = data as { structures?: unknown; services?: unknown };
    if (!Array.isArray(structures) || !Array.isArray(services)) {
      throw fileError(file, '« structures » et « services » sont des listes.');
    }
    items = [...structures, ...services];
  } else {
    throw fileError(file, 'le JSON attendu est une liste de structures et de services data·inclusion.');
  }
  if (items.length > IMPORT_MAX_ROWS) throw tooManyRows(items.length);
  return items.map((item, index) => ({
    file,
    line: index + 1,
    values: item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : null,
  }));
}
