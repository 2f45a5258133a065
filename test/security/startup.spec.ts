import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `node --import tsx bot/index.ts` with exactly `env` (plus PATH) and waits for it to exit. */
async function runEntry(env: Record<string, string>, timeoutMs = 15_000) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, output };
}

describe('bot/index.ts at start-up', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'add-customer-bot-startup-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should refuse to start in production without an app id, list every problem and exit 1', async () => {
    // Act
    const { code, output } = await runEntry({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppPassword: 'very-secret-value-1234',
      PORT: 'not-a-port',
    });

    // Assert
    assert.equal(code, 1, output);
    assert.match(output, /Invalid configuration/);
    assert.match(output, /MicrosoftAppId: must be set when NODE_ENV=production/);
    assert.match(output, /PORT: must be a port number/);
    assert.match(output, /MicrosoftAppTenantId: must be set when MicrosoftAppType=SingleTenant/);
    assert.doesNotMatch(output, /very-secret-value-1234/);
    assert.doesNotMatch(output, /\n\s+at /, 'a configuration problem needs no stack trace');
  });

  it('should name a store file the manifest lists but the folder lacks, in one line, and exit 1', async () => {
    // Arrange
    await writeFile(
      path.join(dataDir, 'customers.json'),
      '{"customers":[],"requests":[],"orders":[],"audit":[]}',
    );
    await writeFile(path.join(dataDir, 'store-manifest.json'), '{"version":1,"segments":[0,1]}');

    // Act
    const { code, output } = await runEntry({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '3978' });

    // Assert
    assert.equal(code, 1, output);
    const problem = output.split('\n').filter((line) => line.startsWith('add-customer-bot could not start'));
    assert.equal(problem.length, 1, output);
    assert.ok(problem[0]?.includes(path.join(dataDir, 'customers-000001.json')), output);
    assert.doesNotMatch(output, /\n\s+at /, 'a missing store file needs no stack trace');
  });

  it('should say which port is taken and exit 1, without a stack trace, when another process holds it', async () => {
    // Arrange
    const holder = createServer();
    holder.listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const { port } = holder.address() as { port: number };

    try {
      // Act
      const { code, output } = await runEntry({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port) });

      // Assert
      assert.equal(code, 1, output);
      assert.match(
        output,
        new RegExp(`Cannot listen on 127\\.0\\.0\\.1:${port}: another process is using that port`),
      );
      assert.doesNotMatch(output, /\n\s+at /, 'a taken port needs no stack trace');
    } finally {
      holder.close();
    }
  });
});
