import type { BenchContext } from '../bench-context.js';
import { LAYOUTS } from './store-growth.js';
import { type LatencyResult, measureTurnLatency } from './turn-latency.js';

/** The walk's latency on a store that already holds many customers, in the shipped and the old layout. */
export type LatencyWithStoreResult = {
  customers: number;
  segmented: LatencyResult;
  singleFile: LatencyResult;
};

/**
 * Runs the timed walks with the bot started on a store of `latencyWithStore.customers` approved walks,
 * once split into segments (as shipped) and once as the single `customers.json` of the old design: the
 * store design's effect on what a user waits for.
 */
export async function measureLatencyWithStore(context: BenchContext): Promise<LatencyWithStoreResult> {
  const { customers, segmentedWalks, singleFileWalks, warmupWalks } = context.plan.latencyWithStore;
  context.progress(`latency with ${customers} customers stored, segmented`);
  const segmented = await measureTurnLatency(context, {
    stored: { customers, segmentSize: LAYOUTS.segmented },
    walks: segmentedWalks,
    warmupWalks,
  });
  context.progress(`latency with ${customers} customers stored, single file`);
  const singleFile = await measureTurnLatency(context, {
    stored: { customers, segmentSize: LAYOUTS.singleFile },
    walks: singleFileWalks,
    warmupWalks,
  });
  return { customers, segmented, singleFile };
}
