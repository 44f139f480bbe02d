import { call } from './members-api';
import { day, el, type Row } from './space-ui';

/**
 * Messages written to a group the member belongs to: what a candidate received from her referent,
 * or what a referent sent to all her candidates. The server answers newest first.
 */
export async function groupMessageList(title: string, empty: string, id: string): Promise<HTMLElement> {
  const section = el('section', undefined, { class: 'stack panel', 'aria-labelledby': id });
  section.append(el('h2', title, { id }));
  const answer = await call<Row[]>('GET', '/group-messages');
  if (!answer.ok) {
    section.append(el('p', answer.message, { class: 'notice' }));
    return section;
  }
  const rows = answer.data ?? [];
  if (rows.length === 0) {
    section.append(el('p', empty));
    return section;
  }
  const list = el('ul', undefined, { class: 'stack messages' });
  for (const message of rows) {
    const item = el('li', undefined, { class: 'message' });
    item.append(el('p', `Le ${day(message.sentAt)} :`, { class: 'card__meta' }));
    item.append(el('p', String(message.body ?? ''), { class: 'multiline' }));
    list.append(item);
  }
  section.append(list);
  return section;
}

export const receivedGroupMessages = () =>
  groupMessageList(
    'Messages de votre référente',
    'Aucun message de votre référente pour le moment.',
    'messages-referente',
  );
