import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CmsContractError, CmsRequestError, createCmsClient } from '.';

/** A real HTTP server on loopback that answers what each test sets. */
let answer: { status: number; body: string; type?: string } = { status: 200, body: '{}' };
const asked: string[] = [];
const server = http.createServer((request, response) => {
  asked.push(request.url ?? '');
  const page = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('page') ?? 1);
  response.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' });
  response.end(answer.body.replace(/"PAGE"/g, String(page)));
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('CMS client', () => {
  it('returns a health report that matches the contract', async () => {
    answer = { status: 200, body: JSON.stringify({ status: 'ok', database: 'postgres', plugins: ['core'] }) };
    await expect(createCmsClient({ baseUrl }).health()).resolves.toEqual({
      status: 'ok',
      database: 'postgres',
      plugins: ['core'],
    });
  });

  it('returns the report of an unhealthy CMS instead of throwing it away', async () => {
    answer = { status: 503, body: JSON.stringify({ status: 'error', database: 'sqlite', plugins: [] }) };
    await expect(createCmsClient({ baseUrl }).health()).resolves.toMatchObject({ status: 'error' });
  });

  it('stops the build with the field at fault when the CMS answer changed shape', async () => {
    answer = { status: 200, body: JSON.stringify({ status: 'ok', database: 'mysql', plugins: 'core', version: '5' }) };
    const error = await createCmsClient({ baseUrl })
      .health()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CmsContractError);
    const message = (error as Error).message;
    expect(message).toContain('/api/core/health');
    expect(message).toMatch(/database: /);
    expect(message).toMatch(/plugins: /);
    expect(message).toMatch(/version/);
    expect(message).not.toContain('undefined');
  });

  it('says so when the answer is not JSON', async () => {
    answer = { status: 200, body: '<html>maintenance</html>' };
    await expect(createCmsClient({ baseUrl }).health()).rejects.toBeInstanceOf(CmsContractError);
  });

  it('reports an HTTP failure with its status', async () => {
    answer = { status: 500, body: '{"data":null,"error":{"status":500}}' };
    await expect(createCmsClient({ baseUrl }).health()).rejects.toMatchObject({
      name: 'CmsRequestError',
      status: 500,
    });
  });

  it('reports a CMS that cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await createCmsClient({ baseUrl: `http://127.0.0.1:${port}/` })
      .health()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CmsRequestError);
    expect((error as Error).message).toContain('cannot be reached');
  });

  describe('agenda', () => {
    const event = (id: string) => ({
      id,
      titre: `Repair café ${id}`,
      description: null,
      date_debut: '2026-12-05T13:00:00.000Z',
      date_fin: '2026-12-05T16:00:00.000Z',
      journee_entiere: false,
      recurrence: null,
      prochaine_date: '2026-12-05T13:00:00.000Z',
      lieu: null,
      organisateur: { id: 'org', nom: 'Centre social' },
      publics: ['tous-publics'],
      age_min: null,
      age_max: 3,
      thematiques: [],
      prix: 'Gratuit',
      inscription: null,
      lien_inscription: null,
      centre: { name: 'Centre', slug: 'tilleuls' },
      date_maj: '2026-11-30',
    });
    // The test server writes the page it was asked for in place of "PAGE".
    const list = (events: unknown[]) =>
      JSON.stringify({ data: events, meta: { page: 'PAGE', pageSize: 100, total: 2, pageCount: 2 } });

    it('reads every page of a centre’s events', async () => {
      asked.length = 0;
      answer = { status: 200, body: list([event('abcdefghij')]) };
      const events = await createCmsClient({ baseUrl }).events('tilleuls');
      expect(events).toHaveLength(2);
      expect(asked).toEqual([
        '/api/core/directory/events?centre=tilleuls&page=1&pageSize=100',
        '/api/core/directory/events?centre=tilleuls&page=2&pageSize=100',
      ]);
    });

    it('stops the build when an event changed shape', async () => {
      const changed = { ...event('abcdefghij'), date_debut: 'bientôt', publics: ['martiens'], salle: 'B' };
      answer = { status: 200, body: list([changed]) };
      const error = await createCmsClient({ baseUrl })
        .events('tilleuls')
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CmsContractError);
      const message = (error as Error).message;
      expect(message).toContain('/api/core/directory/events');
      expect(message).toMatch(/data\.0\.date_debut: date illisible/);
      expect(message).toMatch(/data\.0\.publics\.0/);
      expect(message).toMatch(/salle/);
    });

    it('returns calendar files as they are, and refuses anything else', async () => {
      const calendar = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
      answer = { status: 200, body: calendar, type: 'text/calendar; charset=utf-8' };
      await expect(createCmsClient({ baseUrl }).calendar('tilleuls')).resolves.toBe(calendar);
      await expect(createCmsClient({ baseUrl }).eventCalendar('abcdefghij')).resolves.toBe(calendar);

      answer = { status: 200, body: '<html>maintenance</html>', type: 'text/html' };
      const error = await createCmsClient({ baseUrl })
        .eventCalendar('abcdefghij')
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CmsContractError);
      expect((error as Error).message).toContain('/api/core/directory/events/abcdefghij/event.ics');
      expect((error as Error).message).toContain('text/calendar');

      answer = { status: 404, body: '{"data":null}' };
      await expect(createCmsClient({ baseUrl }).eventCalendar('abcdefghij')).rejects.toMatchObject({ status: 404 });
    });
  });
});
