import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { cardOf, cardText } from '../helpers/card-queries.js';
import { findCardObjects } from '../helpers/find-card-objects.js';
import { readFolder } from '../helpers/read-folder.js';
import { readRecordLog } from '../helpers/read-record-log.js';
import { readStoreFiles } from '../helpers/read-store-files.js';
import { useBotProcesses } from '../helpers/use-bot-processes.js';
import { waitUntil } from '../helpers/wait-until.js';

describe('a bot process killed before the admin credentials were delivered', () => {
  const rig = useBotProcesses();

  it('should, once started again with the same CREDENTIALS_KEY, deliver them once and empty the outbox', async function () {
    this.timeout(60_000);
    // Arrange: the 1:1 chat never answers; the first process is killed while its entry waits
    const env = { CREDENTIALS_KEY: randomBytes(32).toString('base64') };
    const { connector, dataDir } = rig;
    let blocked = true;
    connector.fault = (request) =>
      blocked && request.method === 'POST' && request.path === '/v3/conversations'
        ? { delayMs: 5_000 }
        : undefined;
    const first = await rig.start(env);
    const walk = rig.walk('Alex Wilber');
    await walk.start();
    await walk.fillToReview('outboxcrash');
    await walk.press(CARD_VERBS.reviewSubmit);
    const outbox = path.join(dataDir, 'outbox');
    await waitUntil(async () => (await readRecordLog(outbox)).records.size === 1, 'the outbox entry');
    await waitUntil(
      () => connector.requests.some((request) => request.path === '/v3/conversations'),
      'the 1:1 send',
    );
    const pending = await readFolder(dataDir);

    // Act
    await first.kill();
    blocked = false;
    const second = await rig.start(env);
    const credentials = () =>
      connector.sent.filter(
        (entry) =>
          entry.conversationId.startsWith('a:personal-') &&
          /Temporary password/.test(cardText(cardOf(entry))),
      );
    await waitUntil(() => credentials().length > 0, 'the credentials');
    await waitUntil(async () => (await readRecordLog(outbox)).bytes === 0, 'the outbox to be emptied');
    const audited = async () => (await readStoreFiles(dataDir)).audit.map((entry) => entry.event);
    await waitUntil(
      async () => (await audited()).includes('credentials.delivered'),
      'the delivery in the audit',
    );

    // Assert
    assert.equal(credentials().length, 1);
    const [passwordBlock] = findCardObjects(
      cardOf(credentials()[0]),
      (node) => node.fontType === 'Monospace' && node.size === 'Large',
    );
    const password = String(passwordBlock?.text ?? '');
    assert.ok(password.length >= 8, 'the card should show the password');
    const after = await readFolder(dataDir);
    for (const [file, text] of Object.entries({ ...pending, ...after })) {
      assert.ok(!text.includes(password), `${file} must not hold the password`);
    }
    assert.ok(![first, second].some((bot) => bot.log.includes(password)), 'no log may hold the password');
    assert.deepEqual((await audited()).slice(-2), ['customer.created', 'credentials.delivered']);
  });
});
