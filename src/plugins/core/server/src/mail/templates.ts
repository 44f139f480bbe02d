import { escapeHtml } from '../public-pages/html';

/**
 * French e-mails that read well everywhere: a plain-text body that stands on its own (many
 * residents read mail on basic phones), and a minimal HTML twin — `lang="fr"`, one column,
 * large type, real paragraphs, no images or tracking — built from the same words.
 */

export interface MailLayout {
  subject: string;
  /** Defaults to « Bonjour, ». */
  greeting?: string;
  /** Each string is one paragraph; line breaks inside a paragraph are kept. */
  paragraphs: string[];
  /** Defaults to « Bien cordialement, ». */
  closing?: string;
  /** Who writes: the centre's name, usually. */
  signature: string;
  /** A last line in small type, e.g. why the person receives this message. */
  footer?: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

function paragraphHtml(paragraph: string, style = ''): string {
  return `<p${style ? ` style="${style}"` : ''}>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`;
}

function document(subject: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:16px;background:#ffffff;color:#1f2933;font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.5;">',
    '<div style="max-width:38em;margin:0 auto;">',
    body,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

/** A whole message from its parts: subject, text and HTML say the same thing. */
export function composeMail(layout: MailLayout): ComposedMail {
  const greeting = layout.greeting ?? 'Bonjour,';
  const closing = layout.closing ?? 'Bien cordialement,';
  const blocks = [greeting, ...layout.paragraphs, `${closing}\n${layout.signature}`];
  const text = [...blocks, ...(layout.footer ? [`--\n${layout.footer}`] : [])].join('\n\n');
  const html = document(
    layout.subject,
    [
      ...blocks.map((block) => paragraphHtml(block)),
      ...(layout.footer ? [paragraphHtml(layout.footer, 'font-size:14px;color:#52606d;')] : []),
    ].join('\n'),
  );
  return { subject: layout.subject, text, html };
}

/** The HTML twin of a plain-text body: paragraphs split on blank lines, everything escaped. */
export function htmlFromText(subject: string, text: string): string {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return document(subject, paragraphs.map((paragraph) => paragraphHtml(paragraph)).join('\n'));
}
