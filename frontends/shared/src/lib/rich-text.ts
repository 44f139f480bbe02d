/** Links a resident may follow from CMS text; `javascript:` and data URLs are dropped. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const url = value.trim();
  if (/^(https?:\/\/|mailto:|tel:)/i.test(url)) return url;
  if (/^\/(?!\/)/.test(url)) return url;
  return null;
}

/** The plain text of rich text, for descriptions and search. */
export function plainText(value: unknown, limit = 300): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const { text, children } = node as { text?: unknown; children?: unknown };
    if (typeof text === 'string') parts.push(text);
    if (Array.isArray(children)) children.forEach(walk);
    if (Array.isArray(node)) node.forEach(walk);
  };
  walk(value);
  const joined = parts.join(' ').replace(/\s+/g, ' ').trim();
  return joined.length > limit ? `${joined.slice(0, limit - 1).trimEnd()}…` : joined;
}
