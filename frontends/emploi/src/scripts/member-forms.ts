import { showErrors } from './form-feedback';
import { BASE, call, revealScriptedParts } from './members-api';

/**
 * The members' forms: each `form[data-members-endpoint]` posts its fields as JSON, shows the
 * server's French message under each field (and in a summary read out at once), then opens the
 * space once the session cookie is set (sign-up, log-in), or, for a form with `data-done`, shows
 * the server's French answer in that element (the password forms). An input with
 * `data-from-fragment` takes its value from the page's address after « # » (the e-mailed link's
 * `jeton`, there so that it is never sent to a web server).
 */
function valueOf(form: HTMLFormElement): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement) || !element.name) continue;
    if (element instanceof HTMLInputElement && element.type === 'checkbox') body[element.name] = element.checked;
    else if (element.value.trim() !== '') body[element.name] = element.value.trim();
  }
  return body;
}

function showDone(form: HTMLFormElement, doneId: string, message: unknown): void {
  const done = document.getElementById(doneId);
  if (!done) return;
  const slot = done.querySelector<HTMLElement>('[data-done-message]');
  if (slot) slot.textContent = typeof message === 'string' ? message : '';
  form.hidden = true;
  done.hidden = false;
  done.focus();
}

revealScriptedParts();
const fragment = new URLSearchParams(window.location.hash.slice(1));
for (const input of document.querySelectorAll<HTMLInputElement>('input[data-from-fragment]')) {
  input.value = fragment.get(input.dataset.fromFragment ?? '') ?? '';
  // Out of the address bar and the history, so that the link's token is not left behind.
  window.history.replaceState(null, '', window.location.pathname);
}
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-members-endpoint]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) button.disabled = true;
    const answer = await call<{ message?: string }>('POST', form.dataset.membersEndpoint ?? '', valueOf(form));
    if (button) button.disabled = false;
    if (!answer.ok) {
      showErrors(form, answer.message, answer.fields);
      return;
    }
    if (form.dataset.done) showDone(form, form.dataset.done, answer.data?.message);
    else window.location.assign(`${BASE}espace/`);
  });
}
