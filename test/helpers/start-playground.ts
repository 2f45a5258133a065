import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const PLAYGROUND_CLI = fileURLToPath(new URL('../../node_modules/.bin/agentsplayground', import.meta.url));

/** A Microsoft 365 Agents Playground child process, and how to reach and stop it. */
export type RunningPlayground = {
  /** The page to open, `http://127.0.0.1:<port>/`. */
  url: string;
  port: number;
  /** Everything the Playground printed, for failure reports. */
  output: () => string;
  /** Kills the Playground (its whole process group) and waits until it is gone. Safe to call twice. */
  stop: () => Promise<void>;
};

/**
 * Starts the real Agents Playground (Teams channel, telemetry off, no browser of its own) in front of a
 * bot endpoint and waits until its page answers. It asks for `port`, but the Playground falls back to a
 * random port when that one is taken, so read `url`/`port` from the result. It runs in a temporary
 * folder (it writes `devTools/` logs into its working directory) and in its own process group, killed
 * by `stop()` or, at the latest, when this process exits.
 */
export async function startPlayground(options: {
  botEndpoint: string;
  port: number;
  timeoutMs?: number;
}): Promise<RunningPlayground> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'agents-playground-'));
  const args = ['-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--dt'];
  const child = spawn(process.execPath, [PLAYGROUND_CLI, ...args], {
    cwd,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    await killAndWait(child);
    await rm(cwd, { recursive: true, force: true });
  };

  try {
    const port = await waitForListening(child, () => output, timeoutMs);
    const url = `http://127.0.0.1:${port}/`;
    await waitForPage(url, timeoutMs);
    return { url, port, output: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(
      `Agents Playground did not start (${options.botEndpoint}, port ${options.port}): ${(error as Error).message}\n${output}`,
      { cause: error },
    );
  }
}

async function waitForListening(child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const port = /Listening on (\d+)/.exec(output())?.[1];
    if (port) return Number(port);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`it exited (${child.signalCode ?? child.exitCode}) before listening`);
    }
    await sleep(100);
  }
  throw new Error(`it printed no "Listening on <port>" within ${timeoutMs} ms`);
}

async function waitForPage(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

async function killAndWait(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  killGroup(child, 'SIGTERM');
  const gone = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
  if (!gone) {
    killGroup(child, 'SIGKILL');
    await Promise.race([exited, sleep(5_000)]);
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
