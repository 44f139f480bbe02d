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
  const area = el('textarea', undefined, { name: 'body', rows: '3', id: `message-${positioningId}` });
  const result = el('p', undefined, { role: 'status', id: `message-${positioningId}-etat` });
  area.setAttribute('aria-describedby', result.id);
  form.append(el('label', 'Écrire un message', { for: area.id }), area, el('button', 'Envoyer', { type: 'submit' }));
  form.append(result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const sent = await call('POST', `/positionings/${positioningId}/messages`, { body: area.value });
    if (!sent.ok) {
      area.setAttribute('aria-invalid', 'true');
      result.textContent = sent.fields[0]?.message ?? sent.message;
      return;
    }
    say('Message envoyé.');
    section.remove();
    await messages(container, positioningId, authors);
    container.querySelector<HTMLTextAreaElement>(`#${CSS.escape(area.id)}`)?.focus();
  });
  section.append(form);
  container.append(section);
}
