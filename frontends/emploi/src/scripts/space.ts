import { t } from '@csc/site-shared/i18n/t';
import { receivedGroupMessages } from './group-messages';
import { BASE, call, forgetCsrf, revealScriptedParts, type Answer } from './members-api';
import { ownOffersSection } from './own-offers';
import { referentSpace } from './referent-space';
import { el, messages, say, STATES, type Row } from './space-ui';

/**
 * An accepted candidate's details for the employer: only what exists (a profile made with the team
 * may have no e-mail), and her referent, who answers with her; else the conversation below.
 */
function contactLines(contact: Row): HTMLElement[] {
  const name = [contact.firstName, contact.lastName].filter(Boolean).map(String).join(' ');
  const ways = [contact.email, contact.phone].filter(Boolean).map(String);
  const lines = [el('p', ways.length ? `Contact : ${name}, ${ways.join(', ')}` : `Contact : ${name}`)];
  if (contact.referentEmail) lines.push(el('p', `Son référent : ${String(contact.referentEmail)}`));
  if (!ways.length && !contact.referentEmail) lines.push(el('p', 'Écrivez-lui dans votre conversation ci-dessous.'));
  return lines;
}

/**
 * A member's space, drawn from the API: the candidate's profile, the positionings she received
 * and their messages, and what her referent wrote to all her candidates; the employer's candidates
 * (pseudonymous until one accepts) and positionings; the referent's candidates (`referent-space`).
 */
const root = document.querySelector<HTMLElement>('#espace-membre');

const AVAILABILITY: Record<string, string> = {
  immediate: 'Tout de suite',
  'within-month': 'Dans le mois',
  later: 'Plus tard',
};
const VISIBLE: Record<string, string> = {
  desiredJobs: 'Métiers recherchés',
  skills: 'Compétences',
  commune: 'Commune',
  mobilityKm: 'Mobilité (km)',
  availability: 'Disponibilité',
  languages: 'Langues',
};
const listText = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');

function reportFailure(answer: Answer): void {
  say(answer.message);
}

function field(id: string, label: string, input: HTMLInputElement | HTMLSelectElement): HTMLElement {
  const wrapper = el('div', undefined, { class: 'field stack' });
  input.id = id;
  wrapper.append(el('label', label, { for: id }), input);
  return wrapper;
}

function input(name: string, value: unknown, type = 'text'): HTMLInputElement {
  const element = el('input', undefined, { name, type });
  element.value = value === null || value === undefined ? '' : String(value);
  return element;
}

