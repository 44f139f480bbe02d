/**
 * CSV as open-data portals and the national Table Schemas expect it (RFC 4180): comma-separated,
 * UTF-8 without BOM, CRLF line ends, every non-empty cell quoted. Not the semicolon dialect of
 * the personal-data archive, which targets a spreadsheet opened by double-click.
 */
export type CsvValue = string | number | readonly string[] | null | undefined;

/** Separator of multi-valued cells, the one the "lieux de médiation numérique" standard uses. */
export const LIST_SEPARATOR = '|';

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value);
  return text === '' ? '' : `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}

export function csvRecord<Column extends string>(
  columns: readonly Column[],
  record: Partial<Record<Column, CsvValue>>,
): string {
  return csvLine(columns.map((column) => record[column]));
}
