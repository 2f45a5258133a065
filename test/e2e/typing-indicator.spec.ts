import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { TypingTimers } from '../../bot/routing/typing-indicator.js';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { actionData, cardTitle } from '../helpers/card-queries.js';
import { FakePartnerCenter } from '../helpers/fake-partner-center.js';
import { partnerCenterBot } from '../helpers/partner-center-bot.js';
import { channelThread } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';
import { waitUntil } from '../helpers/wait-until.js';

describe('the typing indicator', () => {
  let fake: FakePartnerCenter;
  let clock: sinon.SinonFakeTimers;
  /** The typing indicator's timers, on a fake clock of their own: the rest of the bot keeps real time. */
  const timers: TypingTimers & { Date: DateConstructor } = { setTimeout, clearTimeout, Date };

  beforeEach(async () => {
    fake = await FakePartnerCenter.start();
    clock = sinon.useFakeTimers({ global: timers, toFake: ['setTimeout', 'clearTimeout'] } as never);
  });
  const rig = useBot(() => {
    const options = partnerCenterBot(fake);
    return { ...options, deps: { ...options.deps, typing: { timers } } };
  });
  afterEach(async () => {
    clock.restore();
    await fake.stop();
  });

  /** The order in which the fake connector received requests about this conversation. */
  const requestsAbout = (conversationId: string) =>
    rig.connector.requests.filter(
      (request) =>
        request.path.includes(encodeURIComponent(conversationId)) || request.path.includes(conversationId),
    );
  const isTyping = (request: { body: unknown }) => (request.body as { type?: string }).type === 'typing';

  it('should show typing before the card when Partner Center makes a turn take longer than a second', async () => {
    // Arrange: Alex at the account card; Partner Center does not answer the domain check
    const thread = channelThread();
    const walk = rig.walk('Alex Wilber', thread);
    await walk.start();
    fake.fail('domains', { hang: true });

    // Act: press Next; while the bot waits for Partner Center, a second passes
    const pressing = walk.user.press(
      walk.cardId,
      actionData(walk.card(), CARD_VERBS.accountNext),
      validAccountInputs('slowco'),
    );
    await waitUntil(() => fake.requestsTo('domains').length > 0, 'the domain check');
    clock.tick(1_000);
    await waitUntil(() => requestsAbout(thread.id).some(isTyping), 'the typing indicator');
    const answer = await pressing;

    // Assert: typing first, then the card moved on to Subscriptions (the check went unanswered)
    assert.equal(answer.status, 200);
    const order = requestsAbout(thread.id).map((request) => (isTyping(request) ? 'typing' : request.method));
    const typingAt = order.indexOf('typing');
    const updateAt = order.lastIndexOf('PUT');
    assert.ok(typingAt >= 0 && typingAt < updateAt, order.join(', '));
    assert.equal(cardTitle(walk.card()), 'Subscriptions');
  });

  it('should leave nothing behind a turn that answers at once, or ends without answering', async () => {
    // Arrange
    const thread = channelThread();
    const walk = rig.walk('Alex Wilber', thread);

    // Act: a turn answered at once, then a press of another run's card (ignored in silence); then time passes
    await walk.start();
    const before = rig.connector.sentTo(thread.id).length;
    const stale = { ...actionData(walk.card(), CARD_VERBS.accountNext), flowId: 'an-earlier-run' };
    const silent = await walk.user.press(walk.cardId, stale);
    const pendingAfterTurns = clock.countTimers();
    clock.tick(10_000);

    // Assert: no indicator waiting once the turns ended, and none sent
    assert.equal(silent.status, 200);
    assert.equal(rig.connector.sentTo(thread.id).length, before, 'the ignored press gets no answer');
    assert.equal(pendingAfterTurns, 0, 'no typing indicator left waiting');
    assert.equal(requestsAbout(thread.id).filter(isTyping).length, 0);
  });

  it('should show no typing once the turn has answered, while its answer is still on its way', async () => {
    // Arrange: Alex at the account card; Teams takes its time to take the card's update
    const thread = channelThread();
    const walk = rig.walk('Alex Wilber', thread);
    await walk.start();
    rig.connector.fault = (request) => (request.method === 'PUT' ? { delayMs: 500 } : undefined);

    // Act: press Cancel; while the update is on its way, seconds pass
    const pressing = walk.user.press(walk.cardId, actionData(walk.card(), CARD_VERBS.accountCancel));
    await waitUntil(() => requestsAbout(thread.id).some((request) => request.method === 'PUT'), 'the update');
    clock.tick(10_000);
    await pressing;

    // Assert
    assert.equal(requestsAbout(thread.id).filter(isTyping).length, 0);
  });
});
