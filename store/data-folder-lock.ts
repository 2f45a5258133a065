import { mkdir, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { Writer } from 'steno';

/** The lock, a directory in the data folder that only one process at a time can create. */
export const DATA_FOLDER_LOCK = 'bot.lock';
/** Beside the lock: which process holds it (`pid`, `hostname`, `since`). */
export const DATA_FOLDER_HOLDER = 'bot.pid';
/**
 * How old the lock may grow before another process may take it: the holder refreshes it every half of
 * this, so only a holder that is gone (killed, crashed, its machine down) leaves it to age.
 */
export const DATA_FOLDER_LOCK_STALE_MS = 10_000;

type Holder = { pid: number; hostname: string; since: string };

/** Thrown when another process holds the data folder; the message names the folder and that process. */
export class DataFolderLockedError extends Error {
  readonly code = 'DATA_FOLDER_LOCKED';

  constructor(
    readonly folder: string,
    readonly holder: Holder | undefined,
  ) {
    const who = holder
      ? `process ${holder.pid}${holder.hostname === hostname() ? '' : ` on ${holder.hostname}`}, since ${holder.since}`
      : 'a process that is starting (its pid is not written yet)';
    super(
      `The data folder ${folder} is in use by another add-customer-bot: ${who}. One process per data folder: stop that one, or set DATA_DIR to another folder.`,
    );
  }
}

/** A held data folder; `release` frees it for the next process. */
export type DataFolderLock = { release(): Promise<void> };

/**
 * Takes the exclusive lock on `dataDir` (created if need be) with `proper-lockfile`, and writes this
 * process's pid beside it. Another live holder is a `DataFolderLockedError` at once. A lock left by a
 * process of this machine that is gone (SIGKILL, crash) is taken over once it is stale, within
 * `DATA_FOLDER_LOCK_STALE_MS`; one from another machine as soon as it is stale. `onLost` is called if the
 * lock is taken away while held (it could not be refreshed in time).
 */
export async function lockDataFolder(
  dataDir: string,
  options: { onLost: (error: Error) => void },
): Promise<DataFolderLock> {
  await mkdir(dataDir, { recursive: true });
  const lockOptions = {
    lockfilePath: path.join(dataDir, DATA_FOLDER_LOCK),
    stale: DATA_FOLDER_LOCK_STALE_MS,
    onCompromised: options.onLost,
  };
  const holderFile = path.join(dataDir, DATA_FOLDER_HOLDER);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, lockOptions);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const holder = await readHolder(holderFile);
    if (!holder || !isGoneFromHere(holder)) throw new DataFolderLockedError(dataDir, holder);
    const wait = {
      retries: DATA_FOLDER_LOCK_STALE_MS / 500 + 4,
      factor: 1,
      minTimeout: 500,
      maxTimeout: 500,
    };
    try {
      release = await lockfile.lock(dataDir, { ...lockOptions, retries: wait });
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'ELOCKED') throw again;
      throw new DataFolderLockedError(dataDir, await readHolder(holderFile));
    }
  }
  const holder: Holder = { pid: process.pid, hostname: hostname(), since: new Date().toISOString() };
  try {
    await new Writer(holderFile).write(`${JSON.stringify(holder)}\n`);
  } catch (error) {
    await release();
    throw error;
  }
  return {
    release: async () => {
      await rm(holderFile, { force: true });
      await release();
    },
  };
}

async function readHolder(file: string): Promise<Holder | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { pid, hostname: host, since } = JSON.parse(text) as Partial<Holder>;
    return typeof pid === 'number' && typeof host === 'string'
      ? { pid, hostname: host, since: String(since) }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the holder was a process of this machine that no longer runs (or this very one, restarted as the same pid). */
function isGoneFromHere(holder: Holder): boolean {
  if (holder.hostname !== hostname()) return false;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
