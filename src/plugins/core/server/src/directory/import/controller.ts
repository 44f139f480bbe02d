import { promises as fs } from 'node:fs';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { getService } from '../../utils/get-service';
import { assertImportSize } from './read-file';
import type { UploadedFile } from './service';

interface MultipartFile {
  filepath?: string;
  path?: string;
  originalFilename?: string | null;
  name?: string | null;
  size?: number;
}

/** The uploaded files (field `file` only), read into memory and removed from the temporary folder. */
async function uploadedFiles(ctx: Context): Promise<UploadedFile[]> {
  const files = ((ctx.request as { files?: Record<string, MultipartFile | MultipartFile[]> }).files ?? {}) as Record<
    string,
    MultipartFile | MultipartFile[]
  >;
  const all = Object.values(files).flat();
  try {
    const unknown = Object.keys(files).filter((key) => key !== 'file');
    if (unknown.length > 0) {
      throw new errors.ValidationError(`Paramètre inconnu : ${unknown.join(', ').slice(0, 100)}.`);
    }
    // Refused before reading: nothing larger than the limit is loaded into memory.
    assertImportSize(all.reduce((sum, file) => sum + (file.size ?? 0), 0));
    // Files arrive in whatever order the upload finished writing them: by name, reports are stable.
    const list = all
      .slice(0, 3)
      .sort((a, b) => String(a.originalFilename ?? '').localeCompare(String(b.originalFilename ?? '')));
    return await Promise.all(
      list.map(async (file) => ({
        name: (file.originalFilename ?? file.name ?? 'fichier').slice(0, 120),
        bytes: await fs.readFile(String(file.filepath ?? file.path)),
      })),
    );
  } finally {
    await Promise.all(
      all.map((file) => fs.rm(String(file.filepath ?? file.path), { force: true }).catch(() => undefined)),
    );
  }
}

const createDirectoryImportController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /core/directory/import/centres` */
  async centres(ctx: Context) {
    ctx.body = await getService(strapi, 'directoryImport').centres(ctx.state.user);
  },

  /** `POST /core/directory/import/columns` (multipart) */
  async columns(ctx: Context) {
    const files = await uploadedFiles(ctx);
    ctx.body = getService(strapi, 'directoryImport').columns(ctx.request.body, files);
  },

  /** `POST /core/directory/import` (multipart) */
  async run(ctx: Context) {
    const files = await uploadedFiles(ctx);
    ctx.body = await getService(strapi, 'directoryImport').run(ctx.state.user, ctx.request.body, files);
  },
});

export default createDirectoryImportController;
