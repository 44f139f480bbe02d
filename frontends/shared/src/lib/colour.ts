/**
 * A centre picks its colours freely in the admin; residents must still read every link and the
 * header. These helpers turn any colour into one that keeps WCAG AA contrast (4.5:1) on white,
 * and pick black or white text for it.
 */
const HEX = /^#([0-9a-f]{6})$/i;
export const FALLBACK_PRIMARY = '#1d4e89';

function channels(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The centre's colour, darkened step by step until it reads on white at 4.5:1. */
export function readablePrimary(colour: string | null | undefined): string {
  let hex = colour && HEX.test(colour) ? colour.toLowerCase() : FALLBACK_PRIMARY;
  for (let step = 0; step < 40 && contrast(hex, '#ffffff') < 4.5; step += 1) {
    hex = toHex(channels(hex).map((c) => c * 0.92) as [number, number, number]);
  }
  return hex;
}

/** White or near-black text, whichever reads better on the background. */
export function textOn(background: string): string {
  return contrast(background, '#ffffff') >= contrast(background, '#1b1b1b') ? '#ffffff' : '#1b1b1b';
}
