import { fork } from 'node:child_process';
import path from 'node:path';
import type { StoreJob, StoreMeasurement } from './children/store-process.js';
import type { CompiledBot } from './compile-for-bench.js';

const JOB_TIMEOUT_MS = 300_000;

/** Runs one store measurement in a fresh child process and returns what it measured. */
export function runStoreJob(compiled: CompiledBot, job: StoreJob): Promise<StoreMeasurement> {
  const child = fork(path.join(compiled.dir, 'bench/children/store-process.js'), [], {
    execArgv: ['--expose-gc', '--max-old-space-size=4096'],
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the store measurement of ${job.dataDir} took over ${JOB_TIMEOUT_MS} ms`));
    }, JOB_TIMEOUT_MS);
    child.once(
      'message',
      (message: { type: 'result'; result: StoreMeasurement } | { type: 'error'; message: string }) => {
        clearTimeout(timer);
        if (message.type === 'result') resolve(message.result);
        else reject(new Error(`the store measurement of ${job.dataDir} failed: ${message.message}`));
      },
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`the store measurement of ${job.dataDir} exited with ${code}`));
    });
    child.send(job);
  });
}
