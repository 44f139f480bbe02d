import { markup, trustedHtml, type SafeHtml } from './html';

/** The centre a page speaks for; `website` gets a link back when it is an http(s) address. */
export interface PageCentre {
  name: string;
  website?: string | null;
}

export interface PublicPageContent {
  /** The page's `<title>`, and its `<h1>` unless `heading` says otherwise. */
  title: string;
  heading?: string;
  centre?: PageCentre | null;
  /** What comes under the heading. */
  body: SafeHtml;
}

// System fonts, no image, no script: a few hundred bytes that read on a cheap phone, at 200 %
// zoom (rem and max-width only, nothing fixed) and on paper. Colours pass WCAG AA contrast.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#fff}
body{margin:0;overflow-wrap:anywhere}
.saut{position:absolute;left:-999rem}.saut:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header,main,footer{max-width:40rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid #767676}
header p{margin:0;font-weight:700}
h1{font-size:1.6rem;line-height:1.25;margin:1rem 0}
h2{font-size:1.2rem}
a{color:#0b4f9c}
a:focus,input:focus,textarea:focus,button:focus,summary:focus{outline:3px solid #0b4f9c;outline-offset:2px}
.champ{margin:0 0 1.25rem}
label,legend{display:block;font-weight:700}
.aide{display:block;color:#4a4a4a;font-size:.95rem}
.requis{color:#a4000f}
input[type=text],input[type=email],input[type=tel],input[type=url],input[type=date],input[type=time],textarea{display:block;width:100%;max-width:100%;font:inherit;padding:.5rem;border:2px solid #4a4a4a;border-radius:4px;margin-top:.25rem;background:#fff;color:inherit}
textarea{min-height:7rem}
fieldset{border:0;padding:0;margin:0 0 1.25rem}
.case{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.35rem 0}
.case input{width:1.4rem;height:1.4rem;margin:0;flex:none}
.case label{font-weight:400}
.erreur{display:block;color:#a4000f;font-weight:700}
[aria-invalid=true]{border-color:#a4000f}
.resume{border:3px solid #a4000f;padding:1rem;margin:0 0 1.5rem}
.resume h2{margin-top:0}
.merci{border-left:6px solid #18753c;padding:.5rem 1rem;background:#f0f7f2}
button{font:inherit;font-weight:700;padding:.75rem 1.5rem;border:0;border-radius:4px;background:#0b4f9c;color:#fff;cursor:pointer}
.piege{display:none}
footer{border-top:1px solid #767676;font-size:.95rem}
@media print{.saut,button,.piege{display:none}a{color:inherit}}
`.replace(/\n/g, '');

function websiteOf(centre: PageCentre | null | undefined): string | null {
  const site = centre?.website?.trim();
  return site && /^https?:\/\/[^\s"<>]+$/.test(site) ? site : null;
}

/** A whole French page: skip link, the centre's name, the heading, the body, a link back. */
export function renderPublicPage({ title, heading, centre, body }: PublicPageContent): string {
  const site = websiteOf(centre);
  const name = centre?.name ?? 'Centre social';
  return markup`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${title} – ${name}</title>
<style>${trustedHtml(STYLE)}</style>
</head>
<body>
<a class="saut" href="#contenu">Aller au contenu</a>
<header><p>${name}</p></header>
<main id="contenu">
<h1>${heading ?? title}</h1>
${body}
</main>
<footer>${site ? markup`<p><a href="${site}">Retour au site du centre</a></p>` : ''}</footer>
</body>
</html>
`.value;
}
