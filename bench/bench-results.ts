import type { MachineInfo } from './machine.js';
import type { AzureStoreResult } from './sections/azure-store.js';
import type { ConcurrencyResult } from './sections/concurrency.js';
import type { LatencyWithStoreResult } from './sections/latency-with-store.js';
import type { PartnerCenterResult } from './sections/partner-center.js';
import type { StoreGrowthResult } from './sections/store-growth.js';
import type { LatencyResult } from './sections/turn-latency.js';

/** The sections of a run, in the order they run; `--only` picks some of them. */
export const SECTIONS = [
  'latency',
  'latencyWithStore',
  'concurrency',
  'partnerCenter',
  'storeGrowth',
  'azure',
] as const;
/** One section of a run. */
export type Section = (typeof SECTIONS)[number];

/** Everything one run measured, as written to `bench/results.json`; a section not run is absent. */
export type BenchResults = {
  quick: boolean;
  machine: MachineInfo;
  seconds: number;
  /** The sections run (all unless `--only` named some). */
  sections: Section[];
  latency?: LatencyResult;
  latencyWithStore?: LatencyWithStoreResult;
  concurrency?: ConcurrencyResult;
  /** The concurrency run again with a new connection per user (full runs only; not judged). */
  concurrencyNewConnections?: ConcurrencyResult;
  partnerCenter?: PartnerCenterResult;
  storeGrowth?: StoreGrowthResult;
  /** The bot with `STORE=azure` on Azurite. */
  azure?: AzureStoreResult;
  memory?: {
    echoAfterStart: number;
    botAfterStart: number;
    botWithStore: { customers: number; rss: number; singleFileRss?: number; leanRss?: number };
    botAfterConcurrency?: number;
  };
};
