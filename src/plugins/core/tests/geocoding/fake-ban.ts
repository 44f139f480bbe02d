import http from 'node:http';

/**
 * A Base Adresse Nationale on loopback: `GET /search/?q=…&limit=1` answers a GeoJSON
 * FeatureCollection. What it answers depends on words in the query, so each test picks a case
 * by the address it types; it counts every call so tests can tell a cache hit from a miss.
 */
export interface FakeBan {
  url: string;
  calls: string[];
  /** Calls whose query contains `text` (case-insensitive). */
  callsFor(text: string): number;
  /** Every query answers 503 while down. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

const feature = (label: string, score: number, longitude: number, latitude: number, citycode: string) => ({
  type: 'FeatureCollection',
  version: 'draft',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [longitude, latitude] },
      properties: { label, score, citycode, type: 'housenumber', city: 'Lille', postcode: '59000' },
    },
  ],
  attribution: 'BAN',
  licence: 'ETALAB-2.0',
  limit: 1,
});

export async function startFakeBan(): Promise<FakeBan> {
  const calls: string[] = [];
  const hanging = new Set<http.ServerResponse>();
  let down = false;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const query = url.searchParams.get('q') ?? '';
    calls.push(query);
    const text = query.toLowerCase();
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname !== '/search/' || url.searchParams.get('limit') !== '1')
      return json(404, { message: 'not found' });
    if (down || text.includes('panne')) return json(503, { message: 'Service Unavailable' });
    if (text.includes('lente')) {
      hanging.add(response);
      return undefined;
    }
    if (text.includes('introuvable')) return json(200, { type: 'FeatureCollection', features: [] });
    if (text.includes('incertaine'))
      return json(200, feature('Rue Incertaine 59000 Lille', 0.31, 3.05, 50.62, '59350'));
    if (text.includes('tilleuls'))
      return json(200, feature('3 Rue des Tilleuls 59800 Lille', 0.88, 3.07, 50.64, '59350'));
    return json(200, feature('12 Rue des Écoles 59000 Lille', 0.93, 3.0586, 50.6311, '59350'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    setDown: (value) => {
      down = value;
    },
    callsFor: (text) => calls.filter((query) => query.toLowerCase().includes(text.toLowerCase())).length,
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
