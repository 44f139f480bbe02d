import { createServiceGetter } from '@csc/plugin-core/toolkit';
import { PLUGIN_ID } from '../../../shared/permissions';
import type services from '../services';

export const getService = createServiceGetter<typeof services>(PLUGIN_ID);
