import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../bot/config/load-config.js';
import {
  type ClockMessage,
  type CpuMessage,
  type MemoryMessage,
  type ParentMessage,
  type ReadyMessage,
  sampleMemory,
} from './child-messages.js';

/**
 * A child process of the bench running either the real bot (`bot`) or the echo baseline (`echo`) on
 * 127.0.0.1, configured by its environment like `npm start`; a second argument sets the customer store's
 * segment size (to run the bot on the single-file layout). It reports when it listens and answers the
 * bench's memory questions over the IPC channel.
 */
const [mode, segmentSize] = process.argv.slice(2);
if (mode !== 'bot' && mode !== 'echo') throw new Error(`bot-process: mode must be bot or echo, not ${mode}`);
if (!process.send) throw new Error('bot-process must be started by the bench (with an IPC channel)');

const config = loadConfig(process.env);
const importStarted = performance.now();
let importMs: number;
let createStarted: number;
let listen: () => Promise<string>;
let close: () => Promise<void>;
if (mode === 'bot') {
  const { createApp } = await import('../../bot/create-app.js');
  createStarted = performance.now();
  importMs = createStarted - importStarted;
  const app = await createApp(
    config,
    segmentSize ? { customerStore: { segmentSize: Number(segmentSize) } } : {},
  );
  listen = () => app.listen(0, '127.0.0.1');
  close = () => app.close();
} else {
  const { createEchoServer } = await import('./echo-bot.js');
  createStarted = performance.now();
  importMs = createStarted - importStarted;
  const server = createEchoServer(config);
  listen = () =>
    new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      ),
    );
  close = () => new Promise((resolve) => server.close(() => resolve()));
}
const createAppMs = performance.now() - createStarted;
const url = await listen();
const ready: ReadyMessage = { type: 'ready', url, uptimeMs: performance.now(), importMs, createAppMs };
process.send(ready);

process.on('message', (message: ParentMessage) => {
  if (message.type === 'memory') {
    const answer: MemoryMessage = { type: 'memory', memory: sampleMemory(message.gc) };
    process.send?.(answer);
  } else if (message.type === 'clock') {
    const answer: ClockMessage = { type: 'clock', microseconds: Number(process.hrtime.bigint() / 1000n) };
    process.send?.(answer);
  } else if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    const answer: CpuMessage = { type: 'cpu', microseconds: user + system };
    process.send?.(answer);
  } else if (message.type === 'stop') {
    void close().then(() => process.exit(0));
  }
});
