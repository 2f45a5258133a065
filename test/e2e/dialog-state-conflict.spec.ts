import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { AzureTableCustomerStore } from '../../store/azure/azure-table-customer-store.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { AddCustomerWalk } from '../helpers/add-customer-walk.js';
import type { BotProcess } from '../helpers/bot-process.js';
import { actionData, cardText, cardTitle } from '../helpers/card-queries.js';
import { HoldingProxy } from '../helpers/holding-proxy.js';
import { useAzurite } from '../helpers/start-azurite.js';
import { channelThread, TeamsUser } from '../helpers/teams-user.js';
import { useBotProcesses } from '../helpers/use-bot-processes.js';

const TRY_AGAIN = /changed somewhere else at the same moment.*Please try again/s;

describe('one user pressing on two instances at the same moment (dialog state in Blob Storage)', () => {
  const storage = useAzurite();
  const rig = useBotProcesses();
  let proxy: HoldingProxy | undefined;

  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
  });

  /**
   * Instances A and B on one Azurite, A reaching the blob service through a proxy that can hold its
   * writes of the dialog state (`stateWrite` tells them apart), and one user whose turns go to `route.to`.
   */
  async function twoInstancesOneUser() {
    const id = randomBytes(5).toString('hex');
    const container = `state-${id}`;
    const { connectionString } = storage.azurite;
    const throughProxy = await HoldingProxy.inFrontOf(connectionString, 'Blob');
    proxy = throughProxy.proxy;
    const env = {
      STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: connectionString,
      AZURE_STORAGE_TABLE_PREFIX: `t${id}`,
      AZURE_STORAGE_STATE_CONTAINER: container,
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    };
    const [a, b] = await Promise.all([
      rig.start({ ...env, AZURE_STORAGE_CONNECTION_STRING: throughProxy.connectionString }),
      rig.start(env),
    ]);
    const route: { to: BotProcess } = { to: b };
    const thread = channelThread();
    const user = new TeamsUser(
      { post: (activity: object) => route.to.post(activity) },
      rig.connector,
      'Alex Wilber',
      thread,
      'en-US',
      randomUUID(),
    );
    const stateWrite = (request: IncomingMessage) =>
      request.method === 'PUT' &&
      (request.url ?? '').includes(`/${container}/`) &&
      !(request.url ?? '').includes('restype=');
    return { a, b, env, holding: throughProxy.proxy, route, thread, user, stateWrite };
  }

  it('should apply one press, tell the other user turn to try again, and apply nothing on the stale state', async function () {
    this.timeout(60_000);
    // Arrange: A reaches the blob service through a proxy that can hold A's write of the dialog state.
    const { a, b, env, holding, route, thread, user, stateWrite } = await twoInstancesOneUser();
    const walk = new AddCustomerWalk(user, rig.connector);
    await walk.start();
    const next = actionData(walk.card(), CARD_VERBS.accountNext);
    const aWritesState = holding.holdNext(stateWrite);

    // Act: A has read the state and is about to save it when B's turn for the same user runs whole.
    route.to = a;
    const pressOnA = user.press(walk.cardId, next, validAccountInputs('alphaco'));
    await aWritesState;
    route.to = b;
    const pressOnB = await user.press(walk.cardId, next, validAccountInputs('betaco'));
    holding.release();
    const answerOfA = await pressOnA;

    // Assert
    assert.equal(pressOnB.status, 200);
    assert.equal(answerOfA.status, 200, 'the losing turn answers, no error to Teams');
    const texts = rig.connector
      .sentTo(thread.id)
      .map((entry) => String((entry.activity as { text?: string }).text ?? ''));
    assert.equal(texts.filter((text) => TRY_AGAIN.test(text)).length, 1, texts.join('\n'));
    assert.match(cardTitle(walk.card()) ?? '', /Subscriptions/);
    const review = await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '25' });
    assert.match(cardText(review), /betaco\.partner\.onmschina\.cn/);
    assert.doesNotMatch(cardText(review), /alphaco/);
    await walk.press(CARD_VERBS.reviewSubmit);
    const store = await AzureTableCustomerStore.open(
      { connectionString: env.AZURE_STORAGE_CONNECTION_STRING },
      env.AZURE_STORAGE_TABLE_PREFIX,
    );
    assert.equal(await store.isDomainTaken('alphaco'), false);
    assert.match(a.log, /dialog state changed by another turn at the same moment/);
  });

  it("should tell one of a new user's two first turns to try again, and keep the other's dialog", async function () {
    this.timeout(60_000);
    // Arrange: A reaches the blob service through a proxy that can hold A's first write of the state.
    const { a, b, holding, route, thread, user, stateWrite } = await twoInstancesOneUser();
    route.to = a;
    const aWritesState = holding.holdNext(stateWrite);

    // Act: the user's first turn on A has read no state and is about to create it when one on B runs whole.
    const startOnA = user.say('add customer');
    await aWritesState;
    route.to = b;
    const walkOnB = new AddCustomerWalk(user, rig.connector);
    await walkOnB.start();
    holding.release();
    const answerOfA = await startOnA;

    // Assert
    assert.equal(answerOfA.status, 200, 'the losing turn answers, no error to Teams');
    const texts = rig.connector
      .sentTo(thread.id)
      .map((entry) => String((entry.activity as { text?: string }).text ?? ''));
    assert.equal(texts.filter((text) => TRY_AGAIN.test(text)).length, 1, texts.join('\n'));
    route.to = a;
    const next = await walkOnB.press(CARD_VERBS.accountNext, validAccountInputs('gammaco'));
    assert.match(cardTitle(next) ?? '', /Subscriptions/, "B's dialog goes on, on either instance");
    assert.match(a.log, /dialog state changed by another turn at the same moment/);
  });
});
