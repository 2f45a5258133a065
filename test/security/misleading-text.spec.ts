import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { cardText } from '../helpers/card-queries.js';
import { useBot } from '../helpers/use-bot.js';

const RIGHT_TO_LEFT_OVERRIDE = '\u202e';
const MACRO = '{{DATE(2030-01-01T00:00:00Z, SHORT)}}';

describe('text typed to mislead a reader of a card', () => {
  const rig = useBot();

  it('should show a company name without bidirectional controls and with Teams macros left unevaluated', async () => {
    // Arrange
    const walk = rig.walk('Alex Wilber');
    await walk.start();

    // Act
    await walk.press(
      CARD_VERBS.accountNext,
      validAccountInputs('bidico', { companyName: `Contoso ${RIGHT_TO_LEFT_OVERRIDE}dtL oC ${MACRO}` }),
    );
    const review = await walk.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '5' });
    const submitted = await walk.press(CARD_VERBS.reviewSubmit);

    // Assert: every card that shows the name shows it in typed order and with no live macro
    for (const card of [review, submitted]) {
      const text = cardText(card);
      assert.match(text, /Contoso dtL oC/);
      assert.ok(!text.includes(RIGHT_TO_LEFT_OVERRIDE), 'no bidirectional control reaches the card');
      assert.ok(!text.includes('{{DATE(2030'), 'the typed macro is broken');
    }
    const channel = rig.connector.sharedConversationText();
    assert.ok(!channel.includes(RIGHT_TO_LEFT_OVERRIDE));
    assert.ok(!channel.includes('{{DATE(2030'));
  });
});
