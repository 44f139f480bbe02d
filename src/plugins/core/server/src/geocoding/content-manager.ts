import type { Core } from '@strapi/strapi';
import { CENTRE_UID } from '../../../shared/permissions';

interface EditMetadata {
  edit?: { editable?: boolean };
}

/** A centre's coordinates are shown in the content manager but not editable: they follow the address. */
export async function lockCoordinateFields(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const contentType = strapi.contentTypes[CENTRE_UID as keyof typeof strapi.contentTypes];
  const configuration = (await contentTypes.findConfiguration(contentType)) as {
    settings: unknown;
    layouts: unknown;
    metadatas: Record<string, EditMetadata>;
  };
  let changed = false;
  for (const field of ['latitude', 'longitude']) {
    const edit = configuration.metadatas[field]?.edit;
    if (edit && edit.editable !== false) {
      edit.editable = false;
      changed = true;
    }
  }
  if (changed) {
    const { settings, layouts, metadatas } = configuration;
    await contentTypes.updateConfiguration(contentType, { settings, layouts, metadatas });
  }
}
