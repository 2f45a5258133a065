import type { Logger } from 'pino';
import { renderCredentialsCard } from '../../cards/credentials.js';
import { escapeUserText } from '../../cards/render-card.js';
import type { AuditEntry, BotCustomer, CustomerRequest } from '../../store/customer-schema.js';
import type { CustomerStore } from '../../store/customer-store.js';
import { translator } from '../../store/i18n/translate.js';
import { KeyedLock } from '../../store/keyed-lock.js';
import type { HeldLease, Leases } from '../../store/leases.js';
import type { OutboxEntry, OutboxFolder } from '../../store/outbox-folder.js';
import type { PendingNotices } from '../../store/pending-notices.js';
import type { BackgroundWork } from '../background-work.js';
import { openSealedSecret, sealSecret } from '../credentials/seal-secret.js';
import { describeError } from '../logging/describe-error.js';
import { type TeamsMessenger, UserUnreachableError } from '../messaging/teams-messenger.js';
import type { AdminCredentials } from './customer-provisioner.js';

/** How undelivered credentials are retried: the wait doubles from `firstRetryMs` up to `maxRetryMs`. */
export type OutboxSchedule = { firstRetryMs: number; maxRetryMs: number; expireAfterMs: number };

/** Seconds growing to minutes, for 24 hours. */
export const DEFAULT_OUTBOX_SCHEDULE: OutboxSchedule = {
  firstRetryMs: 5_000,
  maxRetryMs: 10 * 60_000,
  expireAfterMs: 24 * 60 * 60_000,
};

/** What one delivery attempt came to; `expired`: the entry was destroyed and the requester told to reset. */
export type Delivery = 'delivered' | 'unreachable' | 'failed' | 'expired';

/** What the outbox uses of the bot's parts. */
export type OutboxDeps = {
  store: CustomerStore;
  messenger: TeamsMessenger;
  background: BackgroundWork;
  logger: Logger;
  now: () => Date;
  /** Where a reset notice that reached neither chat waits for the requester's next turn. */
  notices: PendingNotices;
  /** One deliverer per entry, also across instances sharing Azure Storage. */
  leases: Leases;
};

/**
 * Admin credentials on their way to the requester's 1:1 chat. `add` seals the password (AES-256-GCM)
 * and writes the entry to the data folder before anything is sent; `deliver` sends it, deletes the entry
 * once Teams accepted it, and otherwise retries after a growing wait, also after a restart (`resume`).
 * After `expireAfterMs`, or when the entry cannot be opened (the key is gone), the entry is destroyed
 * and the requester told to reset the password.
 */
export class CredentialsOutbox {
  private readonly attempts = new KeyedLock();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /**
   * Entries the outbox refused to write, held in this process only; dropped once written, delivered or
   * destroyed (so that an entry another instance delivered and deleted is not sent again from here).
   */
  private readonly held = new Map<string, OutboxEntry>();
  /** Entries delivered or destroyed whose file the disk would not delete yet. */
  private readonly done = new Map<string, OutboxEntry>();
  private closed = false;

  constructor(
    private readonly deps: OutboxDeps,
    private readonly folder: OutboxFolder,
    private readonly key: Buffer,
    private readonly schedule: OutboxSchedule = DEFAULT_OUTBOX_SCHEDULE,
  ) {}

  /**
   * Seals and writes the credentials of a just created customer; returns once the entry is on disk. When
   * the disk refuses it, the entry is logged as held in memory only and delivered from there.
   */
  async add(request: CustomerRequest, customer: BotCustomer, credentials: AdminCredentials): Promise<void> {
    await this.keep({
      requestId: request.requestId,
      customerId: customer.id,
      requester: request.requester,
      origin: request.origin,
      locale: request.locale,
      companyName: customer.companyName,
      adminAccount: credentials.adminAccount,
      sealedPassword: sealSecret(this.key, credentials.temporaryPassword),
      createdAt: this.deps.now().toISOString(),
      attempts: 0,
    });
  }

  /** Starts, after the turn, one attempt for every entry in the outbox: at start-up. */
  async resume(): Promise<void> {
    for (const requestId of await this.folder.requestIds()) this.start(requestId);
  }

  /**
   * One attempt to deliver the entry of `requestId`; undefined when there is none (already delivered).
   * A failed attempt schedules the next one.
   */
  deliver(requestId: string, signal?: AbortSignal): Promise<Delivery | undefined> {
    return this.attempts.run(requestId, async () => {
      const held = await this.deps.leases.hold(`outbox/${requestId}`, (lease) =>
        this.attempt(requestId, lease, signal ? AbortSignal.any([signal, lease.lost]) : lease.lost),
      );
      return held.ran ? held.value : undefined;
    });
  }

  /**
   * One attempt, under the entry's lease: another instance may have delivered it meanwhile. The lease is
   * confirmed (`HeldLease.confirm` throws only once it is lost) before the entry is destroyed, or counted
   * and sent; a message sent cannot be taken back, so a delivered entry is deleted whatever the lease says.
   */
  private async attempt(
    requestId: string,
    lease: HeldLease,
    signal: AbortSignal,
  ): Promise<Delivery | undefined> {
    const finished = this.done.get(requestId);
    if (finished) {
      await this.forget(finished);
      return undefined;
    }
    const stored = this.held.get(requestId) ?? (await this.folder.get(requestId));
    if (!stored || signal.aborted) return undefined;
    const stillHeld = await lease.confirm().then(
      () => true,
      (lost: unknown) => {
        const facts = { requestId, reason: describeError(lost) };
        this.deps.logger.warn(
          facts,
          'credentials not sent from here: their lease was lost to another instance',
        );
        return false;
      },
    );
    if (!stillHeld) return undefined;
    if (this.deps.now().getTime() - Date.parse(stored.createdAt) >= this.schedule.expireAfterMs) {
      await this.destroy(stored, 'expired');
      return 'expired';
    }
    let password: string;
    try {
      password = openSealedSecret(this.key, stored.sealedPassword);
    } catch (error) {
      this.deps.logger.warn(
        { requestId, customerId: stored.customerId, error: describeError(error) },
        'undelivered credentials cannot be opened with this key: destroyed',
      );
      await this.destroy(stored, 'unreadable');
      return 'expired';
    }
    const entry = { ...stored, attempts: stored.attempts + 1 };
    await this.keep(entry);
    return this.send(entry, password);
  }

