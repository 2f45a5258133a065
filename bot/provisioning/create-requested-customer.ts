import type { ApprovalRequest, Creation } from '../../store/customer-schema.js';
import type { HeldLease } from '../../store/leases.js';
import type { BotDeps } from '../bot-deps.js';
import { describeError } from '../logging/describe-error.js';
import { isPartnerCenterError } from '../partner-center/partner-center-error.js';
import { createCustomerAndNotify } from './create-customer-and-notify.js';
import { type FailureReason, INTERNAL_FAILURE } from './request-progress.js';
import type { SubmitOutcome } from './request-submitter.js';
import { showRequestProgress } from './show-request-progress.js';

/**
 * Marks a stored new-customer request as being created and returns once the mark is saved (from then on
 * a restart resumes it). After the turn, shows Creating… on its card and creates the customer under the request's lease
 * (see `createRequestedCustomer`): neither waits on the Bot Connector or Partner Center inside a turn,
 * whose answer Teams awaits.
 */
export async function startCreation(deps: BotDeps, stored: ApprovalRequest): Promise<void> {
  const marked = await deps.store.setCreation(stored.id, {
    state: 'creating',
    attempts: stored.creation?.attempts ?? 0,
    at: deps.now().toISOString(),
    partnerCenterCustomerId: stored.creation?.partnerCenterCustomerId,
    orderIds: stored.creation?.orderIds ?? [],
  });
  deps.background.start(`create the customer of request ${stored.id}`, async (signal) => {
    await showRequestProgress(deps, marked);
    await deps.leases.hold(`creation/${stored.id}`, (lease) =>
      createRequestedCustomer(deps, stored.id, signal, lease),
    );
  });
}

/**
 * Carries on, after the turn, with the creation of a request marked `creating`: at Submit, after a
 * restart, or when the instance that held its lease died. Does nothing while another holder has it.
 */
export function resumeCreation(deps: BotDeps, requestId: string): void {
  deps.background.start(`create the customer of request ${requestId}`, async (signal) => {
    await deps.leases.hold(`creation/${requestId}`, (lease) =>
      createRequestedCustomer(deps, requestId, signal, lease),
    );
  });
}

/**
 * Creates the customer of a request marked `creating` under its lease, and stops without writing once the
 * bot is stopping (`stopping`) or the lease is lost: another instance then carries the creation on, and
 * this one must neither overwrite its progress nor save the customer a second time. Every write of the
 * request is preceded by `lease.confirm`, so that an instance paused past its lease (its renewals
 * stalled) learns it lost the lease before writing, not after.
 */
async function createRequestedCustomer(
  deps: BotDeps,
  requestId: string,
  stopping: AbortSignal,
  lease: HeldLease,
): Promise<void> {
  const signal = AbortSignal.any([stopping, lease.lost]);
  const confirm = async () => {
    signal.throwIfAborted();
    await lease.confirm();
  };
  try {
    await attemptCreation(deps, requestId, signal, confirm);
  } catch (error) {
    if (!signal.aborted) throw error;
    if (!lease.lost.aborted) return;
    deps.logger.warn(
      { requestId, reason: describeError(lease.lost.reason) },
      'creating the customer stopped without writing: its lease was lost, another instance carries it on',
    );
  }
}

/**
 * One attempt at creating the customer, then the Review card updated to created, or to failed with the
 * reason and Try again. Each attempt is counted before it starts and what Partner Center has done is
 * recorded as soon as it is known, so that an attempt cut off at any moment is resumed by the next start
 * without creating or ordering twice. Throws, having written nothing more, once `signal` aborts.
 */
async function attemptCreation(
  deps: BotDeps,
  requestId: string,
  signal: AbortSignal,
  confirm: () => Promise<void>,
): Promise<void> {
  const stored = await deps.store.findRequest(requestId);
  const started = stored?.creation;
  if (!stored || started?.state !== 'creating') return;
  let creation: Creation = { ...started, attempts: started.attempts + 1 };
  await confirm();
  await deps.store.setCreation(requestId, creation);
  const progress = {
    attempts: creation.attempts,
    partnerCenterCustomerId: creation.partnerCenterCustomerId,
    orderIds: creation.orderIds,
    signal,
    confirm,
    record: async (done: { partnerCenterCustomerId?: string; orderIds?: string[] }) => {
      await confirm();
      creation = { ...creation, ...done };
      await deps.store.setCreation(requestId, creation);
    },
  };
  let outcome: SubmitOutcome;
  try {
    outcome = await createCustomerAndNotify(deps, stored.request, progress);
    if (outcome.kind !== 'domainTaken' && outcome.kind !== 'created' && outcome.kind !== 'alreadySubmitted') {
      throw new Error(`creating request ${requestId} ended as ${outcome.kind}`);
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    deps.logger.error({ requestId, error: describeError(error) }, 'creating the customer failed');
    await confirm();
    await fail(deps, requestId, creation, isPartnerCenterError(error) ? error.code : INTERNAL_FAILURE);
    return;
  }
  await confirm();
  if (outcome.kind === 'domainTaken') {
    await fail(deps, requestId, creation, 'DOMAIN_TAKEN_IN_PARTNER_CENTER');
    return;
  }
  await deps.store.setRequestCustomer(requestId, outcome.customer.id);
  const created = await deps.store.setCreation(requestId, {
    ...creation,
    state: 'created',
    at: deps.now().toISOString(),
  });
  await showRequestProgress(deps, created);
}

async function fail(
  deps: BotDeps,
  requestId: string,
  creation: Creation,
  failure: FailureReason,
): Promise<void> {
  const failed = await deps.store.setCreation(requestId, {
    ...creation,
    state: 'failed',
    at: deps.now().toISOString(),
    failure,
  });
  await showRequestProgress(deps, failed);
}
