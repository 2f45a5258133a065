import type { BotDeps } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { resumeCreation } from '../provisioning/create-requested-customer.js';

/** How often an instance on Azure Storage looks for work another instance left; a lease's length. */
const DEFAULT_SWEEP_MS = 60_000;

/**
 * With several instances on Azure Storage: every `everyMs`, offers each unfinished creation and each
 * undelivered set of credentials to this instance. Work another instance is doing is skipped (it holds
 * the lease); work whose instance died is taken over once its lease expires. Returns a stop function.
 */
export function sweepUnfinishedWork(deps: BotDeps, everyMs = DEFAULT_SWEEP_MS): () => void {
  const sweep = async () => {
    for (const requestId of await deps.store.unfinishedRequestIds()) resumeCreation(deps, requestId);
    await deps.outbox.resume();
  };
  const timer = setInterval(() => {
    sweep().catch((error: unknown) =>
      deps.logger.warn(
        { error: describeError(error) },
        'looking for unfinished work failed: tried again later',
      ),
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
