import { z } from 'zod';
import { UNKNOWN_PARAMETER } from '../../utils/list-query';
import { directoryQuery } from '../query';

/** Exports take only the centre: a file is the whole published directory, or one centre's part. */
export const exportQuery = z.strictObject({ centre: directoryQuery.shape.centre }, UNKNOWN_PARAMETER);
