import structure from './content-types/structure';
import service from './content-types/service';
import place from './content-types/place';
import event from './content-types/event';

/** Registered in `content-types/index.ts`. */
export const directoryContentTypes = { structure, service, place, event };
