import { isUtf8 } from 'node:buffer';
import type { Context } from 'koa';
import { DRAIN_LIMIT, readLimited } from '../public-forms/body';

export type FormPost = { ok: true; fields: URLSearchParams } | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * Reads a form as a browser without JavaScript sends it (`application/x-www-form-urlencoded`,
 * UTF-8), with the same byte limit as the form's JSON route: refused from the declared length
 * before reading, or as soon as a chunked body passes it.
 */
export async function readFormPost(ctx: Context, maxBytes: number): Promise<FormPost> {
  const tooLarge = {
    ok: false as const,
    status: 413 as const,
    message: `Le formulaire est trop long (${Math.floor(maxBytes / 1024) || 1} Ko au plus) : raccourcissez votre texte, puis envoyez-le à nouveau.`,
  };
  if (!ctx.is('application/x-www-form-urlencoded')) {
    return {
      ok: false,
      status: 415,
      message: 'Ce formulaire s’envoie depuis sa page : ouvrez-la et envoyez-le à nouveau.',
    };
  }
  const charset = ctx.request.charset;
  const encoding = ctx.get('Content-Encoding');
  if ((charset && !/^utf-?8$/i.test(charset)) || (encoding && encoding.toLowerCase() !== 'identity')) {
    return {
      ok: false,
      status: 415,
      message: 'Ce formulaire n’a pas pu être lu : envoyez-le à nouveau depuis sa page.',
    };
  }
  const declared = ctx.request.length;
  if (declared !== undefined && declared > maxBytes) {
    if (declared > DRAIN_LIMIT) ctx.set('Connection', 'close');
    return tooLarge;
  }
  const bytes = await readLimited(ctx, maxBytes);
  if (bytes === 'too-large') {
    ctx.set('Connection', 'close');
    return tooLarge;
  }
  if (bytes === 'aborted' || !isUtf8(bytes)) {
    return { ok: false, status: 400, message: 'Le formulaire n’a pas été reçu en entier : envoyez-le à nouveau.' };
  }
  return { ok: true, fields: new URLSearchParams(bytes.toString('utf8')) };
}
