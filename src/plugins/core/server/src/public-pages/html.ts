/**
 * HTML built from strings without a template engine: every interpolated value is escaped unless
 * it is itself `SafeHtml` (the result of `markup`), so a value typed by a visitor can never become
 * markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

function part(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/**
 * Tagged template: markup`<p>${text}</p>`; arrays are joined, null/undefined/false print nothing.
 * (Not named `html`: Prettier would reformat such templates as documents, changing the output.)
 */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, index) => {
    out += part(value) + strings[index + 1];
  });
  return new SafeHtml(out);
}

/** Markup written by the code itself (never a visitor's text). */
export const trustedHtml = (markup: string): SafeHtml => new SafeHtml(markup);
