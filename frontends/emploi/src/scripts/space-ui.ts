import { call } from './members-api';

/**
 * Pieces every member's space draws with: elements filled as text (never as HTML, whatever the
 * server sends), the page's live message, labels and a positioning's conversation.
 */
export type Row = Record<string, unknown>;

export function el<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/**
 * A button whose action asks first: it opens the question just below with « yes » and
 * « Annuler », and moves the focus to the question; « Annuler » closes it and brings the focus
 * back to the button. Nothing happens before « yes ».
 */
export function askingFirst(labels: { button: string; question: string; yes: string }, run: () => void) {
  const button = el('button', labels.button, { type: 'button' });
  const confirm = el('div', undefined, { class: 'stack notice' });
  confirm.hidden = true;
  const question = el('p', labels.question, { tabindex: '-1' });
  const yes = el('button', labels.yes, { type: 'button' });
  const no = el('button', 'Annuler', { type: 'button' });
  yes.addEventListener('click', run);
  no.addEventListener('click', () => {
    confirm.hidden = true;
    button.focus();
  });
  button.addEventListener('click', () => {
    confirm.hidden = false;
    question.focus();
  });
  const choices = el('p', undefined, { class: 'actions' });
  choices.append(yes, document.createTextNode(' '), no);
  confirm.append(question, choices);
  return { button, confirm };
}

/** Says something in the page's live region, read out without moving the focus. */
export function say(message: string): void {
  const status = document.querySelector<HTMLElement>('#espace-etat');
  if (status) status.textContent = message;
}

export const STATES: Record<string, string> = {
  pending: 'En attente de réponse',
  accepted: 'Acceptée',
  declined: 'Refusée',
};

export const day = (iso: unknown) =>
  typeof iso === 'string'
    ? new Date(iso).toLocaleDateString('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' })
    : '';

/**
 * A text area with its label above it, and the live region next to it where the form's result
 * or the server's error is read out (an error in the error colour).
 */
export function writingField(id: string, label: string, rows: number) {
  const area = el('textarea', undefined, { name: 'body', rows: String(rows), id });
  const result = el('p', undefined, { role: 'status', id: `${id}-etat` });
  area.setAttribute('aria-describedby', result.id);
  const wrapper = el('div', undefined, { class: 'field stack' });
  wrapper.append(el('label', label, { for: id }), area);
  const show = (text: string, error: boolean) => {
    result.textContent = text;
    result.className = error ? 'field-error' : '';
    if (error) area.setAttribute('aria-invalid', 'true');
    else area.removeAttribute('aria-invalid');
  };
  return { wrapper, area, result, show };
}

/** Who wrote a message, as the reader names them; `mine` always reads « Vous ». */
export type Authors = Partial<Record<'candidate' | 'employer' | 'referent', string>>;

/** Messages of an accepted positioning, with a form to write one. */
export async function messages(container: HTMLElement, positioningId: string, authors: Authors = {}): Promise<void> {
  const answer = await call<Row[]>('GET', `/positionings/${positioningId}/messages`);
  const section = el('section', undefined, { class: 'stack', 'aria-label': 'Messages' });
  if (answer.ok) {
    const list = el('ul', undefined, { class: 'stack messages' });
    for (const message of answer.data ?? []) {
      const item = el('li', undefined, { class: message.mine ? 'message message--mine' : 'message' });
      const author = message.mine ? 'Vous' : (authors[String(message.from) as keyof Authors] ?? 'Votre correspondant');
      item.append(el('p', `${author}, le ${day(message.sentAt)} :`, { class: 'card__meta' }));
      item.append(el('p', String(message.body ?? ''), { class: 'multiline' }));
      list.append(item);
    }
    if ((answer.data ?? []).length === 0) section.append(el('p', 'Aucun message pour le moment.'));
    section.append(list);
  } else section.append(el('p', answer.message, { class: 'notice' }));
  const form = el('form', undefined, { class: 'stack' });
  const { wrapper, area, result, show } = writingField(`message-${positioningId}`, 'Écrire un message', 3);
  const actions = el('p');
  actions.append(el('button', 'Envoyer', { type: 'submit' }));
  form.append(wrapper, actions, result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const sent = await call('POST', `/positionings/${positioningId}/messages`, { body: area.value });
    if (!sent.ok) return show(sent.fields[0]?.message ?? sent.message, true);
    say('Message envoyé.');
    section.remove();
    await messages(container, positioningId, authors);
    container.querySelector<HTMLTextAreaElement>(`#${CSS.escape(area.id)}`)?.focus();
  });
  section.append(form);
  container.append(section);
}
