import { isUtf8 } from 'node:buffer';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { getService } from '../utils/get-service';

/** Key of `ctx.state` where the reader leaves the parsed body for the route's guard. */
export const BODY_STATE = 'publicFormBody';

export const MAX_DEPTH = 8;
const MAX_NODES = 2000;
/** Above this declared size the connection is closed instead of reading and discarding the rest. */
export const DRAIN_LIMIT = 1024 * 1024;

function answer(ctx: Context, status: number, name: string, message: string): void {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { data: null, error: { status, name, message, details: {} } };
}

function tooLarge(ctx: Context, maxBytes: number, declared?: number): void {
  if (declared === undefined || declared > DRAIN_LIMIT) ctx.set('Connection', 'close');
  answer(
    ctx,
    413,
    'PayloadTooLargeError',
    `Le formulaire est trop long (${Math.floor(maxBytes / 1024) || 1} Ko au plus) : raccourcissez votre texte.`,
  );
}

/**
 * Reads at most `maxBytes`: 'too-large' as soon as the body is longer (the rest is discarded,
 * never held), 'aborted' when the client goes away.
 */
export function readLimited(ctx: Context, maxBytes: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const req = ctx.req;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 'too-large' | 'aborted') => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAborted);
      req.off('aborted', onAborted);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        finish('too-large');
        // Keep the stream flowing so the rest is discarded.
        req.resume();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onAborted = () => finish('aborted');
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAborted);
    req.on('aborted', onAborted);
  });
}

/** Deeper than MAX_DEPTH or larger than MAX_NODES: refused before any schema walks it. */
function tooComplex(value: unknown): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    nodes += 1;
    if (depth > MAX_DEPTH || nodes > MAX_NODES) return true;
    if (node !== null && typeof node === 'object') {
      for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return false;
}

/** The fields of an HTML form post; null when one is sent twice (which a schema cannot tell). */
function fromHtmlForm(text: string): Record<string, string> | null {
  // No prototype: a field named __proto__ stays a field.
  const fields = Object.create(null) as Record<string, string>;
  const params = new URLSearchParams(text);
  let count = 0;
  for (const [name, value] of params) {
    count += 1;
    if (count > MAX_NODES || Object.hasOwn(fields, name)) return null;
    fields[name] = value;
  }
  return fields;
}

/**
 * Global middleware, listed just before strapi::body: for a public form route only, reads the
 * body itself — JSON only, no compression, at most the form's `maxBytes` (413 from the declared
 * length before reading a byte, or as soon as a chunked body passes it), valid UTF-8 (400),
 * a JSON object (400), bounded depth (400) — and leaves it in `ctx.state`. The request is then
 * marked as having no body left, so strapi::body passes it by. Every other request (the admin,
 * uploads, other APIs) goes through untouched.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const entry = getService(strapi, 'publicForms').match(ctx.method, ctx.path);
    if (!entry) return next();
    const { maxBytes } = entry.form;

    const htmlForm = entry.form.htmlForm === true && ctx.is('application/x-www-form-urlencoded') !== false;
    if (!htmlForm && !ctx.is('application/json')) {
      return answer(
        ctx,
        415,
        'UnsupportedMediaTypeError',
        'Le formulaire doit être envoyé en JSON (en-tête Content-Type: application/json).',
      );
    }
    const charset = ctx.request.charset;
    if (charset && !/^utf-?8$/i.test(charset)) {
      return answer(ctx, 415, 'UnsupportedMediaTypeError', 'Le formulaire doit être encodé en UTF-8.');
    }
    const encoding = ctx.get('Content-Encoding');
    if (encoding && encoding.toLowerCase() !== 'identity') {
      return answer(ctx, 415, 'UnsupportedMediaTypeError', 'Les formulaires compressés ne sont pas acceptés.');
    }
    const declared = ctx.request.length;
    if (declared !== undefined && declared > maxBytes) return tooLarge(ctx, maxBytes, declared);

    const bytes = await readLimited(ctx, maxBytes);
    if (bytes === 'too-large') return tooLarge(ctx, maxBytes);
    if (bytes === 'aborted') return answer(ctx, 400, 'BadRequestError', 'Le formulaire n’a pas été reçu en entier.');
    // Nothing is left to read: strapi::body (koa-body) sees a request without a body.
    delete ctx.req.headers['content-length'];
    delete ctx.req.headers['transfer-encoding'];

    if (bytes.length === 0) return answer(ctx, 400, 'ValidationError', 'Le formulaire est vide.');
    if (!isUtf8(bytes)) {
      return answer(ctx, 400, 'ValidationError', 'Le formulaire contient des caractères illisibles (UTF-8 invalide).');
    }
    let body: unknown;
    if (htmlForm) {
      const fields = fromHtmlForm(bytes.toString('utf8'));
      if (!fields)
        return answer(ctx, 400, 'ValidationError', 'Le formulaire contient un champ en double, ou trop de champs.');
      ctx.state[BODY_STATE] = fields;
      return next();
    }
    try {
      body = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      return answer(ctx, 400, 'ValidationError', 'Le formulaire n’est pas du JSON valide.');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return answer(ctx, 400, 'ValidationError', 'Le formulaire doit être un objet JSON ({ "champ": valeur, … }).');
    }
    if (tooComplex(body)) {
      return answer(ctx, 400, 'ValidationError', 'Le formulaire est trop imbriqué ou compte trop de valeurs.');
    }
    ctx.state[BODY_STATE] = body;
    return next();
  };
