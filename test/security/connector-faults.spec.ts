import assert from 'node:assert/strict';
import type { ConnectorRetryOptions } from '../../bot/server/connector-retry-options.js';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import type { AddCustomerWalk } from '../helpers/add-customer-walk.js';
import type { BotUnderTest } from '../helpers/bot-under-test.js';
import { cardOf, cardText } from '../helpers/card-queries.js';
import type { ConnectorFault, ConnectorRequest, FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { useBot } from '../helpers/use-bot.js';

/** Fails the first attempt of every distinct request (method, path, body) with the next of `answers`. */
function failEachRequestOnce(answers: ReturnType<ConnectorFault>[]): ConnectorFault {
  const seen = new Set<string>();
  let next = 0;
  return ({ method, path, body }) => {
    const key = `${method} ${path} ${JSON.stringify(body)}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    return answers[next++ % answers.length];
  };
}

const isCreateConversation = (request: ConnectorRequest) =>
  request.method === 'POST' && request.path === '/v3/conversations';

describe('the add-customer conversation when the Bot Connector fails', () => {
  const rig = useBot();
  let connector: FakeBotConnector;
  let bot: BotUnderTest;
  let walk: AddCustomerWalk;

  async function startBot(retry: Partial<ConnectorRetryOptions> = {}) {
    bot = await rig.replace({ deps: { botFramework: { retry } } });
  }

  const credentialsCards = () =>
    connector.sent.filter(
      (entry) =>
        entry.conversationId.startsWith('a:personal-') && /Temporary password/.test(cardText(cardOf(entry))),
    );
  const summaries = () =>
    connector
      .sentTo(walk.user.conversation.id)
      .filter((entry) => /New customer added/.test(cardText(cardOf(entry))));
  const channelTexts = () =>
    connector.sentTo(walk.user.conversation.id).map((entry) => entry.activity.text ?? '');

  beforeEach(() => {
    ({ bot, connector } = rig);
    walk = rig.walk('Alex Wilber');
  });

  it('should finish the flow once, credentials included, when every request first gets 429, 412, 502, 503 or 504', async () => {
    // Arrange
    connector.fault = failEachRequestOnce([
      { status: 429, headers: { 'Retry-After': '1' } },
      412,
      502,
      { status: 503, headers: { 'Retry-After': '0' } },
      504,
    ]);

    // Act
    await walk.start();
    await walk.fillToReview('flakyconnector');
    const submitted = await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.match(cardText(submitted), /Submitted by/);
    assert.equal((await readStoreFiles(bot.dataDir)).customers.length, 1);
    assert.equal(credentialsCards().length, 1, 'the credentials should arrive exactly once');
    assert.equal(summaries().length, 1);
    assert.equal(connector.createdConversations.length, 1);
    assert.ok(connector.requests.length >= 2 * 6, `only ${connector.requests.length} requests`);
    assert.match(bot.logs.text, /Bot Connector request failed; retrying/);
  });

  it('should wait what Retry-After asks, cut to the configured maximum', async () => {
    // Arrange
    await startBot({ maxRetryAfterMs: 300 });
    connector.fault = failEachRequestOnce([{ status: 429, headers: { 'Retry-After': '30' } }]);

    // Act
    const started = Date.now();
    await walk.start();

    // Assert
    const [first, second] = connector.requests;
    assert.ok(first && second);
    assert.ok(second.at - first.at >= 290, `retried after ${second.at - first.at} ms`);
    assert.ok(Date.now() - started < 3_000);
  });

  it('should finish the flow when every answer is slow, and retry an attempt that times out without sending twice', async () => {
    // Arrange
    await startBot({ attemptTimeoutMs: 400 });
    let slowFirst = true;
    connector.fault = (request) => {
      if (isCreateConversation(request) && slowFirst) {
        slowFirst = false;
        return { delayMs: 1_500 };
      }
      return { delayMs: 40 };
    };

    // Act
    await walk.start();
    await walk.fillToReview('slowconnector');
    await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.equal(connector.requests.filter(isCreateConversation).length, 2);
    assert.equal(connector.createdConversations.length, 1);
    assert.equal(credentialsCards().length, 1);
    assert.equal(summaries().length, 1);
  });

  it('should tell the user, keep the customer and log no secret when the 1:1 send keeps failing', async () => {
    // Arrange
    connector.fault = (request) => (isCreateConversation(request) ? 503 : undefined);
    await walk.start();
    await walk.fillToReview('downconnector');

    // Act
    const started = Date.now();
    await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.ok(Date.now() - started < 5_000);
    assert.equal(connector.requests.filter(isCreateConversation).length, 5, 'one attempt and four retries');
    assert.ok(channelTexts().some((text) => /could not deliver the admin credentials/.test(text)));
    assert.ok(await bot.store.isDomainTaken('downconnector'));
    const audit = (await readStoreFiles(bot.dataDir)).audit;
    assert.deepEqual(
      audit.map((entry) => entry.event),
      ['customer.created', 'credentials.undeliverable'],
    );
    assert.match(bot.logs.text, /giving up/);
    assert.match(bot.logs.text, /credentials delivery failed/);
  });

  it('should not retry a 403 on the 1:1 send, and give the guidance instead', async () => {
    // Arrange
    connector.fault = (request) => (isCreateConversation(request) ? 403 : undefined);
    await walk.start();
    await walk.fillToReview('noretryco');

    // Act
    await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.equal(connector.requests.filter(isCreateConversation).length, 1);
    assert.ok(channelTexts().some((text) => /personal chat/.test(text)));
  });

  it('should still update the card in place when the update first fails', async () => {
    // Arrange
    await walk.start();
    connector.fault = failEachRequestOnce([502]);

    // Act
    const card = await walk.fillToReview('updateco');

    // Assert
    assert.match(cardText(card), /Review/);
    assert.equal(connector.sentTo(walk.user.conversation.id).length, 1, 'one card, updated in place');
  });
});
