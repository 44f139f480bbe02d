import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { markup } from './html';
import { renderPublicPage, type PublicPageContent } from './layout';
import { PUBLIC_PAGES_PREFIX } from '../../../shared/contracts/public-pages';

// Every public page lives under this path, outside the JSON API.
export { PUBLIC_PAGES_PREFIX };

export interface PublicPageRoute {
  method: 'GET' | 'POST';
  /** Path under /formulaires, made of /segments and :params: `/:centre/proposer-une-structure`. */
  path: string;
  handler: (ctx: Context, params: Record<string, string>) => Promise<void>;
}

interface CompiledRoute extends PublicPageRoute {
  pattern: RegExp;
  names: string[];
}

function compile(route: PublicPageRoute): CompiledRoute {
  if (!/^(\/(:[a-z][A-Za-z0-9_]*|[a-z0-9-]+))+$/.test(route.path)) {
    throw new Error(`public page ${route.method} ${route.path}: a path is made of /segments and :params only`);
  }
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment;
      names.push(segment.slice(1));
      return '([^/]{1,300})';
    })
    .join('/');
  return { ...route, names, pattern: new RegExp(`^${PUBLIC_PAGES_PREFIX}${source}/?$`) };
}

/**
 * Headers of every page: no script may run (the pages have none), nothing is cached (a form
 * may hold a link's token or what someone typed), and the address — which may carry a
 * correction link's token — is not sent to other sites.
 */
function secure(ctx: Context): void {
  ctx.set(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('Cache-Control', 'no-store');
}

/** Answers with a whole page. */
export function sendPage(ctx: Context, status: number, page: PublicPageContent): void {
  secure(ctx);
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = renderPublicPage(page);
}

/** A page that only says something (errors, confirmations). */
export function sendMessagePage(
  ctx: Context,
  status: number,
  page: Omit<PublicPageContent, 'body'> & { paragraphs: string[] },
): void {
  sendPage(ctx, status, {
    title: page.title,
    centre: page.centre,
    body: markup`${page.paragraphs.map((text) => markup`<p>${text}</p>`)}`,
  });
}

/**
 * Server-rendered public pages (forms residents open from a site or an e-mail). Core installs
 * one middleware ahead of Strapi's own (register), so these pages read their body themselves
 * and never reach the JSON API's error handling; plugins add their pages with `add`.
 */
const createPublicPagesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const routes: CompiledRoute[] = [];

  return {
    add(pages: PublicPageRoute[]): void {
      for (const page of pages) routes.push(compile(page));
    },

    middleware() {
      return async (ctx: Context, next: Next) => {
        if (ctx.path !== PUBLIC_PAGES_PREFIX && !ctx.path.startsWith(`${PUBLIC_PAGES_PREFIX}/`)) return next();
        const method = ctx.method === 'HEAD' ? 'GET' : ctx.method;
        let found: { route: CompiledRoute; match: RegExpExecArray } | null = null;
        let otherMethod = false;
        for (const route of routes) {
          const match = route.pattern.exec(ctx.path);
          if (!match) continue;
          if (route.method === method) {
            found = { route, match };
            break;
          }
          otherMethod = true;
        }
        if (!found) {
          if (otherMethod) ctx.set('Allow', 'GET, POST');
          return sendMessagePage(ctx, otherMethod ? 405 : 404, {
            title: 'Page introuvable',
            paragraphs: ['Cette page n’existe pas. Vérifiez l’adresse, ou revenez au site du centre.'],
          });
        }
        const params: Record<string, string> = {};
        try {
          found.route.names.forEach((name, index) => {
            params[name] = decodeURIComponent(found.match[index + 1]);
          });
        } catch {
          return sendMessagePage(ctx, 404, {
            title: 'Page introuvable',
            paragraphs: ['Cette adresse est mal formée. Vérifiez-la, ou revenez au site du centre.'],
          });
        }
        try {
          await found.route.handler(ctx, params);
        } catch (error) {
          // These pages run ahead of strapi::errors: nothing unexpected may leave them as a bare 500.
          // The name only: a message may quote what was typed.
          strapi.log.error(`Public page ${method} ${found.route.path} failed: ${(error as Error).name}`);
          sendMessagePage(ctx, 500, {
            title: 'Un problème est survenu',
            paragraphs: [
              'Votre demande n’a pas pu être traitée, à cause d’un problème de notre côté. Réessayez dans quelques minutes.',
            ],
          });
        }
      };
    },
  };
};

export type PublicPagesService = ReturnType<typeof createPublicPagesService>;
export default createPublicPagesService;
