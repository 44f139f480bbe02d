import net from 'node:net';

/** The eight 16-bit groups of an IPv6 address (with an embedded IPv4 tail expanded). */
function ipv6Groups(address: string): string[] | null {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const bytes = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${((bytes[0] << 8) | bytes[1]).toString(16)}:${((bytes[2] << 8) | bytes[3]).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (text.includes('::') ? missing < 1 : missing !== 0) return null;
  return [...left, ...Array<string>(text.includes('::') ? missing : 0).fill('0'), ...right].map((group) =>
    group.padStart(4, '0'),
  );
}

/**
 * Who sends a request, for rate limits. Koa's `request.ip` already follows Strapi's proxy
 * setting: the socket's address, or — only when `server.proxy.koa` is on (TRUSTED_PROXIES > 0) —
 * the entry the trusted proxies appended to X-Forwarded-For. IPv4-mapped IPv6 is read as IPv4;
 * IPv6 is grouped by /64, the block one subscriber usually gets, so that changing the last bits
 * does not escape the limit.
 */
export function clientAddress(ip: string | undefined): string {
  const raw = (ip ?? '').trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw);
  if (mapped) return mapped[1];
  if (net.isIPv4(raw)) return raw;
  if (net.isIPv6(raw)) {
    const groups = ipv6Groups(raw);
    if (groups) return `${groups.slice(0, 4).join(':')}::/64`;
  }
  return raw || 'unknown';
}
