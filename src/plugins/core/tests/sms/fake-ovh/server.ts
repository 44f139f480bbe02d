import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ovhSignature, sameSignature } from '../../../server/src/sms/ovh/signature';
import { loopbackCertificate } from './certificate';

/**
 * A fake of the OVHcloud API, as far as SMS goes, over HTTPS on loopback. It checks every
 * signed call the way OVH does (application key, consumer key, clock, signature over
 * `https://<host without port><path>` and the body as sent) and answers like OVH, errors
 * included. Tests tell it to fail: 5xx, silence (timeouts), a connection cut after the job was
 * accepted (the crash case), invalid receivers, blacklisted numbers.
 */

export interface FakeOvhCredentials {
  appKey: string;
  appSecret: string;
  consumerKey: string;
  serviceName: string;
}

export interface FakeOutgoing {
  id: number;
  receiver: string;
  message: string;
  sender: string | null;
  tag: string | null;
  numberOfSms: number;
  credits: number;
  creationDatetime: string;
  ptt: number;
  noStopClause: boolean;
  /** The SMS account it left from. */
  account: string;
}

/** Another OVH account the fake knows (a centre's own), with its own STOP list and balance. */
export interface FakeAccount {
  readonly credentials: FakeOvhCredentials;
  readonly blacklist: Set<string>;
  creditsLeft: number;
}

export interface FakeCall {
  method: string;
  path: string;
  /** The raw body as received (the client escapes non-ASCII as \uXXXX). */
  body: string;
  /** What the fake answered. */
  status: number;
}

export type FakeFailure =
  | { kind: 'http'; status: number; errorCode: string; message: string }
  /** Never answers: the client's timeout fires. */
  | { kind: 'silence' }
  /** Accepts the job, then cuts the connection before answering (the message did go out). */
  | { kind: 'cut-after-accept' };

const GSM =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

/** The fake's own count of parts (simpler than the project's, on purpose independent of it). */
function partsOf(message: string): number {
  const characters = [...message];
  const gsm = characters.every((c) => GSM.includes(c) || GSM_EXTENSION.includes(c));
  if (gsm) {
    const length = characters.reduce((sum, c) => sum + (GSM_EXTENSION.includes(c) ? 2 : 1), 0);
    return length <= 160 ? 1 : Math.ceil(length / 153);
  }
  return message.length <= 70 ? 1 : Math.ceil(message.length / 67);
}

interface OvhJobAnswer {
  ids: number[];
  validReceivers: string[];
  invalidReceivers: string[];
  totalCreditsRemoved: number;
  tag: string | null;
}

export class FakeOvh {
  readonly cert: string;
  readonly calls: FakeCall[] = [];
  readonly outgoing: FakeOutgoing[] = [];
  /** Numbers that replied STOP. */
  readonly blacklist = new Set<string>();
  /** Numbers the operator refuses (`invalidReceivers`). */
  readonly invalidReceivers = new Set<string>();
  /** Sender names validated on the account. */
  readonly senders = new Set<string>(['Oliviers', 'CSC Test']);
  creditsLeft = 100;
  /** Seconds OVH's clock is ahead of ours. */
  clockSkew = 0;
  private readonly server: https.Server;
  private readonly sockets = new Set<Socket>();
  private readonly failures: { path: RegExp; failure: FakeFailure }[] = [];
  private nextId = 41000;
  private port = 0;
  private readonly others = new Map<string, FakeAccount>();

