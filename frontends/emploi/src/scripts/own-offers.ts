import { t, type MessageKey } from '@csc/site-shared/i18n/t';
import type { OwnOffer } from '@csc/plugin-emploi/shared';
import { call } from './members-api';
import { day, el } from './space-ui';

const STATUS: Record<string, MessageKey> = {
  pending: 'emploi.ownOffers.pending',
  published: 'emploi.ownOffers.published',
  accepted: 'emploi.ownOffers.accepted',
  refused: 'emploi.ownOffers.refused',
  'changes-requested': 'emploi.ownOffers.changesRequested',
  closed: 'emploi.ownOffers.closed',
};

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
    item.append(el('p', offer.title, { class: 'own-offers__title' }));
    const status = STATUS[offer.status];
    const facts = [
      status ? t(status) : offer.status,
      offer.validUntil ? t('emploi.ownOffers.lastDay', { day: day(`${offer.validUntil}T12:00:00Z`) }) : '',
      t('emploi.ownOffers.sentOn', { day: day(offer.createdAt) }),
    ].filter(Boolean);
    item.append(el('p', facts.join(' · '), { class: 'card__meta' }));
    if (offer.message) item.append(el('p', t('emploi.ownOffers.teamMessage', { message: offer.message })));
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
