import { z } from 'zod';

export type BanAnswer =
  | { kind: 'found'; latitude: number; longitude: number; label: string; score: number; citycode: string | null }
  | { kind: 'none' }
  | { kind: 'rejected' }
  | { kind: 'unavailable'; reason: string };

const MAX_RESPONSE_BYTES = 512 * 1024;

const featureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      geometry: z.object({
        type: z.literal('Point'),
        coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number()),
      }),
      properties: z.object({
        label: z.string().max(300),
        score: z.number().min(0).max(1),
        citycode: z.string().max(10).optional(),
      }),
    }),
  ),
});

/**
 * One question to the Base Adresse Nationale: `GET {base}/search/?q=…&limit=1`, a GeoJSON
 * FeatureCollection back. Everything that is not a clear answer within the timeout (network
 * error, 5xx, 429, unreadable JSON) is "unavailable"; a 400 means the BAN refused the query.
 */
export async function searchBan(baseUrl: string, query: string, timeoutMs: number): Promise<BanAnswer> {
  const url = `${baseUrl}/search/?${new URLSearchParams({ q: query, limit: '1' }).toString()}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
    });
  } catch (error) {
    const name = (error as Error).name;
    return { kind: 'unavailable', reason: name === 'TimeoutError' ? 'timeout' : 'network error' };
  }
  if (response.status === 400) {
    await response.body?.cancel();
    return { kind: 'rejected' };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { kind: 'unavailable', reason: `HTTP ${response.status}` };
  }
  let json: unknown;
  try {
    const text = await response.text();
    if (text.length > MAX_RESPONSE_BYTES) return { kind: 'unavailable', reason: 'response too large' };
    json = JSON.parse(text);
  } catch (error) {
    return {
      kind: 'unavailable',
      reason: (error as Error).name === 'TimeoutError' ? 'timeout' : 'unreadable response',
    };
  }
  const parsed = featureCollection.safeParse(json);
  if (!parsed.success) return { kind: 'unavailable', reason: 'unexpected response' };
  const feature = parsed.data.features[0];
  if (!feature) return { kind: 'none' };
  const [longitude, latitude] = feature.geometry.coordinates;
  return {
    kind: 'found',
    latitude,
    longitude,
    label: feature.properties.label,
    score: feature.properties.score,
    citycode: feature.properties.citycode ?? null,
  };
}
