import type { MachineInfo } from './machine.js';
import type { ConcurrencyResult } from './sections/concurrency.js';
import type { LatencyWithStoreResult } from './sections/latency-with-store.js';
import type { PartnerCenterResult } from './sections/partner-center.js';
import type { StoreGrowthResult } from './sections/store-growth.js';
import type { LatencyResult } from './sections/turn-latency.js';

/** Everything one run measured, as written to `bench/results.json`. */
export type BenchResults = {
  quick: boolean;
  machine: MachineInfo;
  seconds: number;
  latency: LatencyResult;
  latencyWithStore: LatencyWithStoreResult;
  concurrency: ConcurrencyResult;
  partnerCenter: PartnerCenterResult;
  storeGrowth: StoreGrowthResult;
  memory: {
    echoAfterStart: number;
    botAfterStart: number;
    botWithStore: { customers: number; rss: number; singleFileRss?: number; leanRss?: number };
    botAfterConcurrency: number;
  };
};
