import { rankWords } from '../lib/normalise';
import { unpackIndex, type IndexedWord, type SearchIndex } from '../lib/search-index';

/**
 * The search page with JavaScript: the words are ranked in the browser over the prebuilt index
 * (one small file, fetched once), with the plugin's own tolerance of accents, plurals and typos.
 * When nothing matches, the request form appears with the word already written, and is sent to
 * the CMS's JSON form instead of opening its page.
 */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
let words: Promise<IndexedWord[]> | undefined;
const loadWords = () =>
  (words ??= fetch(`${base}index.json`)
    .then((response) => (response.ok ? (response.json() as Promise<SearchIndex>) : Promise.reject(response.status)))
    .then(unpackIndex));

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

async function show(query: string): Promise<void> {
  const status = byId('recherche-etat');
  const list = byId<HTMLOListElement>('resultats');
  const request = byId('demande');
  const requestWord = byId<HTMLInputElement>('demande-mot');
  list.replaceChildren();
  if (!query) {
    status.textContent = 'Écrivez un mot dans la case ci-dessus, puis « Chercher ».';
    request.hidden = true;
    return;
  }
  status.textContent = 'Recherche en cours…';
  let results: IndexedWord[];
  try {
    results = rankWords(query, await loadWords(), 10);
  } catch {
    status.textContent = 'La recherche ne répond pas pour le moment : choisissez la première lettre du mot ci-dessous.';
    return;
  }
  for (const word of results) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `${base}mots/${word.slug}/`;
    link.textContent = word.term;
    item.append(link);
    if (word.variants.length) {
      const variants = document.createElement('span');
      variants.className = 'word-list__variants';
      variants.textContent = `(aussi : ${word.variants.join(', ')})`;
      item.append(' ', variants);
    }
    list.append(item);
  }
  status.textContent =
    results.length === 0
      ? `Le mot « ${query} » n’est pas encore dans le dictionnaire.`
      : `${results.length === 1 ? '1 mot trouvé' : `${results.length} mots trouvés`} pour « ${query} ».`;
  requestWord.value = query;
  request.hidden = results.length > 0;
}

function enhanceRequestForm(): void {
  const form = byId('demande').querySelector('form');
  if (!form) return;
  for (const field of form.querySelectorAll<HTMLElement>('[data-enhanced]')) field.hidden = false;
  for (const control of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    control.disabled = false;
  }
  const status = form.querySelector<HTMLElement>('.request__status');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body: Record<string, unknown> = { word: String(data.get('mot') ?? '').trim() };
    const context = String(data.get('context') ?? '').trim();
    const email = String(data.get('email') ?? '').trim();
    if (context) body.context = context;
    if (email) body.email = email;
    if (data.get('consent')) body.consent = true;
    if (status) status.textContent = 'Envoi en cours…';
    try {
      const response = await fetch(form.dataset.endpoint ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.ok) {
        form.reset();
        for (const field of form.querySelectorAll<HTMLElement>('.field, button')) field.hidden = true;
        if (status) status.textContent = 'Merci, c’est envoyé : des groupes d’enfants vont voir votre demande.';
        return;
      }
      const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (status)
        status.textContent = answer?.error?.message ?? 'La demande n’a pas pu être envoyée. Réessayez plus tard.';
    } catch {
      if (status) status.textContent = 'La demande n’a pas pu être envoyée. Réessayez plus tard.';
    }
  });
}

export function startSearchPage(): void {
  const query = new URLSearchParams(location.search).get('mot')?.trim() ?? '';
  const input = byId<HTMLInputElement>('mot-cherche');
  if (input) input.value = query;
  // With JavaScript the letters stay below the results; the request form shows only when needed.
  enhanceRequestForm();
  void show(query);
  input?.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = input.value.trim();
    history.replaceState(null, '', `${location.pathname}?mot=${encodeURIComponent(next)}`);
    void show(next);
  });
}
