// `npx tsx scripts/make-test-certificates.ts`: makes the test-only certificate authority and the
// certificate for 127.0.0.1 / localhost (valid for 50 years) that the fake Partner Center serves HTTPS
// with, in test/fixtures/tls. `npm run test:unit` trusts the CA through NODE_EXTRA_CA_CERTS. Rerunning
// replaces all three files; commit them. Never trust this CA anywhere but in the tests.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';

const FOLDER = path.join('test', 'fixtures', 'tls');
const VALID_YEARS = 50;

const notBeforeDate = new Date();
notBeforeDate.setUTCDate(notBeforeDate.getUTCDate() - 1);
const notAfterDate = new Date(notBeforeDate);
notAfterDate.setUTCFullYear(notAfterDate.getUTCFullYear() + VALID_YEARS);

const ca = await generate(
  [
    { name: 'commonName', value: 'add-customer-bot test CA - for tests only' },
    { name: 'organizationName', value: 'add-customer-bot tests' },
  ],
  {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  },
);

const server = await generate(
  [
    { name: 'commonName', value: '127.0.0.1' },
    { name: 'organizationName', value: 'add-customer-bot tests' },
  ],
  {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  },
);

await mkdir(FOLDER, { recursive: true });
const files = [
  ['test-ca.pem', ca.cert],
  ['localhost-cert.pem', server.cert],
  ['localhost-key.pem', server.private],
] as const;
for (const [name, pem] of files) {
  const target = path.join(FOLDER, name);
  await writeFile(target, pem.endsWith('\n') ? pem : `${pem}\n`);
  console.log(`Wrote ${target}`);
}
console.log(`Valid from ${notBeforeDate.toISOString()} to ${notAfterDate.toISOString()}`);
