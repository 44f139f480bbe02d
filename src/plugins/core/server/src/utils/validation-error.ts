import { errors } from '@strapi/utils';
import type { z } from 'zod';

/** Strapi's 400 shape with one French message per field, from a failed zod parse. */
export function toValidationError(error: z.ZodError): InstanceType<typeof errors.ValidationError> {
  const fieldErrors = error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
    name: 'ValidationError',
    value: undefined,
  }));
  const message = fieldErrors.length === 1 ? fieldErrors[0].message : `${fieldErrors.length} champs sont à corriger.`;
  return new errors.ValidationError(message, { errors: fieldErrors });
}

/** Parses or throws that 400. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw toValidationError(result.error);
  return result.data;
}
