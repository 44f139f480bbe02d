/**
 * What can be checked without booting Strapi: a product's mistakes in publicFormRoute options
 * stop the boot with a message naming the route; the visitor address rules; French delays.
 */
import { z } from 'zod';
import { publicFormRoute } from '../../toolkit';
import { clientAddress } from '../../server/src/public-forms/client-address';
import { cleanText } from '../../server/src/public-forms/hygiene';
import { frenchDelay } from '../../server/src/public-forms/rate-limit';

const schema = z.strictObject({ name: z.string() });

describe('publicFormRoute', () => {
  it('builds a public route behind the guard, with the defaults', () => {
    const route = publicFormRoute({ path: '/demandes', handler: 'request.submit', schema });
    expect(route).toMatchObject({
      method: 'POST',
      path: '/demandes',
      handler: 'request.submit',
      config: {
        auth: false,
        middlewares: [
          {
            name: 'plugin::core.public-form',
            config: {
              name: 'request.submit',
              maxBytes: 16384,
              honeypot: 'homepage',
              perAddress: { max: 20, windowSeconds: 3600 },
              perTarget: null,
              accepted: { status: 202, body: { data: { received: true } } },
            },
          },
        ],
      },
    });
  });

  it('takes plain HTML form posts only when the route asks for them', () => {
    const formOf = (route: ReturnType<typeof publicFormRoute>) => route.config.middlewares[0].config;
    expect(formOf(publicFormRoute({ path: '/demandes', handler: 'request.submit', schema })).htmlForm).toBeUndefined();
    expect(
      formOf(publicFormRoute({ path: '/demandes', handler: 'request.submit', schema, htmlForm: true })).htmlForm,
    ).toBe(true);
  });

  it.each([
    [{ path: 'demandes' }, 'a path is made of /segments and :params only'],
    [{ path: '/demandes/(.*)' }, 'a path is made of /segments and :params only'],
    [{ handler: 'submit' }, 'handler must be "<controller>.<action>"'],
    [{ maxBytes: 10 * 1024 * 1024 }, 'maxBytes must be between 64 and 1048576'],
    [{ limits: { perAddress: { max: 0, windowSeconds: 60 } } }, 'limits.perAddress.max must be a whole number ≥ 1'],
    [{ limits: { perAddress: { max: 5, windowSeconds: 30 * 86400 } } }, 'limits.perAddress.windowSeconds'],
    [{ honeypot: 'name' }, 'the schema declares "name", which is the honeypot'],
  ])('refuses %j at boot', (options, message) => {
    expect(() =>
      publicFormRoute({ path: '/demandes', handler: 'request.submit', schema, ...(options as object) }),
    ).toThrow(message);
  });
});

describe('the visitor address', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:0db8:0001:0002::/64'],
    ['2001:db8:1:2::99', '2001:0db8:0001:0002::/64'],
    ['fe80::1%eth0', 'fe80:0000:0000:0000::/64'],
    ['', 'unknown'],
  ])('%s counts as %s', (ip, expected) => {
    expect(clientAddress(ip)).toBe(expected);
  });
});

describe('texts and delays in French', () => {
  it('cleans a text the same way everywhere', () => {
    expect(cleanText(' \uFEFFCafe\u0301\u202e \r\nau lait\u0000 ')).toBe('Café \nau lait');
  });

  it.each([
    [30, '30 secondes'],
    [61, '2 minutes'],
    [3600, '1 heure'],
    [3601, '2 heures'],
    [86400 * 2, '2 jours'],
  ])('%i s → %s', (seconds, words) => {
    expect(frenchDelay(seconds)).toBe(words);
  });
});
