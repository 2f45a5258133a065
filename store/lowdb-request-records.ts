import type { ApprovalRequest, Creation, Decision, PostedCard } from './customer-schema.js';
import type { DecideResult } from './customer-store.js';
import { OrdinalTable } from './ordinal-table.js';
import type { StoreSegment } from './store-segment.js';

/**
 * The approval requests of the JSON customer store: which file holds each (by id) and which are being
 * created, in memory; the requests themselves in their files, read back through the file's segment when a
 * call needs one. Each change rewrites the one file that holds the request, and is undone in memory if
 * that write fails. `newestSegment` gives the file new requests go to.
 */
export class LowdbRequestRecords {
  /** Every request id by ordinal, with the file that holds it; as compact as the customers' keys. */
  private readonly ids: string[] = [];
  private readonly segments: StoreSegment[] = [];
  private readonly byId = new OrdinalTable((at) => this.ids[at]);
  private readonly creatingRequestIds = new Set<string>();

  constructor(private readonly newestSegment: () => StoreSegment) {}

  /** Notes the requests a file holds, as the store opens it (a later file's copy of an id wins). */
  adopt(segment: StoreSegment, requestIds: readonly string[], creatingRequestIds: readonly string[]): void {
    for (const requestId of requestIds) {
      const at = this.byId.get(requestId);
      if (at === undefined) this.note(requestId, segment);
      else this.segments[at] = segment;
    }
    for (const requestId of creatingRequestIds) this.creatingRequestIds.add(requestId);
  }

  /**
   * The request id as this index holds it, when it does: a customer's keys take it instead of their own
   * copy of the same string, which would cost as much again per customer.
   */
  sharedId(requestId: string): string {
    const at = this.byId.get(requestId);
    return at === undefined ? requestId : (this.ids[at] as string);
  }

  async add(request: ApprovalRequest): Promise<{ request: ApprovalRequest; created: boolean }> {
    if (this.byId.get(request.id) !== undefined) {
      return { request: (await this.find(request.id)) ?? request, created: false };
    }
    const segment = this.newestSegment();
    const at = this.note(request.id, segment);
    try {
      await segment.use(async (data) => {
        data.requests.push(request);
        try {
          await segment.write({ requests: [request] });
        } catch (error) {
          remove(data.requests, request);
          throw error;
        }
      });
    } catch (error) {
      this.byId.remove(request.id, at);
      throw error;
    }
    if (request.creation?.state === 'creating') this.creatingRequestIds.add(request.id);
    return { request, created: true };
  }

  async find(requestId: string): Promise<ApprovalRequest | undefined> {
    const segment = this.segmentOf(requestId);
    return segment?.use((data) => data.requests.find((request) => request.id === requestId));
  }

  async decide(requestId: string, decision: Decision): Promise<DecideResult> {
    return this.change(requestId, async (request, segment) => {
      if (request.status !== 'pending') return { request, decided: false };
      request.status = decision.status;
      request.decision = decision;
      try {
        await segment.write({ requests: [request] });
      } catch (error) {
        request.status = 'pending';
        request.decision = undefined;
        throw error;
      }
      return { request, decided: true };
    });
  }

  async addCards(requestId: string, cards: PostedCard[]): Promise<void> {
    await this.change(requestId, async (request, segment) => {
      request.cards.push(...cards);
      await segment.write({ requests: [request] });
    });
  }

  async setCreation(requestId: string, creation: Creation): Promise<ApprovalRequest> {
    return this.change(requestId, async (request, segment) => {
      const before = request.creation;
      request.creation = creation;
      try {
        await segment.write({ requests: [request] });
      } catch (error) {
        request.creation = before;
        throw error;
      }
      if (creation.state === 'creating') this.creatingRequestIds.add(requestId);
      else this.creatingRequestIds.delete(requestId);
      return request;
    });
  }

  unfinishedIds(): string[] {
    return [...this.creatingRequestIds];
  }

  async setCustomer(requestId: string, customerId: string): Promise<void> {
    await this.change(requestId, async (request, segment) => {
      request.customerId = customerId;
      await segment.write({ requests: [request] });
    });
  }

  private segmentOf(requestId: string): StoreSegment | undefined {
    const at = this.byId.get(requestId);
    return at === undefined ? undefined : this.segments[at];
  }

  /** Indexes a request held by `segment` under a new ordinal (one whose write failed keeps it, unindexed). */
  private note(requestId: string, segment: StoreSegment): number {
    const at = this.ids.length;
    this.ids.push(requestId);
    this.segments.push(segment);
    this.byId.add(requestId, at);
    return at;
  }

  /** Runs `change` on a stored request inside the file that holds it, read back first if need be. */
  private async change<T>(
    requestId: string,
    change: (request: ApprovalRequest, segment: StoreSegment) => Promise<T>,
  ): Promise<T> {
    const segment = this.segmentOf(requestId);
    if (!segment) throw new Error(`No request ${requestId}`);
    return segment.use((data) => {
      const request = data.requests.find((candidate) => candidate.id === requestId);
      if (!request) throw new Error(`No request ${requestId} in ${segment.file}`);
      return change(request, segment);
    });
  }
}

function remove<T>(list: T[], item: T): void {
  const at = list.lastIndexOf(item);
  if (at >= 0) list.splice(at, 1);
}
