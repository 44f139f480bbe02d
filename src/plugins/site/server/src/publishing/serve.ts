import fs from 'node:fs';
import path from 'node:path';
import type { Context, Next } from 'koa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
};

const PREFIX = /^\/sites\/([a-z0-9-]{1,80})(\/.*)?$/;

/** The demo serves each centre's built site under /sites/<centre>/, as a static host would. */
export function serveSites(sitesDir: string) {
  return async (ctx: Context, next: Next) => {
    const match = ctx.method === 'GET' || ctx.method === 'HEAD' ? PREFIX.exec(ctx.path) : null;
    if (!match) return next();
    const [, centre, rest] = match;
    if (rest === undefined) return ctx.redirect(`/sites/${centre}/`);
    const root = path.join(sitesDir, centre, 'current');
    let decoded: string;
    try {
      decoded = decodeURIComponent(rest);
    } catch {
      decoded = '';
    }
    const wanted = path.normalize(path.join(root, decoded));
    if (!decoded || !wanted.startsWith(root)) {
      ctx.status = 404;
      return;
    }
    const file = await resolveFile(wanted);
    if (file) {
      ctx.type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      ctx.set('cache-control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=300');
      ctx.body = fs.createReadStream(file);
      return;
    }
    const notFound = path.join(root, '404.html');
    if (fs.existsSync(root) && fs.existsSync(notFound)) {
      ctx.status = 404;
      ctx.type = TYPES['.html'];
      ctx.body = fs.createReadStream(notFound);
      return;
    }
    ctx.status = 404;
    ctx.type = TYPES['.html'];
    ctx.body =
      '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Site en préparation</title>' +
      '<p>Ce site est en cours de construction. Revenez dans une minute.</p></html>';
  };
}

async function resolveFile(wanted: string): Promise<string | null> {
  for (const candidate of [wanted, path.join(wanted, 'index.html')]) {
    const stat = await fs.promises.stat(candidate).catch(() => null);
    if (stat?.isFile()) return candidate;
  }
  return null;
}
