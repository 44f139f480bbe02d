import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const SCRIPT = path.join(__dirname, 'instance.cjs');

export interface Instance {
  pid: number;
  workerId: string;
  child: ChildProcess;
  /** Sends a command to the instance and waits for its answer. */
  request<T = Record<string, unknown>>(type: string, body?: Record<string, unknown>): Promise<T>;
  /** Messages the instance sent on its own (e.g. `hanging`). */
  events: { type: string; [key: string]: unknown }[];
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a Strapi process (tests/outbox/instance.cjs) and waits until it has booted. */
export function startInstance(env: Record<string, string>, bootTimeoutMs = 120000): Promise<Instance> {
  const child = fork(SCRIPT, [], {
    env: { ...process.env, LOG_LEVEL: 'warn', ENV_PATH: '/dev/null', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (message: Record<string, unknown>) => void>();
  const events: Instance['events'] = [];
  let sequence = 0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('The instance did not boot in time'));
    }, bootTimeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The instance exited with ${code} before it was ready`));
    });
    child.on('message', (message: { type: string; id?: number; pid?: number; workerId?: string }) => {
      if (message.type === 'reply' && message.id !== undefined) {
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
      } else if (message.type === 'ready') {
        clearTimeout(timer);
        resolve({
          pid: message.pid as number,
          workerId: message.workerId as string,
          child,
          events,
          request<T>(type: string, body: Record<string, unknown> = {}) {
            const id = ++sequence;
            return new Promise<T>((resolveReply, rejectReply) => {
              waiting.set(id, (reply) =>
                reply.error ? rejectReply(new Error(String(reply.error))) : resolveReply(reply as T),
              );
              child.send({ ...body, type, id });
            });
          },
          async kill() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
          async stop() {
            if (child.exitCode !== null || child.signalCode !== null) return;
            const timeout = setTimeout(() => child.kill('SIGKILL'), 30000);
            child.send({ type: 'stop', id: ++sequence });
            await exited;
            clearTimeout(timeout);
          },
        });
      } else {
        events.push(message as Instance['events'][number]);
      }
    });
  });
}
