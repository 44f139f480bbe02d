import { t, type MessageKey } from '@csc/site-shared/i18n/t';
import type { OwnOffer } from '@csc/plugin-emploi/shared';
import { call } from './members-api';
import { askingFirst, day, el, say } from './space-ui';

const STATUS: Record<string, MessageKey> = {
  pending: 'emploi.ownOffers.pending',
  published: 'emploi.ownOffers.published',
  accepted: 'emploi.ownOffers.accepted',
  refused: 'emploi.ownOffers.refused',
  'changes-requested': 'emploi.ownOffers.changesRequested',
  closed: 'emploi.ownOffers.closed',
};

/** An offer online or still in review can be closed by whoever proposed it. */
const CLOSABLE = new Set(['pending', 'published', 'accepted']);

/**
 * « Clore l'offre » (« Retirer » while in review), asked first: once closed, the list is drawn
 * anew, the result read out, and the focus goes to the offer's title (its button is gone).
 */
function closing(offer: OwnOffer, list: HTMLElement): HTMLElement[] {
  const result = el('p', undefined, { role: 'status' });
  // Still in review, it is withdrawn rather than closed: it was never online.
  const pending = offer.status === 'pending';
  const { button, confirm } = askingFirst(
    {
      button: t(pending ? 'emploi.ownOffers.withdraw' : 'emploi.ownOffers.close', { title: offer.title }),
      question: t(pending ? 'emploi.ownOffers.closeWithdraws' : 'emploi.ownOffers.closeQuestion'),
      yes: t(pending ? 'emploi.ownOffers.withdrawYes' : 'emploi.ownOffers.closeYes'),
    },
    () => void closeIt(),
  );
  async function closeIt() {
    const done = await call<OwnOffer>('POST', `/offers/${encodeURIComponent(offer.id)}/close`, {});
    if (!done.ok) {
      result.textContent = done.message;
      result.className = 'field-error';
      return;
    }
    say(t(pending ? 'emploi.ownOffers.withdrawnNow' : 'emploi.ownOffers.closedNow', { title: offer.title }));
    await drawOwnOffers(list);
    const title = document.getElementById(`offre-proposee-${offer.id}`);
    title?.setAttribute('tabindex', '-1');
    title?.focus();
  }
  const actions = el('p', undefined, { class: 'actions' });
  actions.append(button);
  return [actions, confirm, result];
}

/**
 * The offers an employer's or a partner's account proposed (`GET /members/offers`), newest
 * first: where each stands in the team's review, the team's message when it refused one or asked
 * for changes, and its last day online. Drawn into `list`, replacing what was there.
 */
export async function drawOwnOffers(list: HTMLElement): Promise<void> {
  const answer = await call<OwnOffer[]>('GET', '/offers');
  list.textContent = '';
  if (!answer.ok) {
    list.append(el('p', answer.message, { class: 'notice' }));
    return;
  }
  const offers = answer.data ?? [];
  if (offers.length === 0) {
    list.append(el('p', t('emploi.ownOffers.none')));
    return;
  }
  const items = el('ul', undefined, { class: 'stack own-offers' });
  for (const offer of offers) {
    const item = el('li', undefined, { class: 'card stack' });
    item.append(el('p', offer.title, { class: 'own-offers__title', id: `offre-proposee-${offer.id}` }));
    const status = STATUS[offer.status];
    const facts = [
      status ? t(status) : offer.status,
      offer.validUntil ? t('emploi.ownOffers.lastDay', { day: day(`${offer.validUntil}T12:00:00Z`) }) : '',
      t('emploi.ownOffers.sentOn', { day: day(offer.createdAt) }),
    ].filter(Boolean);
    item.append(el('p', facts.join(' · '), { class: 'card__meta' }));
    if (offer.message) item.append(el('p', t('emploi.ownOffers.teamMessage', { message: offer.message })));
    if (CLOSABLE.has(offer.status)) item.append(...closing(offer, list));
    items.append(item);
  }
  list.append(items);
}

/** A section « Vos offres proposées » with its list, for a member's space. */
export async function ownOffersSection(): Promise<HTMLElement> {
  const section = el('section', undefined, { class: 'stack', 'aria-labelledby': 'offres-proposees-titre' });
  section.append(el('h2', t('emploi.ownOffers.title'), { id: 'offres-proposees-titre' }));
  const list = el('div', undefined, { class: 'stack' });
  section.append(list);
  await drawOwnOffers(list);
  return section;
}
