import { t } from '@csc/site-shared/i18n/t';
import { clearErrors, showErrors } from './form-feedback';
import { call, revealScriptedParts } from './members-api';
import { drawOwnOffers } from './own-offers';
import { say, type Row } from './space-ui';

/**
 * « Proposer une offre » (`espace/proposer-une-offre/`): the form is in the page, hidden until
 * `GET /members/me` says the visitor is a validated employer or a partner. A partner also names
 * the employer (and the sector, and the centre on a site of several); an employer's come from its
 * record, so those fields leave the form. The offer goes to the team's review; the list of the
 * account's offers below the form shows where each stands.
 */
const form = document.querySelector<HTMLFormElement>('#offre-formulaire');
const partnerOnly = document.querySelector<HTMLElement>('[data-partner-only]');
const sent = document.querySelector<HTMLElement>('#offre-envoyee');
const list = document.querySelector<HTMLElement>('#offres-proposees-liste');

const parisDay = (date: Date) => date.toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });

/** The page was built some days ago: the dates' bounds count from today. */
function boundDates(): void {
  const maxDays = Number(form?.dataset.maxDays ?? 60);
  const now = new Date();
  const today = parisDay(now);
  const last = parisDay(new Date(now.getTime() + maxDays * 86400000));
  for (const input of form?.querySelectorAll<HTMLInputElement>('input[type="date"]') ?? []) input.min = today;
  const until = form?.querySelector<HTMLInputElement>('input[name="validUntil"]');
  if (until) until.max = last;
}

/** Filled fields only; a radio group gives its checked value. */
function valueOf(target: HTMLFormElement): Record<string, string> {
  const body: Record<string, string> = {};
  for (const element of Array.from(target.elements)) {
    if (
      !(
        element instanceof HTMLInputElement ||
        element instanceof HTMLSelectElement ||
        element instanceof HTMLTextAreaElement
      ) ||
      !element.name
    )
      continue;
    if (element instanceof HTMLInputElement && element.type === 'radio' && !element.checked) continue;
    if (element.value.trim() !== '') body[element.name] = element.value.trim();
  }
  return body;
}

function show(id: string): void {
  const part = document.getElementById(id);
  if (part) part.hidden = false;
}

async function open(): Promise<void> {
  const me = await call<Row>('GET', '/me');
  if (me.status === 401) return show('offre-invite');
  if (!me.ok) return say(me.message);
  const kind = me.data.kind;
  const validated = kind === 'employer' && Boolean((me.data.employer as Row | null)?.validated);
  if (kind !== 'partner' && !validated) {
    const reason = document.querySelector<HTMLElement>('#offre-refus-raison');
    if (reason && kind === 'employer') reason.textContent = t('emploi.space.notValidatedOffers');
    return show('offre-refus');
  }
  if (kind === 'partner') partnerOnly?.removeAttribute('hidden');
  // An employer's name, sector and centre are those of its record: the server refuses them here.
  else partnerOnly?.remove();
  boundDates();
  if (form) form.hidden = false;
  show('offres-proposees');
  if (list) await drawOwnOffers(list);
}

form?.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (sent) sent.hidden = true;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button) button.disabled = true;
  say(t('emploi.offerForm.sending'));
  const answer = await call('POST', '/offers', valueOf(form));
  if (button) button.disabled = false;
  say('');
  if (!answer.ok) {
    showErrors(form, answer.fields.length > 0 ? t('emploi.offerForm.errors') : answer.message, answer.fields, {
      focus: 'field',
    });
    return;
  }
  clearErrors(form);
  form.reset();
  if (list) await drawOwnOffers(list);
  if (sent) {
    sent.hidden = false;
    sent.focus();
  }
});

revealScriptedParts();
void open();
