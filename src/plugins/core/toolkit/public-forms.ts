/**
 * Public forms: the one way a product exposes a write endpoint to visitors without an account.
 *
 *   routes: [publicFormRoute({ path: '/demandes', handler: 'request.submit', schema: requestSchema,
 *     limits: { perAddress: { max: 5, windowSeconds: 3600 },
 *               perTarget: { key: (data) => data.email, max: 3, windowSeconds: 86400 } } })]
 *
 * Core's `public-form-body` middleware reads the body (size limit before reading, strict UTF-8,
 * JSON object, bounded depth); the route's `public-form` middleware then counts the visitor's
 * address, drops honeypot submissions, cleans every text, validates with the schema (French
 * message per field) and counts the target. The controller receives clean, typed data.
 */
import type { z } from 'zod';

export const PUBLIC_FORM_MIDDLEWARE = 'plugin::core.public-form';
export const PUBLIC_FORM_BODY_MIDDLEWARE = 'plugin::core.public-form-body';

/** Key of `ctx.state` where the guard leaves the validated data. */
export const PUBLIC_FORM_STATE = 'publicForm';

export const DEFAULT_MAX_BYTES = 16 * 1024;
export const MAX_MAX_BYTES = 1024 * 1024;
export const DEFAULT_HONEYPOT = 'homepage';
export const DEFAULT_PER_ADDRESS: RateLimit = { max: 20, windowSeconds: 3600 };
const MAX_WINDOW_SECONDS = 7 * 24 * 3600;

export interface RateLimit {
  /** Submissions allowed in one window. */
  max: number;
  windowSeconds: number;
  /** French message of the 429; `{delay}` is replaced by "5 minutes", "2 heures"… */
  message?: string;
}

export type TargetKey = string | number | null | undefined;

export interface TargetRateLimit<Data> extends RateLimit {
  /**
   * What the submission is about: an e-mail address (`(data) => data.email`), an item's id
   * from the path (`(_data, { params }) => params.id`)… Several keys count
   * separately; none (null, undefined, '') skips the count. Strings are compared trimmed and
   * lower-cased, and only their keyed hash is stored.
   */
  key: (data: Data, request: { params: Record<string, string> }) => TargetKey | TargetKey[];
}

export interface PublicFormAnswer {
  status: number;
  body: unknown;
}

/** What a public form answers when it accepted a submission (and what a honeypot hit gets). */
export const ACCEPTED_ANSWER: PublicFormAnswer = { status: 202, body: { data: { received: true } } };

export interface PublicFormOptions<Schema extends z.ZodType> {
  method?: 'POST' | 'PUT' | 'PATCH';
  /** Path inside the plugin, e.g. `/demandes` or `/offres/:id/signalements`. */
  path: string;
  /** `<controller>.<action>` of the plugin, as for any route. */
  handler: string;
  /** A zod schema, `.strict()` objects, with French messages where the defaults are not enough. */
  schema: Schema;
  /** Name of the counters; routes sharing a name share their counters. Defaults to the handler. */
  name?: string;
  /** Largest accepted body in bytes (default 16 KiB, at most 1 MiB). */
  maxBytes?: number;
  /**
   * Field that people never see (hidden by CSS) and bots fill; `false` turns it off. Default
   * `homepage`. It is removed before validation, so the schema does not declare it.
   */
  honeypot?: string | false;
  limits?: {
    /** Per visitor address (IPv6 per /64). Default 20 per hour. */
    perAddress?: RateLimit;
    /** Per what the submission is about, counted once the data is valid. */
    perTarget?: TargetRateLimit<z.infer<Schema>>;
  };
  /** Answer to a honeypot hit; must look like the handler's own success. Default 202 `{ data: { received: true } }`. */
  accepted?: PublicFormAnswer;
  /**
   * Also accept `application/x-www-form-urlencoded`, what a plain HTML form posts (pages that
   * must work without JavaScript): every field is a string; a field sent twice is refused.
   */
  htmlForm?: boolean;
}

/** What the route middleware receives; built once when the routes file loads. */
export interface PublicFormDefinition {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  schema: z.ZodType;
  maxBytes: number;
  honeypot: string | null;
  perAddress: RateLimit;
  perTarget: TargetRateLimit<unknown> | null;
  accepted: PublicFormAnswer;
  htmlForm?: boolean;
}

