import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Azurite's well-known development account: public, the same in every Azurite, never a real secret. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Where Azurite's services listen once started. */
type AzuritePorts = { blob: number; table: number; queue: number };

/** Where to keep Azurite's data: in memory (the default), or in a folder that outlives a stop. */
export type AzuriteOptions = { folder?: string; ports?: AzuritePorts; timeoutMs?: number };

/**
 * Azurite (the Azure Storage emulator, from npm) in a child process on 127.0.0.1, blob and table
 * services on free ports, data in memory unless a folder is given. Azurite exposes no supported
 * programmatic API (its `main` is the VS Code extension), so the tests run its own command line.
 * `stop` and `start` again on the same ports model a storage outage; telemetry is off.
 */
export class Azurite {
  private child: ChildProcess | undefined;
  private output = '';

  private constructor(
    private readonly options: AzuriteOptions,
    private ports: AzuritePorts,
  ) {}

  /** Starts Azurite and resolves once its blob and table services listen. */
  static async start(options: AzuriteOptions = {}): Promise<Azurite> {
    const azurite = new Azurite(options, options.ports ?? { blob: 0, table: 0, queue: 0 });
    await azurite.restart();
    return azurite;
  }

  /** The connection string the bot takes as `AZURE_STORAGE_CONNECTION_STRING`. */
  get connectionString(): string {
    const endpoint = (port: number) => `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
    return [
      'DefaultEndpointsProtocol=http',
      `AccountName=${DEV_ACCOUNT}`,
      `AccountKey=${DEV_KEY}`,
      `BlobEndpoint=${endpoint(this.ports.blob)}`,
      `TableEndpoint=${endpoint(this.ports.table)}`,
    ].join(';');
  }

  /** Starts Azurite again after `stop`, on the same ports (and, with a folder, the same data). */
  async restart(): Promise<void> {
    if (this.child) return;
    const root = path.dirname(createRequire(import.meta.url).resolve('azurite/package.json'));
    const args = [
      path.join(root, 'dist', 'src', 'azurite.js'),
      ...['--blobHost', '127.0.0.1', '--blobPort', String(this.ports.blob)],
      ...['--tableHost', '127.0.0.1', '--tablePort', String(this.ports.table)],
      ...['--queueHost', '127.0.0.1', '--queuePort', String(this.ports.queue)],
      ...(this.options.folder
        ? ['--location', this.options.folder]
        : ['--inMemoryPersistence', '--extentMemoryLimit', '256']),
      ...['--skipApiVersionCheck', '--loose', '--silent', '--disableTelemetry'],
    ];
    const child = spawn(process.execPath, args, {
      cwd: this.options.folder ?? process.cwd(),
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    this.ports = await this.listening(child, this.options.timeoutMs ?? 20_000);
  }

  /** Stops Azurite (SIGTERM: it closes its services and, with a folder, saves its data) and waits for it. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }

  private listening(child: ChildProcess, timeoutMs: number): Promise<AzuritePorts> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`Azurite did not listen within ${timeoutMs} ms:\n${this.output}`));
      }, timeoutMs);
      const read = (chunk: Buffer) => {
        this.output += chunk.toString('utf8');
        const port = (service: string) =>
          Number(
            new RegExp(`${service} service is successfully listening at http://[^:]+:(\\d+)`).exec(
              this.output,
            )?.[1],
          );
        const ports = { blob: port('Blob'), table: port('Table'), queue: port('Queue') };
        if (ports.blob && ports.table && ports.queue) {
          clearTimeout(timer);
          resolve(ports);
        }
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Azurite exited with ${code} before listening:\n${this.output}`));
      });
    });
  }
}

/**
 * Use in a `describe` that needs Azure Storage: starts one in-memory Azurite before its tests and stops
 * it after them. Tests keep apart by the table prefix and container names they pass the bot.
 */
export function useAzurite(): { readonly azurite: Azurite } {
  let azurite: Azurite | undefined;
  before(async function () {
    this.timeout(30_000);
    azurite = await Azurite.start();
  });
  after(async () => {
    await azurite?.stop();
  });
  return {
    get azurite() {
      if (!azurite) throw new Error('useAzurite: Azurite is not running outside the tests');
      return azurite;
    },
  };
}

/**
 * The settings of bot instances that share `azurite` (`STORE=azure`), each call with tables and a container
 * of its own, 2-second leases (so a test sees one expire) and one `CREDENTIALS_KEY`, so that credentials one
 * instance sealed can be delivered by the other.
 */
export function sharedAzureSettings(azurite: Azurite): Record<string, string> {
  const id = randomBytes(5).toString('hex');
  return {
    STORE: 'azure',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_TABLE_PREFIX: `t${id}`,
    AZURE_STORAGE_STATE_CONTAINER: `state-${id}`,
    AZURE_STORAGE_LEASE_SECONDS: '2',
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
  };
}