async function candidateSpace(me: Row): Promise<void> {
  if (!root) return;
  const profile = (me.profile ?? {}) as Row;
  root.append(el('h2', `Bonjour ${String(profile.firstName ?? '')}`));
  if (profile.hidden)
    root.append(el('p', 'Votre profil est masqué aux employeurs : mettez-le à jour pour le montrer de nouveau.'));

  const form = el('form', undefined, { class: 'stack panel', 'aria-labelledby': 'profil-titre' });
  form.append(el('h2', 'Mon profil', { id: 'profil-titre' }));
  form.append(
    field(
      'profil-metiers',
      'Métiers recherchés (séparés par des virgules)',
      input('desiredJobs', listText(profile.desiredJobs)),
    ),
  );
  form.append(
    field('profil-competences', 'Compétences (séparées par des virgules)', input('skills', listText(profile.skills))),
  );
  form.append(
    field(
      'profil-langues',
      'Langues parlées (séparées par des virgules)',
      input('languages', listText(profile.languages)),
    ),
  );
  form.append(field('profil-commune', 'Commune', input('commune', profile.commune)));
  form.append(
    field(
      'profil-mobilite',
      'Jusqu’à combien de kilomètres pouvez-vous vous déplacer ?',
      input('mobilityKm', profile.mobilityKm ?? 10, 'number'),
    ),
  );
  const availability = el('select', undefined, { name: 'availability' });
  for (const [value, label] of Object.entries(AVAILABILITY)) {
    const option = el('option', label, { value });
    option.selected = profile.availability === value;
    availability.append(option);
  }
  form.append(field('profil-disponibilite', 'Disponibilité', availability));
  const visibility = el('fieldset', undefined, { class: 'stack' });
  visibility.append(
    el('legend', 'Ce que les employeurs validés peuvent voir (jamais votre nom complet ni vos coordonnées)'),
  );
  const shown = new Set(Array.isArray(profile.visibility) ? profile.visibility : []);
  for (const [value, label] of Object.entries(VISIBLE)) {
    const box = el('input', undefined, { type: 'checkbox', name: 'visibility', value, id: `visible-${value}` });
    box.checked = shown.has(value);
    const line = el('p');
    line.append(box, el('label', ` ${label}`, { for: box.id }));
    visibility.append(line);
  }
  form.append(visibility, el('button', 'Enregistrer mon profil', { type: 'submit' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const words = (name: string) =>
      String(data.get(name) ?? '')
        .split(',')
        .map((word) => word.trim())
        .filter(Boolean);
    const saved = await call('PUT', '/profile', {
      desiredJobs: words('desiredJobs'),
      skills: words('skills'),
      languages: words('languages'),
      commune: String(data.get('commune') ?? '').trim(),
      mobilityKm: Number(data.get('mobilityKm') ?? 0),
      availability: String(data.get('availability') ?? 'immediate'),
      visibility: data.getAll('visibility').map(String),
    });
    say(saved.ok ? 'Profil enregistré.' : [saved.message, ...saved.fields.map((item) => item.message)].join(' '));
  });
  root.append(form);

  root.append(el('h2', 'Les employeurs qui s’intéressent à vous'));
  const answer = await call<Row[]>('GET', '/positionings');
  if (!answer.ok) return reportFailure(answer);
  if ((answer.data ?? []).length === 0) root.append(el('p', 'Aucun employeur ne vous a encore proposé d’échanger.'));
  for (const positioning of answer.data ?? []) {
    const employer = (positioning.employer ?? {}) as Row;
    const card = el('article', undefined, { class: 'card stack' });
    card.append(el('h3', String(employer.name ?? 'Employeur')));
    card.append(
      el('p', `${String(employer.commune ?? '')} · ${STATES[String(positioning.state)] ?? ''}`, {
        class: 'card__meta',
      }),
    );
    card.append(el('p', String(positioning.message ?? ''), { class: 'multiline' }));
    const id = String(positioning.id);
    if (positioning.state === 'pending') {
      card.append(el('p', 'Si vous acceptez, l’employeur verra votre nom, votre e-mail, votre téléphone et votre CV.'));
      for (const [decision, label] of [
        ['accept', 'Accepter'],
        ['decline', 'Refuser'],
      ] as const) {
        const button = el('button', `${label} (${String(employer.name ?? '')})`, { type: 'button' });
        button.addEventListener('click', async () => {
          const done = await call('POST', `/positionings/${id}/answer`, { decision });
          say(done.ok ? 'Réponse envoyée.' : done.message);
          if (done.ok) await draw();
        });
        card.append(button, document.createTextNode(' '));
      }
    }
    if (positioning.state === 'accepted')
      await messages(card, id, { employer: 'L’employeur', referent: 'Votre référente' });
    root.append(card);
  }
}

/** The way to the offer form, for validated employers and partners. */
function proposeLink(): HTMLElement {
  const line = el('p');
  line.append(el('a', t('emploi.space.proposeLink'), { class: 'button', href: `${BASE}espace/proposer-une-offre/` }));
  return line;
}

/** A partner's space: the offers it proposed to the centre, and the form's link. */
async function partnerSpace(me: Row): Promise<void> {
  if (!root) return;
  const partner = (me.partner ?? {}) as Row;
  root.append(el('h2', t('emploi.space.partnerTitle')));
  root.append(el('p', `${t('emploi.space.partnerIntro')} (${String(partner.email ?? '')})`));
  root.append(proposeLink(), await ownOffersSection());
}

async function employerSpace(me: Row): Promise<void> {
  if (!root) return;
  const employer = me.employer as Row | null;
  root.append(el('h2', String(employer?.name ?? 'Votre espace employeur')));
  if (!employer?.validated) {
    root.append(el('p', t('emploi.space.notValidatedOffers')));
    return;
  }
  root.append(proposeLink(), await ownOffersSection());
  root.append(el('h2', 'Candidats'));
  const candidates = await call<Row[]>('GET', '/candidates');
  if (!candidates.ok) return reportFailure(candidates);
  if ((candidates.data ?? []).length === 0) root.append(el('p', 'Aucun candidat visible pour le moment.'));
  for (const candidate of candidates.data ?? []) {
    const card = el('article', undefined, { class: 'card stack' });
    card.append(el('h3', String(candidate.name ?? '')));
    const facts = el('dl', undefined, { class: 'stack' });
    for (const [key, label] of Object.entries(VISIBLE)) {
      if (!(key in candidate)) continue;
      const value =
        key === 'availability'
          ? AVAILABILITY[String(candidate[key])]
          : Array.isArray(candidate[key])
            ? listText(candidate[key])
            : String(candidate[key] ?? '');
      const row = el('div');
      row.append(el('dt', label), el('dd', value ?? ''));
      facts.append(row);
    }
    card.append(facts);
    const contact = candidate.contact as Row | undefined;
    if (contact) card.append(...contactLines(contact));
    if (candidate.positioning)
      card.append(
        el('p', `Votre proposition : ${STATES[String(candidate.positioning)] ?? ''}`, { class: 'card__meta' }),
      );
    else {
      const form = el('form', undefined, { class: 'stack' });
      const area = el('textarea', undefined, { name: 'message', rows: '3', id: `proposition-${String(candidate.id)}` });
      form.append(
        el('label', `Proposer un échange à ${String(candidate.name)} (votre message, 10 caractères au moins)`, {
          for: area.id,
        }),
        area,
      );
      form.append(el('button', 'Envoyer la proposition', { type: 'submit' }));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const sent = await call('POST', `/candidates/${String(candidate.id)}/positionings`, { message: area.value });
        say(
          sent.ok
            ? 'Proposition envoyée : le candidat est prévenu par e-mail.'
            : (sent.fields[0]?.message ?? sent.message),
        );
        if (sent.ok) await draw();
      });
      card.append(form);
    }
    root.append(card);
  }
  root.append(el('h2', 'Échanges acceptés'));
  const positionings = await call<Row[]>('GET', '/positionings');
  if (!positionings.ok) return reportFailure(positionings);
  const accepted = (positionings.data ?? []).filter((item) => item.state === 'accepted');
  if (accepted.length === 0) root.append(el('p', 'Aucun échange accepté pour le moment.'));
  for (const positioning of accepted) {
    const card = el('article', undefined, { class: 'card stack' });
    card.append(el('h3', String((positioning.candidate as Row | null)?.name ?? 'Candidat')));
    await messages(card, String(positioning.id), { candidate: 'Le candidat', referent: 'Son référent' });
    root.append(card);
  }
}

