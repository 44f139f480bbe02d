import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { DIRECTORY_EXPORTS, type DirectoryExportName } from '../../../../shared/contracts/directory-export';
import { getService } from '../../utils/get-service';
import { parseOrThrow } from '../../utils/validation-error';
import { exportQuery } from './query';

const CONTENT_TYPES = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8; header=present' };

/** `GET /api/core/directory/export/…`: one action per file, streamed batch by batch. */
const createDirectoryExportController = ({ strapi }: { strapi: Core.Strapi }) => {
  const send = async (ctx: Context, name: DirectoryExportName) => {
    const query = parseOrThrow(exportQuery, ctx.query);
    const service = getService(strapi, 'directoryExport');
    if (query.centre && !(await service.centreExists(query.centre))) {
      throw new errors.ValidationError('Aucun centre ne porte cet identifiant.', {
        errors: [{ path: ['centre'], message: 'Aucun centre ne porte cet identifiant.', name: 'ValidationError' }],
      });
    }
    const chunks = service.file(name, query);
    // The first chunk holds the first read: a failing database is still an error response, not a cut file.
    const first = await chunks.next();
    const { filename, format } = DIRECTORY_EXPORTS[name];
    ctx.set('Content-Type', CONTENT_TYPES[format]);
    ctx.set(
      'Content-Disposition',
      `attachment; filename="${filename}${query.centre ? `-${query.centre}` : ''}.${format}"`,
    );
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = Readable.from(
      (async function* rest() {
        if (!first.done) yield first.value;
        yield* chunks;
      })(),
    );
  };

  return {
    dataInclusionStructuresJson: (ctx: Context) => send(ctx, 'data-inclusion-structures-json'),
    dataInclusionStructuresCsv: (ctx: Context) => send(ctx, 'data-inclusion-structures-csv'),
    dataInclusionServicesJson: (ctx: Context) => send(ctx, 'data-inclusion-services-json'),
    dataInclusionServicesCsv: (ctx: Context) => send(ctx, 'data-inclusion-services-csv'),
    mediationNumeriqueCsv: (ctx: Context) => send(ctx, 'mediation-numerique-csv'),
  };
};

export default createDirectoryExportController;
