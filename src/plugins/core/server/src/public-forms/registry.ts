import type { Core } from '@strapi/strapi';
import {
  PUBLIC_FORM_BODY_MIDDLEWARE,
  PUBLIC_FORM_MIDDLEWARE,
  type PublicFormDefinition,
} from '../../../toolkit/public-forms';

export interface PublicFormEntry {
  method: string;
  /** Full path as served, e.g. /api/belo/idees/:id/signalements. */
  path: string;
  pattern: RegExp;
  form: PublicFormDefinition;
}

interface RouteLike {
  method: string;
  path: string;
  config?: { auth?: unknown; prefix?: string; middlewares?: unknown[]; notAForm?: string };
}

interface RouterLike {
  type?: string;
  prefix?: string;
  routes?: RouteLike[];
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function formOf(route: RouteLike): PublicFormDefinition | null {
  for (const item of route.config?.middlewares ?? []) {
    if (item && typeof item === 'object' && (item as { name?: string }).name === PUBLIC_FORM_MIDDLEWARE) {
      return (item as { config: PublicFormDefinition }).config;
    }
  }
  return null;
}

/** The router's own matching, for paths made of /segments and :params (case-insensitive, optional final slash). */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`, 'i');
}

interface RouterGroup {
  /** Whether a route of this group is ours (local plugin or app API), to warn about unguarded ones. */
  local: boolean;
  /** Prefix of the group's routes, API prefix included. */
  prefix: string;
  routes: RouteLike[];
}

function contentApiRouters(strapi: Core.Strapi, apiPrefix: string): RouterGroup[] {
  const localPlugins = new Set((strapi.config.get('plugin::core.localPlugins') as string[] | undefined) ?? []);
  const found: RouterGroup[] = [];
  for (const [name, plugin] of Object.entries(strapi.plugins)) {
    const routers = (plugin as { routes?: unknown }).routes;
    if (!routers || Array.isArray(routers)) continue;
    for (const router of Object.values(routers as Record<string, RouterLike>)) {
      if (router.type !== 'content-api') continue;
      found.push({
        local: localPlugins.has(name),
        prefix: `${apiPrefix}${router.prefix ?? `/${name}`}`,
        routes: router.routes ?? [],
      });
    }
  }
  for (const api of Object.values(strapi.apis)) {
    for (const router of Object.values(((api as { routes?: unknown }).routes ?? {}) as Record<string, RouterLike>)) {
      found.push({ local: true, prefix: `${apiPrefix}${router.prefix ?? ''}`, routes: router.routes ?? [] });
    }
  }
  return found;
}

/**
 * Which requests are public forms. Built once at bootstrap from every plugin's content-API
 * routes (those carrying the public-form middleware), so the body reader, which runs before the
 * router, knows the form and its byte limit.
 */
const createPublicFormsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let entries: PublicFormEntry[] = [];

  return {
    discover(): PublicFormEntry[] {
      const unguarded: string[] = [];
      entries = [];
      const apiPrefix = strapi.config.get('api.rest.prefix', '/api') as string;
      for (const router of contentApiRouters(strapi, apiPrefix)) {
        for (const route of router.routes) {
          const method = route.method.toUpperCase();
          // A route's own `config.prefix` replaces its plugin's, as in Strapi's route listing.
          const path =
            route.config?.prefix !== undefined
              ? `${apiPrefix}${route.config.prefix}${route.path}`
              : `${router.prefix}${route.path}`;
          const form = formOf(route);
          if (!form) {
            // `notAForm` names why a public write is no form (a provider's signed callback, say).
            if (router.local && route.config?.auth === false && !route.config?.notAForm && WRITE_METHODS.has(method))
              unguarded.push(`${method} ${path}`);
            continue;
          }
          if (route.config?.auth !== false) {
            throw new Error(`${method} ${path}: a public form route must keep auth: false (use publicFormRoute)`);
          }
          entries.push({ method, path, pattern: patternOf(path), form });
        }
      }
      if (entries.length > 0) {
        this.assertBodyReaderInstalled();
        this.assertServedAsComputed();
      }
      if (unguarded.length > 0) {
        strapi.log.warn(
          `Public write routes without the public-form guard (use publicFormRoute from @csc/plugin-core/toolkit): ${unguarded.join(', ')}`,
        );
      }
      return entries;
    },

    /** The paths computed here must be the router's own, or the body reader would miss a form. */
    assertServedAsComputed(): void {
      const layers = strapi.server.api('content-api').listRoutes() as unknown as { path: string; methods: string[] }[];
      const served = new Set(layers.flatMap((layer) => layer.methods.map((method) => `${method} ${layer.path}`)));
      for (const entry of entries) {
        if (!served.has(`${entry.method} ${entry.path}`)) {
          throw new Error(
            `Public form ${entry.form.name}: ${entry.method} ${entry.path} is not a route the router serves`,
          );
        }
      }
    },

    /** The body reader must run before strapi::body, or public forms would be parsed without limits. */
    assertBodyReaderInstalled(): void {
      const names = ((strapi.config.get('middlewares') as unknown[]) ?? []).map((item) =>
        typeof item === 'string' ? item : ((item as { name?: string })?.name ?? ''),
      );
      const reader = names.indexOf(PUBLIC_FORM_BODY_MIDDLEWARE);
      const body = names.indexOf('strapi::body');
      if (reader === -1 || (body !== -1 && reader > body)) {
        throw new Error(
          `config/middlewares.ts must list '${PUBLIC_FORM_BODY_MIDDLEWARE}' just before 'strapi::body': public forms depend on it`,
        );
      }
    },

    match(method: string, path: string): PublicFormEntry | undefined {
      if (entries.length === 0) return undefined;
      const upper = method.toUpperCase();
      return entries.find((entry) => entry.method === upper && entry.pattern.test(path));
    },

    list(): PublicFormEntry[] {
      return [...entries];
    },
  };
};

export type PublicFormsService = ReturnType<typeof createPublicFormsService>;
export default createPublicFormsService;
