import { z } from 'zod';
import type { HealthResponse } from '@csc/plugin-core/shared';

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'error']),
    database: z.enum(['sqlite', 'postgres']),
    plugins: z.array(z.string()),
  })
  .strict();

// The schema and the server's contract must describe the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const healthSchemaMatchesContract: Same<z.infer<typeof healthSchema>, HealthResponse> = true;
