import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { buttonsOf, cardOf, cardText, cardTitle } from '../helpers/card-queries.js';
import { findCardObjects } from '../helpers/find-card-objects.js';
import { channelThread } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';

const COMPANY = '上海云帆信息科技有限公司';

describe('the reseller relationship card without a configured link', () => {
  const rig = useBot();

  it('should name the company without stray spaces, tell the user to ask their administrator and log the setting', async () => {
    // Arrange: Yunfan exists; Megan types its name with a stray space, which matches it
    const thread = channelThread();
    const alex = rig.walk('Alex Wilber', thread);
    await alex.start();
    await alex.press(CARD_VERBS.accountNext, validAccountInputs('yunfan', { companyName: COMPANY }));
    await alex.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': '5' });
    await alex.press(CARD_VERBS.reviewSubmit);
    const megan = rig.walk('Megan Bowen', thread);
    await megan.start();
    await megan.press(
      CARD_VERBS.accountNext,
      validAccountInputs('yunfancn', {
        companyName: ' 上海云帆信息科技  有限公司 ',
        contactEmail: 'li.na@yunfan.cn',
      }),
    );
    const before = rig.connector.sentTo(thread.id).length;

    // Act
    await megan.pressButton('Request a reseller relationship');

    // Assert
    const reseller = cardOf(rig.connector.sentTo(thread.id).slice(before)[0]);
    assert.equal(cardTitle(reseller), 'Request a reseller relationship');
    const [zh = '', en = ''] = findCardObjects(reseller, (node) => node.style === 'emphasis').map((box) =>
      (box.items as { text: string }[]).map((block) => block.text).join('\n\n'),
    );
    assert.match(zh, new RegExp(`^${COMPANY}的管理员，您好`));
    assert.match(en, new RegExp(`^Dear administrator of ${COMPANY},`));
    const text = cardText(reseller);
    assert.match(text, /Ask your administrator for it/);
    assert.doesNotMatch(
      text,
      /RESELLER_INVITE_URL/,
      'the setting is the operator’s business, not the user’s',
    );
    assert.deepEqual(buttonsOf(reseller), [], 'no link to open');
    const warning = rig.bot.logs.lines.find((line) => line.includes('RESELLER_INVITE_URL'));
    assert.ok(warning, 'the log should name the setting to set');
    assert.equal((JSON.parse(warning) as { level: number }).level, 40, 'logged as a warning');
  });
});
