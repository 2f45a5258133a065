import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DockerInstruction, dockerfileFinalStage } from '../helpers/dockerfile-final-stage.js';
import { findFreePort } from '../helpers/find-free-port.js';
import { TENANT_ID } from '../helpers/teams-user.js';
import { waitUntil } from '../helpers/wait-until.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Runs `command` in `cwd` and resolves with its exit code and output. */
async function run(command: string, args: string[], cwd: string, env = process.env) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

/** A JSON exec form (`["node", "x.js"]`), as `CMD` and `HEALTHCHECK ... CMD` take it. */
function execForm(text: string): string[] {
  const argv = JSON.parse(text) as unknown;
  assert.ok(
    Array.isArray(argv) && argv.every((part) => typeof part === 'string'),
    `not an exec form: ${text}`,
  );
  return argv;
}

/**
 * What the final stage of the Dockerfile leaves in its image, replayed in `app` (its `WORKDIR`): files
 * copied from the repository or from the build stage's `/app` (here `buildRoot`), its `npm ci` run with
 * the local npm cache, its data folder made in `dataDir`.
 */
async function replayFinalStage(
  stage: DockerInstruction[],
  dirs: { app: string; buildRoot: string; dataDir: string },
) {
  const image = { env: {} as Record<string, string>, cmd: [] as string[], healthcheck: [] as string[] };
  for (const { keyword, args } of stage) {
    const from = /^--from=build\s+\/app\/(\S+)\s+(\S+)$/.exec(args);
    const npmCi = /^(?:--mount=\S+\s+)*(npm ci\s.*)$/.exec(args);
    if (keyword === 'WORKDIR' || keyword === 'USER' || keyword === 'EXPOSE') continue;
    if (keyword === 'ENV') {
      const [name = '', value = ''] = args.split('=');
      image.env[name] = value;
    } else if (keyword === 'COPY' && from) {
      await cp(path.join(dirs.buildRoot, from[1] ?? ''), path.join(dirs.app, from[2] ?? ''), {
        recursive: true,
      });
    } else if (keyword === 'COPY') {
      const parts = args.split(/\s+/);
      for (const source of parts.slice(0, -1)) await cp(path.join(ROOT, source), path.join(dirs.app, source));
    } else if (keyword === 'RUN' && npmCi) {
      const [, ...npmArgs] = (npmCi[1] ?? '').split(/\s+/);
      const { code, output } = await run('npm', [...npmArgs, '--prefer-offline'], dirs.app);
      assert.equal(code, 0, `RUN ${args} failed:\n${output}`);
    } else if (keyword === 'RUN' && /^mkdir -p \/data && chown node:node \/data$/.test(args)) {
      await mkdir(dirs.dataDir, { recursive: true });
    } else if (keyword === 'HEALTHCHECK') {
      image.healthcheck = execForm(args.slice(args.indexOf('CMD') + 3).trim());
    } else if (keyword === 'CMD') {
      image.cmd = execForm(args);
    } else {
      assert.fail(`the test does not know what "${keyword} ${args}" does in the image: teach it`);
    }
  }
  return image;
}

describe('the production image (Dockerfile), its final stage replayed in a temporary folder', function () {
  this.timeout(300_000);
  let temp: string;
  let app: string;
  let dataDir: string;
  let image: Awaited<ReturnType<typeof replayFinalStage>>;
  let bot: ChildProcess | undefined;

  before(async () => {
    temp = await mkdtemp(path.join(os.tmpdir(), 'add-customer-bot-image-'));
    app = path.join(temp, 'app');
    dataDir = path.join(temp, 'data');
    const buildRoot = path.join(temp, 'build');
    await mkdir(app);
    const build = await run(
      process.execPath,
      [TSC, '-p', 'tsconfig.build.json', '--outDir', path.join(buildRoot, 'dist')],
      ROOT,
    );
    assert.equal(build.code, 0, `the build stage's npm run build failed:\n${build.output}`);
    const stage = dockerfileFinalStage(await readFile(path.join(ROOT, 'Dockerfile'), 'utf8'));
    image = await replayFinalStage(stage, { app, buildRoot, dataDir });
  });

  after(async () => {
    if (bot && bot.exitCode === null) bot.kill('SIGKILL');
    await rm(temp, { recursive: true, force: true });
  });

  it('should install no dev dependency', async () => {
    // Arrange
    const lock = JSON.parse(await readFile(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.entries(lock.packages)
      .filter(([where, entry]) => where.startsWith('node_modules/') && entry.dev)
      .map(([where]) => where);

    // Act
    const installed = await Promise.all(
      devOnly.map(async (where) =>
        (await readFile(path.join(app, where, 'package.json')).catch(() => undefined)) ? where : undefined,
      ),
    );

    // Assert
    assert.ok(devOnly.includes('node_modules/typescript') && devOnly.includes('node_modules/tsx'));
    assert.deepEqual(installed.filter(Boolean), []);
  });

  it('should start with production settings, answer /healthz and its HEALTHCHECK, and exit 0 on SIGTERM', async () => {
    // Arrange
    const port = String(await findFreePort());
    const env = {
      PATH: process.env.PATH ?? '',
      ...image.env,
      HOST: '127.0.0.1',
      PORT: port,
      DATA_DIR: dataDir,
      MicrosoftAppId: randomUUID(),
      MicrosoftAppPassword: 'production-install-test-secret',
      ALLOWED_TENANT_IDS: TENANT_ID,
      CREDENTIALS_KEY: Buffer.alloc(32, 9).toString('base64'),
      PARTNER_CENTER: 'local',
    };
    const [command = '', ...args] = image.cmd;
    let output = '';
    bot = spawn(command === 'node' ? process.execPath : command, args, {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    bot.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    bot.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const exited = once(bot, 'exit') as Promise<[number | null]>;

    // Act
    await waitUntil(
      async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok === true,
      `/healthz to answer; the bot wrote:\n${output}`,
      60_000,
    );
    const [probe = '', ...probeArgs] = image.healthcheck;
    const healthcheck = await run(probe === 'node' ? process.execPath : probe, probeArgs, app, {
      ...process.env,
      PORT: port,
    });
    bot.kill('SIGTERM');
    const [exitCode] = await exited;

    // Assert
    assert.equal(image.env.NODE_ENV, 'production');
    assert.match(output, /"authentication":"on"/);
    assert.equal(healthcheck.code, 0, healthcheck.output);
    assert.equal(exitCode, 0, output);
    assert.match(output, /stopped: the data folder is released/);
  });
});
