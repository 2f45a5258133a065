#!/usr/bin/env node
// `npm run playground`: builds the bot, starts it with the embedded JSON store, starts Microsoft 365
// Agents Playground (Teams channel) pointed at it, waits until both answer and prints the URL to open.
// Ctrl+C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const BOT_PORT = Number(process.env.PORT ?? 3978);
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);
// The Playground's signed-in user ("Alex Wilber"), made an approver so the whole flow can be tried alone.
const PLAYGROUND_USER_AAD_ID = '00000000-0000-0000-0000-0000000000020';
// The Playground's made-up tenant, the only one let in (as ALLOWED_TENANT_IDS does in production).
const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [];
const start = (name, command, args, env) => {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => process.stdout.write(prefixLines(name, chunk)));
  child.stderr.on('data', (chunk) => process.stderr.write(prefixLines(name, chunk)));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[${name}] exited (${signal ?? code}); stopping`);
      stop(1);
    }
  });
  children.push(child);
  return child;
};
const prefixLines = (name, chunk) =>
  chunk
    .toString()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `[${name}] ${line}\n`)
    .join('');

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('bot', process.execPath, ['dist/bot/index.js'], {
  PORT: String(BOT_PORT),
  HOST: '127.0.0.1',
  DATA_DIR: process.env.DATA_DIR ?? './data',
  APPROVER_IDS: process.env.APPROVER_IDS ?? PLAYGROUND_USER_AAD_ID,
  ALLOWED_TENANT_IDS: process.env.ALLOWED_TENANT_IDS ?? PLAYGROUND_TENANT_ID,
});
start(
  'playground',
  'node_modules/.bin/agentsplayground',
  ['-e', `http://127.0.0.1:${BOT_PORT}/api/messages`, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--dt'],
  { TEAMSAPPTESTER_BROWSER: 'none' },
);

async function waitFor(url, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return false;
}

const [botUp, playgroundUp] = await Promise.all([
  waitFor(`http://127.0.0.1:${BOT_PORT}/healthz`, 30),
  waitFor(`http://127.0.0.1:${PLAYGROUND_PORT}/`, 60),
]);
if (!botUp || !playgroundUp) {
  console.error(`Not ready: bot ${botUp ? 'up' : 'down'}, playground ${playgroundUp ? 'up' : 'down'}`);
  stop(1);
} else {
  console.log(
    `\nReady. Open http://localhost:${PLAYGROUND_PORT} and type "add customer" (Ctrl+C to stop).\n`,
  );
}
