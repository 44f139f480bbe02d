import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

export interface Certificate {
  key: string;
  cert: string;
}

/**
 * A throw-away self-signed certificate for `IP:127.0.0.1`, made with openssl at test time
 * (the official OVH client speaks only HTTPS, and checks certificates).
 */
export function loopbackCertificate(): Certificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-ovh-'));
  try {
    const result = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr || result.error?.message}`);
    return {
      key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Makes this process trust `cert` besides the usual roots. The OVH client calls
 * `https.request` without an agent, so it goes through the global agent; a child process
 * would use NODE_EXTRA_CA_CERTS instead. Returns the undo.
 */
export function trustInThisProcess(cert: string): () => void {
  const options = https.globalAgent.options;
  const previous = options.ca;
  options.ca = [...tls.rootCertificates, cert];
  return () => {
    options.ca = previous;
    https.globalAgent.destroy();
  };
}
