import type { Core } from '@strapi/strapi';
import type { AuditActorType } from '../../../shared/contracts/audit';

export interface Actor {
  type: AuditActorType;
  id: string | null;
}

/** Who is behind the current request: staff (admin panel), a member (partner, resident), the public. */
export function actorOfRequest(strapi: Core.Strapi): Actor {
  const ctx = strapi.requestContext.get() as
    { state?: { user?: { id?: number | string }; auth?: { strategy?: { name?: string } } } } | undefined;
  if (!ctx) return { type: 'system', id: null };
  const strategy = ctx.state?.auth?.strategy?.name;
  const id = ctx.state?.user?.id !== undefined ? String(ctx.state.user.id) : null;
  if (strategy === 'admin') return { type: 'staff', id };
  if (strategy === 'users-permissions') return { type: 'member', id };
  if (strategy === 'api-token') return { type: 'system', id: null };
  return { type: 'public', id: null };
}