  /** Stops scheduling attempts; an entry left in the outbox is tried again at the next start. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async send(entry: OutboxEntry, password: string): Promise<Delivery> {
    const card = renderCredentialsCard({
      locale: entry.locale,
      customerId: entry.customerId,
      companyName: entry.companyName,
      adminAccount: entry.adminAccount,
      temporaryPassword: password,
    });
    const facts = { requestId: entry.requestId, customerId: entry.customerId, attempt: entry.attempts };
    let delivery: Delivery;
    try {
      await this.deps.messenger.sendToUser(entry.origin, entry.requester, { attachments: [card] });
    } catch (error) {
      if (error instanceof UserUnreachableError) {
        delivery = 'unreachable';
        this.deps.logger.warn(facts, 'requester has no 1:1 chat');
      } else {
        delivery = 'failed';
        this.deps.logger.error({ ...facts, error: describeError(error) }, 'credentials delivery failed');
      }
      if (entry.attempts === 1) await this.audit(entry, 'credentials.undeliverable', delivery);
      this.retryLater(entry);
      return delivery;
    }
    this.deps.logger.info(facts, 'credentials delivered');
    await this.forget(entry);
    await this.audit(entry, 'credentials.delivered', 'delivered');
    return 'delivered';
  }

  /** Writes `entry` to the outbox; a refused write is logged and the entry kept in memory for this process. */
  private async keep(entry: OutboxEntry): Promise<void> {
    this.held.set(entry.requestId, entry);
    try {
      await this.folder.put(entry);
      this.held.delete(entry.requestId);
    } catch (error) {
      this.deps.logger.error(
        { requestId: entry.requestId, error: describeError(error) },
        'outbox entry not written: held in memory only, lost if the bot stops before delivery',
      );
    }
  }

  /** Deletes a delivered or destroyed entry; a refused delete is logged and retried by the next attempt. */
  private async forget(entry: OutboxEntry): Promise<void> {
    this.held.delete(entry.requestId);
    try {
      await this.folder.delete(entry.requestId);
      this.done.delete(entry.requestId);
    } catch (error) {
      this.deps.logger.error(
        { requestId: entry.requestId, error: describeError(error) },
        'outbox entry not deleted: deleted later',
      );
      this.done.set(entry.requestId, entry);
      this.retryLater(entry);
    }
  }

  private retryLater(entry: OutboxEntry): void {
    if (this.closed) return;
    const backoff = this.schedule.firstRetryMs * 2 ** Math.max(0, entry.attempts - 1);
    const expiresIn = Date.parse(entry.createdAt) + this.schedule.expireAfterMs - this.deps.now().getTime();
    const delay = Math.max(
      0,
      Math.min(backoff, this.schedule.maxRetryMs, expiresIn > 0 ? expiresIn : Number.POSITIVE_INFINITY),
    );
    clearTimeout(this.timers.get(entry.requestId));
    const timer = setTimeout(() => {
      this.timers.delete(entry.requestId);
      this.start(entry.requestId);
    }, delay);
    timer.unref();
    this.timers.set(entry.requestId, timer);
  }

  private start(requestId: string): void {
    this.deps.background.start(`deliver the credentials of request ${requestId}`, async (signal) => {
      await this.deliver(requestId, signal);
    });
  }

  /** Deletes the entry, then tells the requester (1:1 if possible, else where they asked) to reset the password. */
  private async destroy(entry: OutboxEntry, why: 'expired' | 'unreadable'): Promise<void> {
    await this.forget(entry);
    await this.audit(entry, 'credentials.expired', why);
    const key = why === 'expired' ? 'credentials.expired' : 'credentials.unreadable';
    const text = translator(entry.locale)(key, {
      company: escapeUserText(entry.companyName),
      account: entry.adminAccount,
    });
    const facts = { requestId: entry.requestId, customerId: entry.customerId };
    try {
      await this.deps.messenger.sendToUser(entry.origin, entry.requester, { text });
      return;
    } catch (error) {
      this.deps.logger.warn({ ...facts, error: describeError(error) }, 'reset notice not delivered 1:1');
    }
    try {
      await this.deps.messenger.sendToConversation(entry.origin, { text });
      return;
    } catch (error) {
      this.deps.logger.warn(
        { ...facts, error: describeError(error) },
        "reset notice not delivered: kept for the requester's next turn",
      );
    }
    await this.deps.notices.put({
      requestId: entry.requestId,
      userId: entry.requester.userId,
      conversationId: entry.origin.conversationId,
      locale: entry.locale,
      key,
      company: entry.companyName,
      account: entry.adminAccount,
      createdAt: this.deps.now().toISOString(),
    });
  }

  private async audit(entry: OutboxEntry, event: AuditEntry['event'], detail: string): Promise<void> {
    try {
      await this.deps.store.appendAudit({
        at: this.deps.now().toISOString(),
        event,
        requestId: entry.requestId,
        customerId: entry.customerId,
        actor: entry.requester,
        detail,
      });
    } catch (error) {
      this.deps.logger.error(
        { requestId: entry.requestId, event, error: describeError(error) },
        'audit entry not written; delivery goes on',
      );
    }
  }
}
