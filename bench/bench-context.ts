import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { BotEndpoint, HttpAnswer } from '../test/helpers/bot-under-test.js';
import type { CompiledBot } from './compile-for-bench.js';

/** How big a run is: `--quick` for CI (under a minute), the full one for the numbers in the docs. */
export type BenchPlan = {
  quick: boolean;
  latency: { warmupWalks: number; walks: number };
  /** Walks on a store that already holds `customers`, per layout (the single file is slow there). */
  latencyWithStore: {
    customers: number;
    segmentedWalks: number;
    singleFileWalks: number;
    warmupWalks: number;
  };
  /**
   * `connections`: how many kept-alive connections the users' activities reach the bot over (see
   * `ConcurrencyResult.connections`); `alsoNewConnections`: whether to run it again with a new connection
   * per user, the worst case.
   */
  concurrency: { users: number; threads: number; connections: number; alsoNewConnections: boolean };
  /** The bot on Azurite (`STORE=azure`): its latency walks; its concurrency run uses `concurrency`. */
  azure: { warmupWalks: number; latencyWalks: number };
  /** Walks against the fake Partner Center, which answers every `/v1` call after `latencyMs`. */
  partnerCenter: { walks: number; latencyMs: number };
  store: {
    sizes: number[];
    /** The size whose bot is measured for memory ("after 10 000 customers loaded"). */
    memorySize: number;
    segmentWalks: number;
    singleFileWalks: (size: number) => number;
    /** Above this, the single-file baseline is not run (its file outgrows what V8 can hold as one string). */
    singleFileMaxSize: number;
    lookups: number;
    coldStarts: number;
    /** Whether to start the bot on the single-file baseline too (the full run does; a quick one skips it). */
    singleFileColdStart: boolean;
    /** The segment sizes compared at `sweepCustomers` customers, to choose the default. */
    sweepSegmentSizes: number[];
    sweepCustomers: number;
  };
};

/** The plan for `npm run bench` and `npm run bench -- --quick`. */
export function benchPlan(quick: boolean): BenchPlan {
  return quick
    ? {
        quick,
        latency: { warmupWalks: 3, walks: 20 },
        latencyWithStore: { customers: 1_000, segmentedWalks: 3, singleFileWalks: 2, warmupWalks: 1 },
        concurrency: { users: 30, threads: 3, connections: 3, alsoNewConnections: false },
        azure: { warmupWalks: 2, latencyWalks: 10 },
        partnerCenter: { walks: 3, latencyMs: 300 },
        store: {
          sizes: [100, 1_000],
          memorySize: 1_000,
          segmentWalks: 40,
          singleFileWalks: () => 5,
          singleFileMaxSize: 1_000,
          lookups: 2_000,
          coldStarts: 1,
          singleFileColdStart: false,
          sweepSegmentSizes: [100, 1_000],
          sweepCustomers: 1_000,
        },
      }
    : {
        quick,
        latency: { warmupWalks: 20, walks: 300 },
        latencyWithStore: { customers: 10_000, segmentedWalks: 50, singleFileWalks: 5, warmupWalks: 2 },
        concurrency: { users: 200, threads: 20, connections: 20, alsoNewConnections: true },
        azure: { warmupWalks: 20, latencyWalks: 300 },
        partnerCenter: { walks: 20, latencyMs: 300 },
        store: {
          sizes: [100, 1_000, 10_000, 100_000],
          memorySize: 10_000,
          segmentWalks: 200,
          singleFileWalks: (size) => (size >= 10_000 ? 5 : 20),
          singleFileMaxSize: 10_000,
          lookups: 20_000,
          coldStarts: 3,
          singleFileColdStart: true,
          sweepSegmentSizes: [50, 100, 250, 500, 1_000, 2_000],
          sweepCustomers: 10_000,
        },
      };
}

/** What every section gets: the compiled bot, the plan, a scratch folder and the approver's identity. */
export type BenchContext = {
  compiled: CompiledBot;
  plan: BenchPlan;
  scratch: string;
  approverAadId: string;
  /** Prints a progress line on stderr (the table goes to stdout). */
  progress(line: string): void;
};

/** A scratch folder for one run, removed by `dispose`. */
export async function createScratch(): Promise<{ dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'add-customer-bench-'));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** A new Entra object id for the bench's approver. */
export function newApproverId(): string {
  return randomUUID();
}

/**
 * Posts activities to a bot's `/api/messages` over at most `connections` kept-alive connections, queued
 * in order beyond that (`node:http`'s agent), as a service posting for many users does.
 */
export function pooledHttpEndpoint(url: string, connections: number): BotEndpoint {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL('/api/messages', url);
  return {
    post(activity: object, headers: Record<string, string> = {}): Promise<HttpAnswer> {
      const body = JSON.stringify(activity);
      return new Promise((resolve, reject) => {
        const request = http.request(
          target,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              ...headers,
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
            );
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    },
  };
}

/** Posts activities to a bot's `/api/messages` with `fetch`, as the end-to-end tests' `BotUnderTest` does. */
export function httpEndpoint(url: string): BotEndpoint {
  return {
    async post(activity: object, headers: Record<string, string> = {}): Promise<HttpAnswer> {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        body: JSON.stringify(activity),
        headers: { 'content-type': 'application/json', ...headers },
      });
      return { status: response.status, body: await response.text() };
    },
  };
}
