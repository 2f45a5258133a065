import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { DATA_FOLDER_LOCK } from '../../store/data-folder-lock.js';
import { actionData } from '../helpers/card-queries.js';
import { deferred } from '../helpers/deferred.js';
import { FakePartnerCenter } from '../helpers/fake-partner-center.js';
import { FAST_PARTNER_CENTER_RETRY, partnerCenterBot } from '../helpers/partner-center-bot.js';
import { useBot } from '../helpers/use-bot.js';
import { waitUntil } from '../helpers/wait-until.js';

describe('a bot on the JSON store that loses its lock on the data folder while creating a customer', () => {
  let fake: FakePartnerCenter;
  const rig = useBot(async () => {
    fake = await FakePartnerCenter.start();
    const options = partnerCenterBot(fake);
    const partnerCenterRetry = { ...FAST_PARTNER_CENTER_RETRY, attemptTimeoutMs: 60_000 };
    return { ...options, deps: { ...options.deps, partnerCenterRetry } };
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('should stop the creation without writing or sending anything, and leave it whole to the next process on the folder', async function () {
    this.timeout(60_000);
    // Arrange: Partner Center holds its answer while the bot creates the customer.
    const answer = deferred();
    fake.fail('createCustomer', { answerWhen: answer.promise });
    const walk = rig.walk('Alex Wilber');
    await walk.start();
    await walk.fillToReview('lockco');
    const submit = actionData(walk.card(), CARD_VERBS.reviewSubmit);
    await rig.bot.postOnly(walk.user.activity({ replyToId: walk.cardId, value: submit }));
    await waitUntil(() => fake.requestsTo('createCustomer').length === 1, 'the call to Partner Center');

    // Act: the lock is taken away (another process may now own the folder); then Partner Center answers.
    await rm(path.join(rig.bot.dataDir, DATA_FOLDER_LOCK), { recursive: true });
    await waitUntil(
      () => /lock on the data folder was lost/.test(rig.bot.logs.text),
      'the bot to notice',
      20_000,
    );
    answer.resolve();
    await rig.bot.idle();

    // Assert
    const unfinished = await rig.bot.store.unfinishedRequestIds();
    assert.equal(unfinished.length, 1, 'the creation is left unfinished, for the next process');
    const request = await rig.bot.store.findRequest(unfinished[0] ?? '');
    assert.deepEqual(
      {
        state: request?.creation?.state,
        attempts: request?.creation?.attempts,
        pc: request?.creation?.partnerCenterCustomerId,
      },
      { state: 'creating', attempts: 1, pc: undefined },
      'nothing Partner Center answered is recorded',
    );
    assert.equal((await rig.bot.store.searchCustomers({ offset: 0, limit: 10 })).total, 0);
    assert.equal(rig.connector.createdConversations.length, 0, 'no credentials sent');
    assert.match(rig.bot.logs.text, /creating the customer stopped without writing: its lease was lost/);

    // and the next process on the folder finishes it: one customer, one order, the credentials once
    await rig.restart();
    await waitUntil(
      async () => (await rig.bot.store.unfinishedRequestIds()).length === 0,
      'the creation',
      20_000,
    );
    await rig.bot.idle();
    assert.equal((await rig.bot.store.searchCustomers({ offset: 0, limit: 10 })).total, 1);
    assert.equal(fake.customers.length, 1);
    assert.equal(fake.ordersOf(fake.customers[0]?.id ?? '').length, 1);
    assert.equal(rig.connector.createdConversations.length, 1);
  });
});
