import type { AgendaFilter } from './content';

export { calendarOf, calendarResponse } from '@csc/site-shared/lib/calendar';

/** Where a feed is: the compass's whole agenda, or one filter value's (`agenda/public/0-3-ans/agenda.ics`). */
export const feedPath = (filter?: Pick<AgendaFilter, 'path'>) => (filter ? `${filter.path}agenda.ics` : 'agenda.ics');

export const feedLabel = (filter?: Pick<AgendaFilter, 'label'>) =>
  filter ? `S’abonner aux événements « ${filter.label} »` : 'S’abonner à l’agenda de la boussole';
