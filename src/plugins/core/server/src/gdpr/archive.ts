import { strToU8, zipSync } from 'fflate';

function cell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Semicolon-separated with a BOM: what a French spreadsheet opens correctly by double-click. */
export function toCsv(records: Record<string, unknown>[]): string {
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const lines = [
    columns.map(cell).join(';'),
    ...records.map((record) => columns.map((column) => cell(record[column])).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function fileName(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** One archive: per type, the same data as JSON and as CSV, and a note saying what it is. */
export function buildArchive(
  sections: { label: string; records: Record<string, unknown>[] }[],
  exportedAt: Date,
): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'lisez-moi.txt': strToU8(
      [
        'Données personnelles enregistrées par le centre social',
        `Export du ${exportedAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}.`,
        '',
        'Chaque rubrique est fournie deux fois : en JSON (lisible par un programme) et en CSV',
        '(lisible par un tableur).',
        '',
        ...sections.map((section) => `- ${section.label} : ${section.records.length} élément(s)`),
        '',
      ].join('\r\n'),
    ),
  };
  for (const section of sections) {
    const name = fileName(section.label);
    files[`${name}.json`] = strToU8(JSON.stringify(section.records, null, 2));
    files[`${name}.csv`] = strToU8(toCsv(section.records));
  }
  return zipSync(files);
}