export interface PublicFormRouteConfig {
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  handler: string;
  config: {
    auth: false;
    middlewares: [{ name: typeof PUBLIC_FORM_MIDDLEWARE; config: PublicFormDefinition }];
  };
}

function checkLimit(where: string, limit: RateLimit): RateLimit {
  if (!Number.isInteger(limit.max) || limit.max < 1) throw new Error(`${where}.max must be a whole number ≥ 1`);
  if (!Number.isInteger(limit.windowSeconds) || limit.windowSeconds < 1 || limit.windowSeconds > MAX_WINDOW_SECONDS) {
    throw new Error(`${where}.windowSeconds must be a whole number between 1 and ${MAX_WINDOW_SECONDS}`);
  }
  return limit;
}

function shapeKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

/**
 * A content-API route open to visitors (`auth: false`) behind the public-form guard. Mistakes in
 * the options stop the boot with a message naming the route.
 */
export function publicFormRoute<Schema extends z.ZodType>(options: PublicFormOptions<Schema>): PublicFormRouteConfig {
  const method = options.method ?? 'POST';
  const where = `publicFormRoute ${method} ${options.path}`;
  if (!/^\/[A-Za-z0-9\-_/:.]*$/.test(options.path) || /:(?![A-Za-z_])/.test(options.path)) {
    throw new Error(`${where}: a path is made of /segments and :params only`);
  }
  if (!/^[\w-]+\.[\w-]+$/.test(options.handler)) throw new Error(`${where}: handler must be "<controller>.<action>"`);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes < 64 || maxBytes > MAX_MAX_BYTES) {
    throw new Error(`${where}: maxBytes must be between 64 and ${MAX_MAX_BYTES}`);
  }
  const honeypot = options.honeypot === false ? null : (options.honeypot ?? DEFAULT_HONEYPOT);
  if (honeypot !== null && shapeKeys(options.schema).includes(honeypot)) {
    throw new Error(`${where}: the schema declares "${honeypot}", which is the honeypot; choose another honeypot name`);
  }
  const perAddress = checkLimit(`${where} limits.perAddress`, options.limits?.perAddress ?? DEFAULT_PER_ADDRESS);
  const perTarget = options.limits?.perTarget
    ? (checkLimit(`${where} limits.perTarget`, options.limits.perTarget) as TargetRateLimit<unknown>)
    : null;
  if (perTarget && typeof perTarget.key !== 'function') throw new Error(`${where}: limits.perTarget.key is a function`);
  const form: PublicFormDefinition = {
    name: options.name ?? options.handler,
    method,
    path: options.path,
    schema: options.schema,
    maxBytes,
    honeypot,
    perAddress,
    perTarget,
    accepted: options.accepted ?? ACCEPTED_ANSWER,
    ...(options.htmlForm ? { htmlForm: true } : {}),
  };
  return {
    method,
    path: options.path,
    handler: options.handler,
    config: { auth: false, middlewares: [{ name: PUBLIC_FORM_MIDDLEWARE, config: form }] },
  };
}

interface ContextLike {
  state: Record<string, unknown>;
  status: number;
  body: unknown;
}

/** The validated, cleaned data of the current public form, typed by its schema. */
export function publicFormData<Schema extends z.ZodType>(ctx: ContextLike, _schema?: Schema): z.infer<Schema> {
  const state = ctx.state[PUBLIC_FORM_STATE] as { data: z.infer<Schema> } | undefined;
  if (!state) throw new Error('publicFormData: this route is not a publicFormRoute');
  return state.data;
}

/** Answers like every public form does on success (and like a honeypot hit does). */
export function answerAccepted(ctx: ContextLike): void {
  ctx.status = ACCEPTED_ANSWER.status;
  ctx.body = ACCEPTED_ANSWER.body;
}

/** The checks of a public form route, for a page that takes the same form (see `checkSubmission`). */
export function publicFormDefinition(route: PublicFormRouteConfig): PublicFormDefinition {
  return route.config.middlewares[0].config;
}
