import type { AuditEntry, Customer } from '../../store/customer-schema.js';
import { readSegments } from '../../store/read-segments.js';

/**
 * What a customer store's folder holds on disk, read the way the store reads it at start-up: every
 * customer, newest first (as the customer list shows them), and the audit trail, oldest first. Tests
 * assert on this rather than on the running store, so that what they check is what was saved.
 */
export async function readStoreFiles(
  dataDir: string,
): Promise<{ customers: Customer[]; audit: AuditEntry[] }> {
  const customers: Customer[] = [];
  const audit: AuditEntry[] = [];
  for await (const segment of readSegments(dataDir)) {
    customers.push(...segment.data.customers);
    audit.push(...segment.data.audit);
  }
  return { customers: customers.reverse(), audit };
}
