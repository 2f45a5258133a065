import { randomUUID } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import {
  type ApprovalRequest,
  ApprovalRequestSchema,
  type AuditEntry,
  AuditEntrySchema,
  type Creation,
  type Decision,
  type PostedCard,
} from '../customer-schema.js';
import type { DecideResult } from '../customer-store.js';
import { jsonEntity, lostRace, recordOf, statusOf, tableKey } from './table-entity.js';

const REQUESTS = 'requests';
const AUDIT = 'audit';

/**
 * Requests and the audit trail in the store table: one row per request (partition `requests`, keyed by
 * its id) changed only with `If-Match` on the eTag it was read with, so that of two instances deciding
 * the same request at once exactly one write lands; audit lines as rows keyed by time (then a random
 * id), so that they list oldest first.
 */
export class AzureTableRequests {
  constructor(private readonly table: TableClient) {}

  async add(request: ApprovalRequest): Promise<{ request: ApprovalRequest; created: boolean }> {
    try {
      await this.table.createEntity(this.rowOf(request));
      return { request, created: true };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      return { request: (await this.find(request.id)) ?? request, created: false };
    }
  }

  async find(requestId: string): Promise<ApprovalRequest | undefined> {
    return (await this.read(requestId))?.request;
  }

  async decide(requestId: string, decision: Decision): Promise<DecideResult> {
    return this.change<DecideResult>(requestId, (request) => {
      if (request.status !== 'pending') return { result: { request, decided: false } };
      const decided: ApprovalRequest = { ...request, status: decision.status, decision };
      return { write: decided, result: { request: decided, decided: true } };
    });
  }

  async addCards(requestId: string, cards: PostedCard[]): Promise<void> {
    await this.change(requestId, (request) => {
      const changed = { ...request, cards: [...request.cards, ...cards] };
      return { write: changed, result: undefined };
    });
  }

  async setCreation(requestId: string, creation: Creation): Promise<ApprovalRequest> {
    return this.change(requestId, (request) => {
      const changed = { ...request, creation };
      return { write: changed, result: changed };
    });
  }

  async setCustomer(requestId: string, customerId: string): Promise<void> {
    await this.change(requestId, (request) => ({ write: { ...request, customerId }, result: undefined }));
  }

  /** Ids of the requests whose creation is `creating`: a filter on a property written beside the JSON. */
  async unfinishedIds(): Promise<string[]> {
    const ids: string[] = [];
    const rows = this.table.listEntities({
      queryOptions: {
        filter: odata`PartitionKey eq ${REQUESTS} and creationState eq ${'creating'}`,
        select: ['requestId'],
      },
    });
    for await (const row of rows) ids.push(String(row.requestId));
    return ids;
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.table.createEntity(jsonEntity(AUDIT, `${tableKey(entry.at)}_${randomUUID()}`, entry));
  }

  /** The audit trail, oldest first (by the time of each line): for operators' tools and tests. */
  async auditTrail(): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    const rows = this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${AUDIT}` } });
    for await (const row of rows) entries.push(recordOf(row, AuditEntrySchema));
    return entries;
  }

  /**
   * Reads a request, lets `decide` say what to write, and writes it only if the row is unchanged since
   * the read; a write that lost to another instance is decided again on the row as it now is.
   */
  private async change<T>(
    requestId: string,
    decide: (request: ApprovalRequest) => { write?: ApprovalRequest; result: T },
  ): Promise<T> {
    for (;;) {
      const stored = await this.read(requestId);
      if (!stored) throw new Error(`No request ${requestId}`);
      const { write, result } = decide(stored.request);
      if (!write) return result;
      try {
        await this.table.updateEntity(this.rowOf(write), 'Replace', { etag: stored.etag });
        return result;
      } catch (error) {
        if (!lostRace(error)) throw error;
      }
    }
  }

  private async read(requestId: string): Promise<{ request: ApprovalRequest; etag: string } | undefined> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(REQUESTS, tableKey(requestId));
      return { request: recordOf(row, ApprovalRequestSchema), etag: row.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  private rowOf(request: ApprovalRequest) {
    return jsonEntity(REQUESTS, tableKey(request.id), request, {
      requestId: request.id,
      creationState: request.creation?.state ?? 'none',
    });
  }
}
