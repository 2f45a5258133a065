import assert from 'node:assert/strict';
import { partnerCenterRequestId } from '../../../bot/partner-center/partner-center-request-id.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('partnerCenterRequestId', () => {
  it('should give the same GUID for the same request and call, after a restart as before', () => {
    assert.equal(partnerCenterRequestId('req-1', 'customer'), partnerCenterRequestId('req-1', 'customer'));
    assert.match(partnerCenterRequestId('req-1', 'customer'), GUID);
  });

  it('should give different GUIDs to different calls of one request, and to different requests', () => {
    const ids = new Set([
      partnerCenterRequestId('req-1', 'customer'),
      partnerCenterRequestId('req-1', 'order'),
      partnerCenterRequestId('req-2', 'customer'),
      partnerCenterRequestId('req-1customer', ''),
    ]);
    assert.equal(ids.size, 4);
  });
});
