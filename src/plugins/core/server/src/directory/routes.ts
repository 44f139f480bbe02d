import { directoryExportRoutes } from './export/routes';

/** Public, read-only routes of the directory and agenda, spread into `routes/content-api.ts`. */
const publicRead = (path: string, handler: string) => ({
  method: 'GET' as const,
  path,
  handler: `directory.${handler}`,
  config: { auth: false as const },
});

export const directoryContentApiRoutes = [
  publicRead('/directory/structures', 'structures'),
  publicRead('/directory/services', 'services'),
  publicRead('/directory/events', 'events'),
  publicRead('/directory/events.ics', 'calendar'),
  publicRead('/directory/events/:documentId/event.ics', 'eventCalendar'),
  ...directoryExportRoutes,
];
