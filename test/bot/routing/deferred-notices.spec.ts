import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Activity, TurnContext } from 'botbuilder';
import { pino } from 'pino';
import sinon from 'sinon';
import { BackgroundWork } from '../../../bot/background-work.js';
import { deferredNotices } from '../../../bot/routing/deferred-notices.js';
import { type PendingNotice, PendingNotices } from '../../../store/pending-notices.js';

const THREAD = '19:general@thread.tacv2;messageid=1';

const notice: PendingNotice = {
  requestId: 'request-1',
  userId: '29:alex',
  conversationId: THREAD,
  locale: 'en-US',
  key: 'credentials.expired',
  company: 'Contoso',
  account: 'admin@contoso.partner.onmschina.cn',
  createdAt: '2026-12-01T00:00:00.000Z',
};

function turnIn(conversationId: string): TurnContext {
  const activity: Partial<Activity> = {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.test/',
    from: { id: '29:alex', name: 'Alex Wilber' },
    recipient: { id: '28:bot', name: 'Add Customer' },
    conversation: { id: conversationId, isGroup: true, conversationType: 'channel', name: '' },
  };
  return { activity } as TurnContext;
}

describe('deferredNotices', () => {
  let folder: string;
  let notices: PendingNotices;
  let background: BackgroundWork;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'deferred-notices-'));
    notices = new PendingNotices(folder);
    background = new BackgroundWork(pino({ level: 'silent' }));
    await notices.put(notice);
  });
  afterEach(async () => {
    sinon.restore();
    await rm(folder, { recursive: true, force: true });
  });

  it('should send a kept notice to the conversation it arose from after the turn, and forget it', async () => {
    // Arrange
    const sendToConversation = sinon.fake.resolves({ conversationId: THREAD });
    const middleware = deferredNotices({ notices, messenger: { sendToConversation }, background });
    const turnDone = sinon.fake();

    // Act
    await middleware(turnIn(THREAD), async () => turnDone());
    const sentWhenTurnEnded = sendToConversation.callCount;
    await background.idle();

    // Assert
    assert.equal(turnDone.callCount, 1);
    assert.equal(sentWhenTurnEnded, 0, 'the turn does not wait for the notices');
    assert.equal(sendToConversation.callCount, 1);
    const [origin, activity] = sendToConversation.firstCall.args;
    assert.equal(origin.conversationId, THREAD);
    assert.match(String(activity.text), /Contoso/);
    assert.deepEqual(await notices.forUser('29:alex'), []);
  });

  it('should keep the notice for a later turn when it cannot be sent', async () => {
    const sendToConversation = sinon.fake.rejects(new Error('connector down'));
    const middleware = deferredNotices({ notices, messenger: { sendToConversation }, background });

    await middleware(turnIn(THREAD), async () => undefined);
    await background.idle();

    assert.equal(sendToConversation.callCount, 1);
    assert.deepEqual(await notices.forUser('29:alex'), [notice]);
  });

  it('should not send the notice in another channel thread', async () => {
    const sendToConversation = sinon.fake.resolves({ conversationId: 'other' });
    const middleware = deferredNotices({ notices, messenger: { sendToConversation }, background });

    await middleware(turnIn('19:other@thread.tacv2;messageid=2'), async () => undefined);
    await background.idle();

    assert.equal(sendToConversation.callCount, 0);
    assert.deepEqual(await notices.forUser('29:alex'), [notice]);
  });
});