  private constructor(readonly credentials: FakeOvhCredentials) {
    const { key, cert } = loopbackCertificate();
    this.cert = cert;
    this.server = https.createServer({ key, cert }, (req, res) => void this.handle(req, res));
    this.server.on('secureConnection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(credentials: FakeOvhCredentials): Promise<FakeOvh> {
    const fake = new FakeOvh(credentials);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const address = fake.server.address();
    fake.port = typeof address === 'object' && address ? address.port : 0;
    return fake;
  }

  /** What SMS_OVH_ENDPOINT points at. */
  get endpoint(): string {
    return `https://127.0.0.1:${this.port}/1.0`;
  }

  /** Another account, whose keys the fake accepts from then on, for its own service name only. */
  addAccount(credentials: FakeOvhCredentials, creditsLeft = 100): FakeAccount {
    const account = { credentials, blacklist: new Set<string>(), creditsLeft };
    this.others.set(credentials.appKey, account);
    return account;
  }

  /** The next call whose path matches fails this way (once per call to `failNext`). */
  failNext(failure: FakeFailure, path: RegExp = /\/jobs$/): void {
    this.failures.push({ path, failure });
  }

  /** Messages that went out under a tag, as `GET /sms/{sn}/outgoing?tag=` sees them. */
  sentWithTag(tag: string): FakeOutgoing[] {
    return this.outgoing.filter((sms) => sms.tag === tag);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const call: FakeCall = { method: req.method ?? 'GET', path: url.pathname + url.search, body, status: 0 };
    this.calls.push(call);
    const answer = (status: number, payload: unknown) => {
      call.status = status;
      const text = JSON.stringify(payload);
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(text);
    };
    const error = (status: number, errorCode: string, message: string) =>
      answer(status, { errorCode, httpCode: `${status}`, message });

    if (url.pathname === '/1.0/auth/time' && req.method === 'GET') {
      return answer(200, Math.floor(Date.now() / 1000) + this.clockSkew);
    }

    // The application key says which account signs; unknown keys fail the main account's check.
    const other = this.others.get(String(req.headers['x-ovh-application'] ?? ''));
    const credentials = other?.credentials ?? this.credentials;
    const refusal = this.checkSignature(req, body, credentials);
    if (refusal) return error(...refusal);
    const blacklist = other?.blacklist ?? this.blacklist;

    const index = this.failures.findIndex(({ path }) => path.test(url.pathname));
    const failure = index >= 0 ? this.failures.splice(index, 1)[0].failure : null;
    if (failure?.kind === 'http') return error(failure.status, failure.errorCode, failure.message);
    if (failure?.kind === 'silence') {
      call.status = -1;
      return;
    }

    const base = `/1.0/sms/${encodeURIComponent(credentials.serviceName)}`;
    if (!url.pathname.startsWith('/1.0/sms/')) return error(404, 'NOT_FOUND', 'Got an invalid (or empty) URL');
    if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) {
      return error(404, 'RESOURCE_NOT_FOUND', 'This service does not exist');
    }
    const rest = url.pathname.slice(base.length);

    if (rest === '' && req.method === 'GET') {
      return answer(200, {
        name: credentials.serviceName,
        status: 'enable',
        creditsLeft: other ? other.creditsLeft : this.creditsLeft,
        callBack: '',
        stopCallBack: '',
      });
    }

    if (rest === '/jobs' && req.method === 'POST') {
      let job: Record<string, unknown>;
      try {
        job = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return error(400, 'INVALID_BODY', 'Invalid JSON body');
      }
      const outcome = this.createJob(job, credentials.serviceName, blacklist);
      if (outcome.error === undefined && other) {
        other.creditsLeft -= outcome.totalCreditsRemoved;
        this.creditsLeft += outcome.totalCreditsRemoved;
      }
      if (outcome.error !== undefined) return error(400, 'INVALID_PARAMETER', outcome.error);
      if (failure?.kind === 'cut-after-accept') {
        call.status = -2;
        req.socket.destroy();
        return;
      }
      return answer(200, outcome);
    }

    if (rest === '/outgoing' && req.method === 'GET') {
      const tag = url.searchParams.get('tag');
      const receiver = url.searchParams.get('receiver');
      return answer(
        200,
        this.outgoing
          .filter((sms) => sms.account === credentials.serviceName)
          .filter((sms) => (tag === null || sms.tag === tag) && (receiver === null || sms.receiver === receiver))
          .map((sms) => sms.id),
      );
    }

    const outgoing = /^\/outgoing\/(\d+)$/.exec(rest);
    if (outgoing && req.method === 'GET') {
      const id = Number(outgoing[1]);
      const sms = this.outgoing.find((item) => item.id === id && item.account === credentials.serviceName);
      if (!sms) return error(404, 'RESOURCE_NOT_FOUND', `The requested object (id = ${id}) does not exist`);
      return answer(200, { ...sms, sentAt: sms.creationDatetime, deliveredAt: null, deliveryReceipt: 0 });
    }

    if (rest === '/blacklists' && req.method === 'GET') return answer(200, [...blacklist]);

    return error(404, 'NOT_FOUND', 'Got an invalid (or empty) URL');
  }

