import { open, readFile } from 'node:fs/promises';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';

/** A CV is a PDF of at most this size: enough for a few scanned pages. */
export const CV_MAX_BYTES = 2 * 1024 * 1024;
const PDF_MAGIC = Buffer.from('%PDF-');

interface UploadedFile {
  filepath: string;
  size: number;
  originalFilename?: string | null;
}

const cvError = (message: string) =>
  new errors.ValidationError(message, { errors: [{ path: ['cv'], message, name: 'ValidationError' }] });

/**
 * The one PDF of a multipart request (field `cv`), checked by its first bytes rather than by its
 * name or declared type, which the sender chooses.
 */
export async function readCv(ctx: Context): Promise<{ fileName: string; bytes: Buffer }> {
  const files = (ctx.request as unknown as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {};
  const fields = Object.keys((ctx.request.body as Record<string, unknown> | undefined) ?? {});
  const unknown = [...Object.keys(files).filter((name) => name !== 'cv'), ...fields];
  if (unknown.length > 0) {
    const message = `Champ inconnu : ${unknown.join(', ')}.`;
    throw new errors.ValidationError(message, { errors: [{ path: [], message, name: 'ValidationError' }] });
  }
  const file = files.cv;
  if (!file) throw cvError('Joignez votre CV, en PDF.');
  if (Array.isArray(file)) throw cvError('Un seul CV à la fois.');
  if (file.size > CV_MAX_BYTES)
    throw cvError('Le CV pèse 2 Mo au plus : réduisez-le ou enregistrez-le en PDF plus léger.');
  if (file.size === 0) throw cvError('Ce fichier est vide.');
  const handle = await open(file.filepath, 'r');
  const head = Buffer.alloc(PDF_MAGIC.length);
  try {
    await handle.read(head, 0, PDF_MAGIC.length, 0);
  } finally {
    await handle.close();
  }
  if (!head.equals(PDF_MAGIC)) throw cvError('Ce fichier n’est pas un PDF : enregistrez votre CV au format PDF.');
  const name = (file.originalFilename ?? 'cv.pdf').replace(/[^\p{L}\p{N} ._-]/gu, '').slice(0, 100) || 'cv.pdf';
  return { fileName: name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`, bytes: await readFile(file.filepath) };
}

/** Sends a stored CV as a download, never shown inline nor cached. */
export function sendCv(ctx: Context, cv: { fileName: string; data: string }): void {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Type', 'application/pdf');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Disposition', `attachment; filename="cv.pdf"; filename*=UTF-8''${encodeURIComponent(cv.fileName)}`);
  ctx.body = Buffer.from(cv.data, 'base64');
}
