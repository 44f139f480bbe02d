/** The French messages of a Strapi 400, by field (`''` for the whole form). */
export function fieldErrors(error: unknown): Record<string, string> {
  const details = (
    error as {
      response?: {
        data?: { error?: { message?: string; details?: { errors?: { path: string[]; message: string }[] } } };
      };
    }
  )?.response?.data?.error;
  const found: Record<string, string> = {};
  for (const item of details?.details?.errors ?? []) {
    const field = item.path[0] ?? '';
    if (!found[field]) found[field] = item.message;
  }
  if (Object.keys(found).length === 0 && details?.message) found[''] = details.message;
  return found;
}
