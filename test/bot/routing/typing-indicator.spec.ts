import assert from 'node:assert/strict';
import { type Activity, type BotAdapter, type ResourceResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import sinon from 'sinon';
import { type TypingTimers, typingIndicator } from '../../../bot/routing/typing-indicator.js';

const CONVERSATION = { id: '19:general@thread.tacv2', isGroup: true, conversationType: 'channel', name: '' };

function incoming(type: 'message' | 'invoke'): Partial<Activity> {
  return {
    type,
    id: 'incoming-1',
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.test/',
    from: { id: '29:alex', name: 'Alex Wilber' },
    recipient: { id: '28:bot', name: 'Add Customer' },
    conversation: CONVERSATION,
  };
}

describe('typingIndicator', () => {
  let clock: sinon.SinonFakeTimers;
  const timers: TypingTimers & { Date: DateConstructor; Promise: PromiseConstructor } = {
    setTimeout,
    clearTimeout,
    Date,
    Promise,
  };
  const fakeLogger = () => ({ debug: sinon.fake() }) as unknown as Logger & { debug: sinon.SinonSpy };

  beforeEach(() => {
    clock = sinon.useFakeTimers({ global: timers, toFake: ['setTimeout', 'clearTimeout'] } as never);
  });
  afterEach(() => clock.restore());

  /** A turn of `type` on an adapter that records what it sends, with `sendTyping` deciding how typing goes. */
  function turnOf(type: 'message' | 'invoke', sendTyping: () => Promise<void> = async () => undefined) {
    const sentTypes: string[] = [];
    const adapter = {
      sendActivities: async (_context: TurnContext, activities: Partial<Activity>[]) => {
        for (const activity of activities) {
          if (activity.type === 'typing') await sendTyping();
          sentTypes.push(String(activity.type));
        }
        return activities.map((_, index): ResourceResponse => ({ id: `sent-${index}` }));
      },
      updateActivity: async () => undefined,
    } as unknown as BotAdapter;
    return { context: new TurnContext(adapter, incoming(type)), sentTypes };
  }

  it('should send typing after the delay and every period after, until the turn answers, then no more', async () => {
    // Arrange
    const { context, sentTypes } = turnOf('message');
    const middleware = typingIndicator({ delayMs: 1_000, periodMs: 2_000, timers }, fakeLogger());

    // Act
    await middleware(context, async () => {
      await clock.tickAsync(999);
      assert.deepEqual(sentTypes, [], 'nothing before the delay');
      await clock.tickAsync(1);
      await clock.tickAsync(2_000);
      await context.sendActivity('the answer');
      await clock.tickAsync(10_000);
    });

    // Assert
    assert.deepEqual(sentTypes, ['typing', 'typing', 'message']);
    assert.equal(clock.countTimers(), 0);
  });

  it('should stop at a card updated in place, the answer of most presses', async () => {
    // Arrange
    const { context, sentTypes } = turnOf('message');
    const middleware = typingIndicator({ delayMs: 1_000, periodMs: 2_000, timers }, fakeLogger());

    // Act
    await middleware(context, async () => {
      await context.updateActivity({ id: 'card-1', type: 'message' });
      await clock.tickAsync(10_000);
    });

    // Assert
    assert.deepEqual(sentTypes, []);
  });

  it('should never show typing for an invoke, which Teams waits for anyway', async () => {
    // Arrange
    const { context, sentTypes } = turnOf('invoke');
    const middleware = typingIndicator({ delayMs: 1_000, periodMs: 2_000, timers }, fakeLogger());

    // Act
    await middleware(context, async () => {
      assert.equal(clock.countTimers(), 0, 'no indicator scheduled');
      await clock.tickAsync(10_000);
    });

    // Assert
    assert.deepEqual(sentTypes, []);
  });

  it('should log a typing indicator that cannot be sent, and let the turn go on', async () => {
    // Arrange
    const { context, sentTypes } = turnOf('message', () => Promise.reject(new Error('connector down')));
    const logger = fakeLogger();
    const middleware = typingIndicator({ delayMs: 1_000, periodMs: 2_000, timers }, logger);

    // Act
    await middleware(context, async () => {
      await clock.tickAsync(1_000);
      await context.sendActivity('the answer');
    });

    // Assert
    assert.deepEqual(sentTypes, ['message']);
    assert.equal(logger.debug.callCount, 1);
    assert.match(String(logger.debug.firstCall.args[1]), /typing indicator not sent/);
  });
});