/** What the member may do with her data: a copy (candidates) and deleting the whole space. */
function dataSection(kind: string): HTMLElement {
  const section = el('section', undefined, { class: 'stack panel', 'aria-labelledby': 'mes-donnees' });
  section.append(el('h2', 'Mes données', { id: 'mes-donnees' }));
  if (kind === 'candidate') {
    const copy = el('button', 'Télécharger une copie de mes données', { type: 'button' });
    copy.addEventListener('click', async () => {
      const answer = await call('GET', '/me/export');
      if (!answer.ok) return say(answer.message);
      const file = new Blob([JSON.stringify(answer.data, null, 2)], { type: 'application/json' });
      const link = el('a', undefined, { href: URL.createObjectURL(file), download: 'mes-donnees-emploi.json' });
      link.click();
      URL.revokeObjectURL(link.href);
    });
    const line = el('p');
    line.append(copy);
    section.append(line);
  }
  const form = el('form', undefined, { class: 'stack' });
  const confirmation = input('confirmation', '');
  form.append(
    el(
      'p',
      'Supprimer votre espace efface votre profil, votre CV, les propositions reçues et vos messages. C’est définitif.',
    ),
    field('suppression-confirmation', 'Écrivez SUPPRIMER pour confirmer', confirmation),
    el('button', 'Supprimer mon espace', { type: 'submit' }),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await call('POST', '/me/delete', { confirmation: confirmation.value.trim() });
    if (!done.ok) return say(done.fields[0]?.message ?? done.message);
    forgetCsrf();
    window.location.assign(BASE);
  });
  section.append(form);
  return section;
}

async function draw(): Promise<void> {
  if (!root) return;
  root.textContent = '';
  const me = await call<Row>('GET', '/me');
  const guest = document.querySelector<HTMLElement>('#espace-invite');
  const logOut = document.querySelector<HTMLElement>('#espace-deconnexion');
  if (me.status === 401) {
    if (guest) guest.hidden = false;
    if (logOut) logOut.hidden = true;
    return;
  }
  if (!me.ok) return reportFailure(me);
  if (guest) guest.hidden = true;
  if (logOut) logOut.hidden = false;
  if (me.data.kind === 'candidate') {
    await candidateSpace(me.data);
    root.append(await receivedGroupMessages());
  } else if (me.data.kind === 'referent') await referentSpace(root, me.data, draw);
  else if (me.data.kind === 'partner') await partnerSpace(me.data);
  else await employerSpace(me.data);
  // A referent's account is the team's to close: her candidates stay followed by the centre; a
  // partner's is core's, shared with the centre's other tools.
  if (me.data.kind !== 'referent' && me.data.kind !== 'partner') root.append(dataSection(String(me.data.kind)));
}

revealScriptedParts();
document.querySelector('#espace-deconnexion button')?.addEventListener('click', async () => {
  await call('DELETE', '/session');
  forgetCsrf();
  window.location.assign(BASE);
});
void draw();
