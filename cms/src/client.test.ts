import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CmsContractError, CmsRequestError, createCmsClient } from '.';

/** A real HTTP server on loopback that answers what each test sets. */
let answer: { status: number; body: string } = { status: 200, body: '{}' };
const server = http.createServer((_request, response) => {
  response.writeHead(answer.status, { 'content-type': 'application/json' });
  response.end(answer.body);
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
});
