/**
 * Server-side helpers every product plugin uses, so that none writes its own:
 * `import { createServiceGetter } from '@csc/plugin-core/toolkit'`.
 */
import type { Core } from '@strapi/strapi';

type ServiceFactories = Record<string, (context: { strapi: Core.Strapi }) => unknown>;

/** The one typed way to reach a plugin's services: `getService(strapi, 'health').check()`. */
export function createServiceGetter<Services extends ServiceFactories>(pluginId: string) {
  return <Name extends keyof Services & string>(strapi: Core.Strapi, name: Name): ReturnType<Services[Name]> =>
    strapi.plugin(pluginId).service(name) as ReturnType<Services[Name]>;
}

/**
 * Declares a plugin's admin RBAC actions (shown under "Plugins" in Settings › Roles), from
 * the plugin's ACTIONS constant: `{ 'plugin::<id>.<uid>': 'Nom affiché' }`.
 */
export async function registerAdminActions(
  strapi: Core.Strapi,
  pluginId: string,
  actions: Record<string, string>,
): Promise<void> {
  const prefix = `plugin::${pluginId}.`;
  await strapi.admin.services.permission.actionProvider.registerMany(
    Object.entries(actions).map(([id, displayName]) => {
      if (!id.startsWith(prefix)) throw new Error(`${id} is not an action of plugin ${pluginId}`);
      return { section: 'plugins', pluginName: pluginId, uid: id.slice(prefix.length), displayName };
    }),
  );
}
