import { groupMessageList } from './group-messages';
import { call } from './members-api';
import { askingFirst, day, el, messages, say, STATES, writingField, type Row } from './space-ui';

/**
 * A « Référent emploi »'s space: the candidates the team entrusted to her, the employers'
 * positionings each received, which she answers on the candidate's behalf (a refusal asks to be
 * confirmed), the conversation of those accepted, and one message to all her candidates.
 */
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const nameOf = (person: Row | null | undefined) =>
  [person?.firstName, person?.lastName].filter((part) => typeof part === 'string' && part).join(' ');

/** Accept, or decline after a confirmation, for the candidate; the result is read out by the card. */
function answerButtons(positioning: Row, candidate: string, result: HTMLElement, redraw: () => Promise<void>) {
  const id = String(positioning.id);
  const candidateId = String((positioning.candidate as Row | null)?.id ?? '');
  const employer = String((positioning.employer as Row | null)?.name ?? 'l’employeur');
  const actions = el('p', undefined, { class: 'actions' });
  const send = async (decision: 'accept' | 'decline') => {
    const done = await call('POST', `/positionings/${id}/answer`, { decision });
    if (!done.ok) {
      result.textContent = done.message;
      result.className = 'field-error';
      return;
    }
    say(
      decision === 'accept'
        ? `Vous avez accepté la proposition de ${employer} pour ${candidate} : l’employeur voit maintenant ses coordonnées.`
        : `Vous avez refusé la proposition de ${employer} pour ${candidate}.`,
    );
    await redraw();
    // The space is drawn anew: the focus goes back to the candidate the answer was for.
    const heading = document.querySelector<HTMLElement>(`#candidat-${CSS.escape(candidateId)}`);
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  };
  const accept = el('button', `Accepter pour ${candidate}`, { type: 'button' });
  accept.addEventListener('click', () => void send('accept'));
  const { button: decline, confirm } = askingFirst(
    {
      button: `Refuser pour ${candidate}`,
      question: `Refuser la proposition de ${employer} au nom de ${candidate} ? Elle ne pourra plus être acceptée.`,
      yes: 'Oui, refuser',
    },
    () => void send('decline'),
  );
  actions.append(accept, document.createTextNode(' '), decline);
  return [actions, confirm];
}

async function positioningCard(positioning: Row, candidate: Row, redraw: () => Promise<void>): Promise<HTMLElement> {
  const employer = (positioning.employer ?? {}) as Row;
  const who = nameOf(candidate);
  const card = el('article', undefined, { class: 'card stack' });
  card.append(el('h4', String(employer.name ?? 'Employeur')));
  card.append(
    el(
      'p',
      [employer.commune, `reçue le ${day(positioning.sentAt)}`, STATES[String(positioning.state)]]
        .filter(Boolean)
        .join(' · '),
      { class: 'card__meta' },
    ),
  );
  card.append(el('p', String(positioning.message ?? ''), { class: 'multiline' }));
  if (positioning.state === 'pending') {
    const result = el('p', undefined, { role: 'alert' });
    card.append(
      el('p', `Si vous acceptez, l’employeur verra le nom de ${who}, ses coordonnées et votre adresse e-mail.`),
      ...answerButtons(positioning, who, result, redraw),
      result,
    );
  }
  if (positioning.state === 'accepted')
    await messages(card, String(positioning.id), { candidate: who, employer: String(employer.name ?? 'L’employeur') });
  return card;
}

function groupForm(hasReaders: boolean, onSent: () => Promise<void>): HTMLElement {
  const form = el('form', undefined, { class: 'stack panel', 'aria-labelledby': 'ecrire-a-tous', novalidate: '' });
  form.append(el('h2', 'Écrire à tous vos candidats', { id: 'ecrire-a-tous' }));
  form.append(
    el(
      'p',
      hasReaders
        ? 'Chaque candidat qui a un espace lit votre message dans son espace et reçoit un e-mail qui l’en prévient, sans le contenu du message.'
        : 'Aucun de vos candidats n’a encore d’espace : ils ne pourraient pas lire votre message.',
    ),
  );
  const { wrapper, area, result, show } = writingField('message-collectif', 'Votre message', 4);
  const actions = el('p');
  actions.append(el('button', 'Envoyer à tous mes candidats', { type: 'submit' }));
  form.append(wrapper, actions, result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    if (button) button.disabled = true;
    const sent = await call<{ recipients?: number }>('POST', '/referent/messages', { body: area.value });
    if (button) button.disabled = false;
    if (!sent.ok) {
      show(sent.fields[0]?.message ?? sent.message, true);
      area.focus();
      return;
    }
    const count = Number(sent.data?.recipients ?? 0);
    area.value = '';
    show(`Message envoyé : ${count === 1 ? '1 candidat l’a reçu' : `${count} candidats l’ont reçu`}.`, false);
    await onSent();
  });
  return form;
}

const sentMessages = () =>
  groupMessageList('Vos messages envoyés', 'Vous n’avez pas encore écrit à vos candidats.', 'messages-envoyes');

export async function referentSpace(root: HTMLElement, me: Row, redraw: () => Promise<void>): Promise<void> {
  const referent = (me.referent ?? {}) as Row;
  root.append(el('h2', 'Votre espace de référent emploi'));
  root.append(el('p', `Connecté avec l’adresse ${String(referent.email ?? '')}.`));
  root.append(el('h2', 'Vos candidats', { id: 'vos-candidats' }));
  const [candidates, positionings] = await Promise.all([
    call<Row[]>('GET', '/referent/candidates'),
    call<Row[]>('GET', '/positionings'),
  ]);
  if (!candidates.ok || !positionings.ok) {
    root.append(el('p', (candidates.ok ? positionings : candidates).message, { class: 'notice' }));
    return;
  }
  const rows = candidates.data ?? [];
  if (rows.length === 0)
    root.append(
      el(
        'p',
        'Aucun candidat ne vous est encore confié. L’équipe du centre social vous confie les personnes qu’elle accompagne avec vous : elles apparaîtront ici.',
      ),
    );
  for (const candidate of rows) {
    const theirs = (positionings.data ?? []).filter((item) => (item.candidate as Row | null)?.id === candidate.id);
    const pending = theirs.filter((item) => item.state === 'pending').length;
    const who = nameOf(candidate);
    const card = el('article', undefined, {
      class: 'card stack',
      'aria-labelledby': `candidat-${String(candidate.id)}`,
    });
    card.append(el('h3', who, { id: `candidat-${String(candidate.id)}` }));
    card.append(
      el(
        'p',
        [
          candidate.commune ? String(candidate.commune) : 'Commune non renseignée',
          pending === 0
            ? 'aucune proposition en attente'
            : plural(pending, 'proposition en attente', 'propositions en attente'),
          candidate.hasAccount ? '' : 'sans espace personnel',
        ]
          .filter(Boolean)
          .join(' · '),
        { class: 'card__meta' },
      ),
    );
    if (Array.isArray(candidate.desiredJobs) && candidate.desiredJobs.length > 0)
      card.append(el('p', `Métiers recherchés : ${candidate.desiredJobs.join(', ')}`));
    if (theirs.length === 0) card.append(el('p', 'Aucun employeur ne lui a encore proposé d’échanger.'));
    for (const positioning of theirs) card.append(await positioningCard(positioning, candidate, redraw));
    root.append(card);
  }
  let sent = await sentMessages();
  const form = groupForm(
    rows.some((candidate) => candidate.hasAccount),
    async () => {
      const fresh = await sentMessages();
      sent.replaceWith(fresh);
      sent = fresh;
    },
  );
  root.append(form, sent);
}
