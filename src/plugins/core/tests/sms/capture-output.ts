import { Writable } from 'node:stream';
import { winston } from '@strapi/logger';
import type { Core } from '@strapi/strapi';

export interface CapturedOutput {
  /** Everything logged (every level, debug included) and printed since the capture started. */
  text(): string;
  stop(): void;
}

/**
 * Records what the app logs, at every level whatever LOG_LEVEL says, and what reaches the
 * console, stdout or stderr: a test then checks that no phone number or message text is there.
 */
export function captureOutput(strapi: Core.Strapi): CapturedOutput {
  const chunks: string[] = [];
  const stream = new Writable({
    objectMode: true,
    write(info: Record<string, unknown>, _encoding, done) {
      chunks.push(`${String(info.level)} ${String(info.message)} ${JSON.stringify(info)}`);
      done();
    },
  });
  const transport = new winston.transports.Stream({ stream, level: 'silly' });
  strapi.log.add(transport);
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      chunks.push(`${name} ${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`);
    };
  const spies = [
    jest.spyOn(console, 'log').mockImplementation(record('console.log')),
    jest.spyOn(console, 'info').mockImplementation(record('console.info')),
    jest.spyOn(console, 'warn').mockImplementation(record('console.warn')),
    jest.spyOn(console, 'error').mockImplementation(record('console.error')),
    jest.spyOn(console, 'debug').mockImplementation(record('console.debug')),
  ];
  const writes = (['stdout', 'stderr'] as const).map((name) => {
    const original = process[name].write.bind(process[name]);
    const spy = jest.spyOn(process[name], 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(`${name} ${String(chunk)}`);
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write);
    return spy;
  });
  return {
    text: () => chunks.join('\n'),
    stop() {
      strapi.log.remove(transport);
      for (const spy of [...spies, ...writes]) spy.mockRestore();
    },
  };
}
