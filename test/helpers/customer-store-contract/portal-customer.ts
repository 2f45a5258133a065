import type { SyncedCustomer } from '../../../store/customer-schema.js';

/** When the portal customers were read from Partner Center. */
export const SYNCED_AT = '2025-03-14T10:00:00.000Z';

/** Portal customer number `n`: id `pc-n`, domain `portal<n>.partner.onmschina.cn`. */
export function portalCustomer(n: number, overrides: Partial<SyncedCustomer> = {}): SyncedCustomer {
  return {
    source: 'partnerCenter',
    id: `pc-${n}`,
    companyName: `Portal ${n} Ltd.`,
    domainPrefix: `portal${n}`,
    domain: `portal${n}.partner.onmschina.cn`,
    contactEmail: `it@portal${n}.cn`,
    subscriptions: [],
    partnerCenter: { tenantId: `tenant-${n}`, orderIds: [] },
    syncedAt: SYNCED_AT,
    ...overrides,
  };
}