  /** Null when the call is signed as OVH requires, otherwise OVH's refusal. */
  private checkSignature(
    req: IncomingMessage,
    body: string,
    credentials: FakeOvhCredentials,
  ): [number, string, string] | null {
    const { appKey, appSecret, consumerKey } = credentials;
    if (req.headers['x-ovh-application'] !== appKey) return [403, 'INVALID_KEY', 'Invalid application key'];
    if (req.headers['x-ovh-consumer'] !== consumerKey)
      return [403, 'INVALID_CREDENTIAL', 'This credential does not exist'];
    const timestamp = Number(req.headers['x-ovh-timestamp']);
    const now = Math.floor(Date.now() / 1000) + this.clockSkew;
    if (!Number.isInteger(timestamp) || Math.abs(timestamp - now) > 180) {
      return [400, 'QUERY_TIME_OUT', 'Query out of time'];
    }
    // OVH signs the URL without the port, whatever port the request went to.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const expected = ovhSignature({
      appSecret,
      consumerKey,
      method: req.method ?? 'GET',
      url: `https://${host}${req.url ?? '/'}`,
      body,
      timestamp,
    });
    if (!sameSignature(expected, req.headers['x-ovh-signature'])) {
      return [400, 'INVALID_SIGNATURE', 'Invalid signature'];
    }
    return null;
  }

  private createJob(
    job: Record<string, unknown>,
    account: string,
    blacklist: Set<string>,
  ): { error: string } | (OvhJobAnswer & { error?: undefined }) {
    const { message, receivers, sender, tag, noStopClause, senderForResponse } = job;
    if (typeof message !== 'string' || message === '') return { error: 'Missing parameter message' };
    if (!Array.isArray(receivers) || receivers.length === 0) return { error: 'Missing parameter receivers' };
    if (sender !== undefined && (typeof sender !== 'string' || !this.senders.has(sender))) {
      return { error: `The sender ${String(sender)} does not exist` };
    }
    if (sender === undefined && senderForResponse !== true) return { error: 'A sender is required' };
    if (tag !== undefined && (typeof tag !== 'string' || tag.length > 20)) return { error: 'Invalid tag' };
    const valid: string[] = [];
    const invalid: string[] = [];
    for (const receiver of receivers) {
      if (typeof receiver === 'string' && /^\+\d{8,15}$/.test(receiver) && !this.invalidReceivers.has(receiver)) {
        valid.push(receiver);
      } else {
        invalid.push(String(receiver));
      }
    }
    const text = noStopClause === false ? `${message}\nSTOP 36111` : message;
    const parts = partsOf(text);
    const ids = valid.map((receiver) => {
      const id = (this.nextId += 1);
      this.outgoing.push({
        id,
        receiver,
        message: text,
        sender: typeof sender === 'string' ? sender : null,
        tag: typeof tag === 'string' ? tag : null,
        numberOfSms: parts,
        credits: parts,
        creationDatetime: new Date().toISOString(),
        ptt: blacklist.has(receiver) ? 53 : 0,
        noStopClause: noStopClause !== false,
        account,
      });
      return id;
    });
    this.creditsLeft -= parts * valid.length;
    return {
      ids,
      validReceivers: valid,
      invalidReceivers: invalid,
      totalCreditsRemoved: parts * valid.length,
      tag: typeof tag === 'string' ? tag : null,
    };
  }
}
