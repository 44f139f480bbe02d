/**
 * The server's French errors on a members' form: each message under its field (the element
 * `#<input id>-erreur`, or `[data-error-of="<name>"]` for a group such as radio buttons), the
 * field marked `aria-invalid`, and a summary (`[data-summary]`, role alert) listing them all with
 * what fits no field. The focus goes to the summary, or with `focus: 'field'` to the first field
 * in error, whose description reads its message.
 */
export interface Problem {
  field: string;
  message: string;
}

export function clearErrors(form: HTMLFormElement): void {
  for (const old of form.querySelectorAll<HTMLElement>('.field-error')) old.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const summary = form.querySelector<HTMLElement>('[data-summary]');
  if (summary) {
    summary.textContent = '';
    summary.hidden = true;
  }
}

export function showErrors(
  form: HTMLFormElement,
  message: string,
  fields: Problem[],
  options: { focus: 'summary' | 'field' } = { focus: 'summary' },
): void {
  clearErrors(form);
  const summary = form.querySelector<HTMLElement>('[data-summary]');
  const unplaced: string[] = [];
  for (const { field, message: text } of fields) {
    const inputs = field ? form.querySelectorAll<HTMLElement>(`[name="${CSS.escape(field)}"]`) : [];
    const first = inputs[0];
    const slot =
      (field ? form.querySelector<HTMLElement>(`[data-error-of="${CSS.escape(field)}"]`) : null) ??
      (first?.id ? form.querySelector<HTMLElement>(`#${CSS.escape(`${first.id}-erreur`)}`) : null);
    if (first && slot) {
      for (const input of inputs) input.setAttribute('aria-invalid', 'true');
      slot.textContent = slot.textContent ? `${slot.textContent} ${text}` : text;
    } else unplaced.push(text);
  }
  if (summary) {
    const title = document.createElement('p');
    title.textContent = message;
    summary.append(title);
    const lines = [
      ...fields.filter((item) => !unplaced.includes(item.message)).map((item) => item.message),
      ...unplaced,
    ];
    if (lines.length > 0) {
      const list = document.createElement('ul');
      for (const line of lines) {
        const item = document.createElement('li');
        item.textContent = line;
        list.append(item);
      }
      summary.append(list);
    }
    summary.hidden = false;
  }
  const firstInvalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (options.focus === 'field' && firstInvalid) firstInvalid.focus();
  else summary?.focus();
}
