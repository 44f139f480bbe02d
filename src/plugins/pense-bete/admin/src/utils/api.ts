import { isFetchError } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';

/** Where the plugin's pages live in the admin panel, and where its API answers. */
export const PAGES = `/plugins/${PLUGIN_ID}`;
export const API = `/${PLUGIN_ID}`;

/** Shared by every product's forms: kept here under their old names for this plugin's pages. */
export { problemOf, type Problem } from '@csc/plugin-core/admin-toolkit';

export const isNotFound = (error: unknown) => isFetchError(error) && error.status === 404;
