import { hideTokensInLogs, redactTokens } from '../../server/src/logs/redact-tokens';

describe('tokens kept out of the request log', () => {
  hideTokensInLogs('/core/directory/corrections/');

  it('replaces the token of a declared path, keeping what follows', () => {
    expect(redactTokens('/api/core/directory/corrections/abc.DEF-123_x', '/api')).toBe(
      '/api/core/directory/corrections/[jeton]',
    );
    expect(redactTokens('/api/core/directory/corrections/abc.DEF?lang=fr', '/api')).toBe(
      '/api/core/directory/corrections/[jeton]?lang=fr',
    );
    expect(redactTokens('/v2/core/directory/corrections/abc/suite', '/v2')).toBe(
      '/v2/core/directory/corrections/[jeton]/suite',
    );
  });

  it('leaves other addresses alone', () => {
    for (const url of ['/api/core/directory/structures?q=abc', '/core/directory/corrections/abc', '/api/core/health']) {
      expect(redactTokens(url, '/api')).toBe(url);
    }
  });

  it('refuses a declaration that is not a /path/', () => {
    expect(() => hideTokensInLogs('core/x')).toThrow(/\/path\//);
    expect(() => hideTokensInLogs('/core/x')).toThrow(/\/path\//);
  });
});
