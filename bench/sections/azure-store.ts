import { randomBytes } from 'node:crypto';
import { AzureTableCustomerStore } from '../../store/azure/azure-table-customer-store.js';
import { Azurite } from '../../test/helpers/start-azurite.js';
import type { BenchContext } from '../bench-context.js';
import { type ConcurrencyResult, measureConcurrency } from './concurrency.js';
import { type LatencyResult, measureTurnLatency } from './turn-latency.js';

/** The bot with `STORE=azure` on Azurite: the same walks as the JSON sections, each against the echo bot. */
export type AzureStoreResult = {
  /** Milliseconds from spawning Azurite to its blob and table services listening (not part of any turn). */
  azuriteStartMs: number;
  latency: LatencyResult;
  concurrency: ConcurrencyResult;
};

/**
 * Starts one in-memory Azurite on free 127.0.0.1 ports and runs the turn-latency walks (one user at a time,
 * an echo turn before every step) and the concurrency run (many users at once) with the bot on Azure
 * Storage: dialog state in blobs, customers, requests, audit, outbox and leases in tables. Each run gets
 * its own table prefix and state container, so the concurrency run counts only its own customers. Azurite
 * is a local emulator, so these numbers show the cost of the storage round trips over loopback, not of a
 * real storage account (which adds the network between App Service and storage to every one of them).
 */
export async function measureAzureStore(context: BenchContext): Promise<AzureStoreResult> {
  const started = performance.now();
  const azurite = await Azurite.start();
  const azuriteStartMs = performance.now() - started;
  try {
    const { connectionString } = azurite;
    const envFor = (prefix: string) => ({
      STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: connectionString,
      AZURE_STORAGE_TABLE_PREFIX: prefix,
      AZURE_STORAGE_STATE_CONTAINER: `${prefix}-state`,
    });
    context.progress('turn latency on Azurite');
    const latency = await measureTurnLatency(context, {
      env: envFor(newTablePrefix()),
      walks: context.plan.azure.latencyWalks,
      warmupWalks: context.plan.azure.warmupWalks,
    });
    context.progress('concurrency on Azurite');
    const prefix = newTablePrefix();
    const concurrency = await measureConcurrency(context, {
      env: envFor(prefix),
      openStore: () => AzureTableCustomerStore.open({ connectionString }, prefix),
      echoBaseline: false,
    });
    return { azuriteStartMs, latency, concurrency };
  } finally {
    await azurite.stop();
  }
}

/** A table prefix of its own for one bot run (letters and digits, as Azure table names need). */
function newTablePrefix(): string {
  return `bench${randomBytes(4).toString('hex')}`;
}
