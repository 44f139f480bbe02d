import { isFetchError } from '@strapi/strapi/admin';

/** The server's French message for the first field at fault, else its message, else the page's own. */
export function messageOf(error: unknown, fallback: string): string {
  if (isFetchError(error)) {
    const details = error.response?.data?.error?.details as { errors?: { message: string }[] } | undefined;
    return details?.errors?.[0]?.message ?? error.response?.data?.error?.message ?? fallback;
  }
  return fallback;
}
