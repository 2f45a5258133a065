import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import type { AddCustomerWalk } from '../helpers/add-customer-walk.js';
import type { BotUnderTest } from '../helpers/bot-under-test.js';
import { cardOf, cardText } from '../helpers/card-queries.js';
import type { ConnectorRequest, FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { readFolder } from '../helpers/read-folder.js';
import { readRecordLog } from '../helpers/read-record-log.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { useBot } from '../helpers/use-bot.js';
import { waitUntil } from '../helpers/wait-until.js';

const PASSWORD = 'Outbox-Temp-Passw0rd-7Q';
const FAST_OUTBOX = { firstRetryMs: 50, maxRetryMs: 200 };
const DAY_MS = 24 * 60 * 60_000;

const isCreateConversation = (request: ConnectorRequest) =>
  request.method === 'POST' && request.path === '/v3/conversations';

describe('admin credentials on their way through the outbox', () => {
  let clock = new Date('2026-03-02T08:00:00.000Z');
  const rig = useBot({ deps: { outbox: FAST_OUTBOX, generatePassword: () => PASSWORD, now: () => clock } });
  let connector: FakeBotConnector;
  let bot: BotUnderTest;
  let walk: AddCustomerWalk;
  let blocked: number | undefined;

  const credentialsCards = () =>
    connector.sent.filter(
      (entry) =>
        entry.conversationId.startsWith('a:personal-') && /Temporary password/.test(cardText(cardOf(entry))),
    );
  const channelTexts = () =>
    connector.sentTo(walk.user.conversation.id).map((entry) => entry.activity.text ?? '');
  const outboxLog = () => readRecordLog(path.join(bot.dataDir, 'outbox'));
  const pendingEntries = async () => [...(await outboxLog()).records.keys()];
  const auditEvents = async () => (await readStoreFiles(bot.dataDir)).audit.map((entry) => entry.event);

  async function submitWhileBlocked(domainPrefix: string, status = 503) {
    blocked = status;
    connector.fault = (request) => (blocked && isCreateConversation(request) ? blocked : undefined);
    await walk.start();
    await walk.fillToReview(domainPrefix);
    await walk.press(CARD_VERBS.reviewSubmit);
  }

  beforeEach(() => {
    clock = new Date('2026-03-02T08:00:00.000Z');
    blocked = undefined;
    ({ bot, connector } = rig);
    walk = rig.walk('Alex Wilber');
  });

  it('should keep the sealed entry while the 1:1 sends fail, then deliver one credentials card and delete it', async () => {
    // Arrange
    await submitWhileBlocked('outboxretry');
    await waitUntil(() => connector.requests.filter(isCreateConversation).length >= 10, 'a retry');
    const pending = await readFolder(bot.dataDir);

    // Act
    blocked = undefined;
    await waitUntil(() => credentialsCards().length > 0, 'the credentials card');
    await waitUntil(async () => (await pendingEntries()).length === 0, 'the entry to be deleted');
    await bot.idle();

    // Assert
    const outboxEntries = Object.keys(pending).filter((file) => file.startsWith(`outbox${path.sep}`));
    assert.equal(outboxEntries.length, 1);
    for (const [file, text] of Object.entries(pending)) assert.ok(!text.includes(PASSWORD), file);
    assert.match(pending[outboxEntries[0] ?? ''] ?? '', /"sealedPassword":\{"iv":/);
    assert.equal((await outboxLog()).bytes, 0, 'no byte of the delivered entry is left in the outbox');
    assert.equal(credentialsCards().length, 1);
    assert.match(cardText(cardOf(credentialsCards()[0])), new RegExp(PASSWORD));
    assert.ok(channelTexts().some((text) => /keep trying for 24 hours/.test(text)));
    assert.deepEqual(await auditEvents(), [
      'customer.created',
      'credentials.undeliverable',
      'credentials.delivered',
    ]);
  });

  it('should keep the entry after a 403 and deliver once the requester has opened a personal chat', async () => {
    // Arrange
    await submitWhileBlocked('outboxblocked', 403);
    assert.ok(channelTexts().some((text) => /personal chat/.test(text)));
    assert.equal((await pendingEntries()).length, 1);

    // Act
    blocked = undefined;
    await waitUntil(() => credentialsCards().length > 0, 'the credentials card');
    await bot.idle();

    // Assert
    assert.equal(credentialsCards().length, 1);
    assert.deepEqual(await pendingEntries(), []);
  });

  it('should destroy the entry after 24 hours and tell the requester to reset the password', async () => {
    // Arrange
    await submitWhileBlocked('outboxexpiry');

    // Act
    clock = new Date(clock.getTime() + DAY_MS + 60_000);
    await waitUntil(async () => (await pendingEntries()).length === 0, 'the entry to be destroyed');
    await bot.idle();

    // Assert
    assert.ok(
      channelTexts().some((text) =>
        /within 24 hours, so I destroyed them.*Microsoft 365 admin center operated by 21Vianet.*reset the password/.test(
          text,
        ),
      ),
    );
    assert.equal(credentialsCards().length, 0);
    assert.ok((await auditEvents()).includes('credentials.expired'));
    for (const [file, text] of Object.entries(await readFolder(bot.dataDir))) {
      assert.ok(!text.includes(PASSWORD), file);
    }
  });

  it('should, without CREDENTIALS_KEY, destroy an entry found after a restart and tell the conversation when the 1:1 chat fails', async () => {
    // Arrange
    await submitWhileBlocked('outboxnokey');

    // Act
    await rig.restart();
    await waitUntil(async () => (await pendingEntries()).length === 0, 'the entry to be destroyed');
    await bot.idle();

    // Assert
    assert.equal(credentialsCards().length, 0);
    const notices = channelTexts().filter((text) =>
      /key that protected them is gone.*reset the password/.test(text),
    );
    assert.equal(notices.length, 1);
    assert.match(bot.logs.text, /no CREDENTIALS_KEY/);
  });
  it('should deliver the credentials although the audit trail cannot be written, and log that', async () => {
    // Arrange
    bot.store.appendAudit = () => Promise.reject(new Error('disk full'));
    connector.fault = () => undefined;

    // Act
    await walk.start();
    await walk.fillToReview('outboxnoaudit');
    await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.equal(credentialsCards().length, 1);
    assert.deepEqual(await pendingEntries(), []);
    assert.match(bot.logs.text, /audit entry not written; delivery goes on/);
  });
  it('should deliver the credentials from memory when the outbox cannot be written, and log that', async () => {
    // Arrange
    await writeFile(path.join(bot.dataDir, 'outbox'), 'not a folder');

    // Act
    await walk.start();
    await walk.fillToReview('outboxnodisk');
    await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    assert.equal(credentialsCards().length, 1);
    assert.match(bot.logs.text, /outbox entry not written: held in memory only/);
  });
  it('should tell the requester at their next turn when neither chat took the reset message', async () => {
    // Arrange
    await submitWhileBlocked('outboxlater');
    const channel = `/v3/conversations/${walk.user.conversation.id}/activities`;
    let silent = true;
    connector.fault = (request) =>
      silent &&
      request.method === 'POST' &&
      (isCreateConversation(request) || request.path.startsWith(channel))
        ? 503
        : undefined;
    clock = new Date(clock.getTime() + DAY_MS + 60_000);
    const noticesFolder = path.join(bot.dataDir, 'pending-notices');
    await waitUntil(async () => (await readRecordLog(noticesFolder)).records.size === 1, 'the kept notice');
    await bot.idle();
    const pendingText = Object.values(await readFolder(noticesFolder)).join('\n');
    silent = false;

    // Act
    await walk.user.say('help');

    // Assert
    assert.ok(!pendingText.includes(PASSWORD));
    assert.ok(channelTexts().some((text) => /within 24 hours, so I destroyed them/.test(text)));
    assert.equal((await readRecordLog(noticesFolder)).records.size, 0);
    assert.deepEqual(await pendingEntries(), []);
  });
});
