import type { Core } from '@strapi/strapi';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;

/** The one typed way to reach a service of this plugin. */
export function getService<Name extends ServiceName>(strapi: Core.Strapi, name: Name): ReturnType<Services[Name]> {
  return strapi.plugin('core').service(name) as ReturnType<Services[Name]>;
}
