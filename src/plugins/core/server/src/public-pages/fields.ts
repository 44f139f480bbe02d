import { markup, type SafeHtml } from './html';

/** One field of a server-rendered form. */
export interface FormField {
  /** Name sent with the form (and key of its value and error). */
  name: string;
  label: string;
  type: 'text' | 'email' | 'tel' | 'url' | 'date' | 'time' | 'textarea' | 'checkbox' | 'checkboxes';
  required?: boolean;
  hint?: string;
  /** HTML autocomplete token; `off` for data that is not about the person typing. */
  autocomplete?: string;
  maxLength?: number;
  inputMode?: 'numeric' | 'tel' | 'email' | 'url';
  /** Choices of a `checkboxes` field. */
  options?: readonly { value: string; label: string }[];
}

/** What the person typed (or the current data), by field name. */
export type FormValues = Record<string, string | string[] | boolean | null | undefined>;

/** One problem to show: on a field (linked from the summary) or on the whole form. */
export interface FormProblem {
  field: string | null;
  message: string;
}

export const fieldId = (name: string) => `champ-${name}`;

function attribute(name: string, value: string | number | false | undefined): SafeHtml {
  return value === false || value === undefined || value === '' ? markup`` : markup` ${name}="${value}"`;
}

/** A field with its label, hint, error message (announced with the field) and value kept. */
export function renderField(field: FormField, value: FormValues[string], error?: string): SafeHtml {
  const id = fieldId(field.name);
  const hintId = field.hint ? `aide-${field.name}` : '';
  const errorId = error ? `erreur-${field.name}` : '';
  const required = field.required ? markup` <span class="requis">(obligatoire)</span>` : '';
  const hint = field.hint ? markup`<span class="aide" id="${hintId}">${field.hint}</span>` : '';
  const message = error ? markup`<span class="erreur" id="${errorId}">Erreur : ${error}</span>` : '';
  const described = attribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const invalid = error ? markup` aria-invalid="true"` : '';

  if (field.type === 'checkboxes') {
    const chosen = new Set(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
    const boxes = (field.options ?? []).map(
      (option, index) =>
        markup`<div class="case"><input type="checkbox" id="${id}-${index}" name="${field.name}" value="${option.value}"${chosen.has(option.value) ? markup` checked` : ''}><label for="${id}-${index}">${option.label}</label></div>\n`,
    );
    return markup`<fieldset class="champ" id="${id}"${described}>\n<legend>${field.label}${required}</legend>${hint}${message}\n${boxes}</fieldset>\n`;
  }
  if (field.type === 'checkbox') {
    const checked = value === true || value === 'oui' ? markup` checked` : '';
    return markup`<div class="champ">${message}<div class="case"><input type="checkbox" id="${id}" name="${field.name}" value="oui"${checked}${described}${invalid}><label for="${id}">${field.label}</label></div>${hint}</div>\n`;
  }
  const common = markup` id="${id}" name="${field.name}"${field.required ? markup` required` : ''}${attribute('autocomplete', field.autocomplete)}${attribute('maxlength', field.maxLength)}${attribute('inputmode', field.inputMode)}${described}${invalid}`;
  const text = typeof value === 'string' ? value : '';
  const control =
    field.type === 'textarea'
      ? markup`<textarea${common} rows="5">${text}</textarea>`
      : markup`<input type="${field.type}"${common} value="${text}">`;
  return markup`<div class="champ"><label for="${id}">${field.label}${required}</label>${hint}${message}${control}</div>\n`;
}

/**
 * The error summary at the top of a form (GOV.UK pattern): a heading, then each problem linked
 * to its field. Without JavaScript the answer is a new page, so the summary comes first in the
 * content and the page title starts with « Erreur ».
 */
export function renderErrorSummary(problems: readonly FormProblem[]): SafeHtml {
  if (problems.length === 0) return markup``;
  const heading =
    problems.length === 1 ? 'Le formulaire contient une erreur' : `Le formulaire contient ${problems.length} erreurs`;
  const items = problems.map((problem) =>
    problem.field
      ? markup`<li><a href="#${fieldId(problem.field)}">${problem.message}</a></li>\n`
      : markup`<li>${problem.message}</li>\n`,
  );
  return markup`<div class="resume" role="alert" aria-labelledby="resume-titre">\n<h2 id="resume-titre">${heading}</h2>\n<ul>\n${items}</ul>\n</div>\n`;
}

/** The field people never see (`display: none`) and bots fill (see publicFormRoute's `honeypot`). */
export function renderHoneypot(name: string): SafeHtml {
  return markup`<div class="piege"><label for="${fieldId(name)}">Ne remplissez pas ce champ</label><input type="text" id="${fieldId(name)}" name="${name}" tabindex="-1" autocomplete="off"></div>\n`;
}

export interface FormOptions {
  action: string;
  fields: readonly FormField[];
  values: FormValues;
  problems: readonly FormProblem[];
  submitLabel: string;
  honeypot?: string | null;
  /** Shown above the form, after the summary. */
  intro?: SafeHtml;
}

/**
 * A whole form: summary, intro, fields with their own messages, honeypot, one button. Browser
 * validation is off (`novalidate`): every message comes from the server, in French, the same way.
 */
export function renderForm(options: FormOptions): SafeHtml {
  const byField = new Map<string, string>();
  for (const problem of options.problems) {
    if (problem.field && !byField.has(problem.field)) byField.set(problem.field, problem.message);
  }
  const fields = options.fields.map((field) => renderField(field, options.values[field.name], byField.get(field.name)));
  const honeypot = options.honeypot ? renderHoneypot(options.honeypot) : '';
  return markup`${renderErrorSummary(options.problems)}${options.intro ?? ''}
<form method="post" action="${options.action}" accept-charset="utf-8" novalidate>
<p>Les champs marqués <span class="requis">(obligatoire)</span> doivent être remplis.</p>
${fields}${honeypot}<button type="submit">${options.submitLabel}</button>
</form>
`;
}
