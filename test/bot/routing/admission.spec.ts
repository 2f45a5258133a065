import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { admissionOf, tenantOf } from '../../../bot/routing/admission.js';

const TENANT = '6f9619ff-8b86-d011-b42d-00c04fc964ff';
const USER = '0b1e6c2a-3d4f-4a5b-8c7d-9e0f1a2b3c4d';
const APPROVER = '11111111-2222-3333-4444-555555555555';

type Envelope = Pick<Activity, 'conversation' | 'channelData' | 'from'>;

function activity({
  conversationTenant,
  channelDataTenant,
  aadObjectId,
}: {
  conversationTenant?: unknown;
  channelDataTenant?: unknown;
  aadObjectId?: string;
}): Envelope {
  return {
    conversation: { id: 'c', tenantId: conversationTenant },
    channelData: channelDataTenant === undefined ? {} : { tenant: { id: channelDataTenant } },
    from: { id: 'u', aadObjectId },
  } as Envelope;
}

describe('admissionOf', () => {
  const open = { allowedTenantIds: undefined, allowedUserIds: undefined, approverIds: [] };

  it('should let every activity in when no list is set, even without a tenant', () => {
    assert.equal(admissionOf(activity({}), open), undefined);
  });

  it('should read the tenant from the conversation, else from channelData, ignoring what is not a string', () => {
    assert.equal(tenantOf(activity({ conversationTenant: 'a', channelDataTenant: 'b' })), 'a');
    assert.equal(tenantOf(activity({ channelDataTenant: 'b' })), 'b');
    assert.equal(tenantOf(activity({ conversationTenant: 42, channelDataTenant: { id: 'x' } })), undefined);
  });

  it('should compare tenants without regard to case, and count a missing tenant as foreign', () => {
    const access = { ...open, allowedTenantIds: [TENANT] };

    assert.equal(admissionOf(activity({ conversationTenant: TENANT.toUpperCase() }), access), undefined);
    assert.equal(admissionOf(activity({ conversationTenant: USER }), access), 'foreignTenant');
    assert.equal(admissionOf(activity({}), access), 'foreignTenant');
  });

  it('should let in listed users and approvers, and no one without an Entra id, when users are listed', () => {
    const access = { ...open, allowedUserIds: [USER], approverIds: [APPROVER] };

    assert.equal(admissionOf(activity({ aadObjectId: USER.toUpperCase() }), access), undefined);
    assert.equal(admissionOf(activity({ aadObjectId: APPROVER }), access), undefined);
    assert.equal(admissionOf(activity({ aadObjectId: TENANT }), access), 'unlistedUser');
    assert.equal(admissionOf(activity({}), access), 'unlistedUser');
  });

  it('should refuse another tenant before looking at the user', () => {
    const access = { allowedTenantIds: [TENANT], allowedUserIds: [USER], approverIds: [] };

    assert.equal(
      admissionOf(activity({ conversationTenant: USER, aadObjectId: USER }), access),
      'foreignTenant',
    );
  });
});
