import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { actionData, cardText } from '../helpers/card-queries.js';
import { useBotProcesses } from '../helpers/use-bot-processes.js';

describe('a bot process killed right after answering a turn', () => {
  const rig = useBotProcesses();

  it('should, once started again, carry on the dialog from the step the answer showed', async function () {
    this.timeout(60_000);
    // Arrange: the Account info step is answered (the card shows Subscriptions), then the process is killed
    const first = await rig.start({});
    const walk = rig.walk('Alex Wilber');
    await walk.start();
    const subscriptions = await walk.press(CARD_VERBS.accountNext, validAccountInputs('contosokill'));
    assert.ok(actionData(subscriptions, CARD_VERBS.subscriptionsNext), 'the Subscriptions card is shown');
    await first.kill();

    // Act
    await rig.start({});
    const review = await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '25' });

    // Assert
    assert.ok(actionData(review, CARD_VERBS.reviewSubmit), 'the Review card is shown');
    assert.match(cardText(review), /contosokill/);
  });
});
