import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

// One throwaway certificate for every fake host (portal, ServiceNow instances), kept under
// .tmp/ and renewed when it gets old. Chromium runs with --ignore-certificate-errors, so it
// needs no trust store change on the machine.

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(PROJECT_ROOT, '.tmp', 'certs');
const MAX_AGE_MS = 20 * 24 * 3600 * 1000;

export interface TlsFiles {
  key: string;
  cert: string;
}

export async function testCertificate(): Promise<TlsFiles> {
  const keyFile = join(DIR, 'key.pem');
  const certFile = join(DIR, 'cert.pem');
  if (existsSync(certFile) && Date.now() - statSync(certFile).mtimeMs < MAX_AGE_MS) {
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  }
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: 'local-test' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 3600_000),
    notAfterDate: new Date(now.getTime() + 30 * 24 * 3600_000),
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'security.microsoft.com' },
          { type: 2, value: '*.service-now.com' },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  mkdirSync(DIR, { recursive: true });
  writeFileSync(keyFile, pems.private);
  writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert };
}
