import { escapeHtml } from '@csc/plugin-core/toolkit';

export interface OptOutPage {
  title: string;
  paragraphs: string[];
  /** A confirmation button posting to this address, when there is something to confirm. */
  confirm?: { action: string; label: string };
  centre?: string | null;
}

/**
 * The small public page of an unsubscribe link: plain HTML, readable on any phone, usable with
 * a keyboard or a screen reader, and the button works without JavaScript (a form post).
 */
export function optOutPage(page: OptOutPage): string {
  const form = page.confirm
    ? `<form method="post" action="${escapeHtml(page.confirm.action)}">
<input type="hidden" name="confirmation" value="oui">
<button type="submit">${escapeHtml(page.confirm.label)}</button>
</form>`
    : '';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)}</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;margin:0;padding:1.5rem}
main{max-width:36rem;margin:0 auto}
h1{font-size:1.5rem}
button{font:inherit;font-size:1.125rem;padding:.75rem 1.25rem;border:2px solid #1d4e89;border-radius:.5rem;background:#1d4e89;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #e3a21a;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(page.title)}</h1>
${page.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
${form}
${page.centre ? `<p>${escapeHtml(page.centre)}</p>` : ''}
</main>
</body>
</html>
`;
}
