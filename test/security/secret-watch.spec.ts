import assert from 'node:assert/strict';
import { TEMPORARY_PASSWORD_LENGTH } from '../../bot/credentials/generate-temporary-password.js';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { cardOf, cardText } from '../helpers/card-queries.js';
import { findCardObjects } from '../helpers/find-card-objects.js';
import { SecretWatch, secretWatch } from '../helpers/secret-watch.js';
import { useBot } from '../helpers/use-bot.js';

describe('SecretWatch', () => {
  it('should find a secret, as it is or JSON-escaped, in a place it watches, without repeating the secret', async () => {
    // Arrange
    const watch = new SecretWatch();
    watch.remember('generated password', 'Abc"def\\ghi');
    watch.remember('app secret', 'app-secret-value');
    const close = watch.watch('a log', () => 'line {"text":"Abc\\"def\\\\ghi"}');

    // Act
    await close();
    watch.scan('a store file', 'nothing here');
    watch.scan('a channel message', 'the secret is app-secret-value');
    const { leaks } = await watch.finish();

    // Assert
    assert.deepEqual(
      leaks.map((leak) => [leak.kind, leak.where]),
      [
        ['generated password', 'a log'],
        ['app secret', 'a channel message'],
      ],
    );
    assert.ok(leaks.every((leak) => !leak.masked.includes('def') && !leak.masked.includes('secret-value')));
  });

  it('should scan a place still open when the run finishes', async () => {
    // Arrange
    const watch = new SecretWatch();
    watch.remember('generated password', 'Pa55word!Pa55word');
    watch.watch('console output', () => 'oops Pa55word!Pa55word');

    // Act
    const { leaks } = await watch.finish();

    // Assert
    assert.equal(leaks.length, 1);
  });
});

describe('the suite-wide secret watch', () => {
  const rig = useBot();

  it('should know every password a bot under test generates, so the check at the end is not vacuous', async () => {
    // Arrange
    const walk = rig.walk('Alex Wilber');

    // Act
    await walk.start();
    await walk.fillToReview('watchedco');
    await walk.press(CARD_VERBS.reviewSubmit);

    // Assert
    const credentials = rig.connector.sent.find((entry) =>
      /Temporary password/.test(cardText(cardOf(entry))),
    );
    const [shown] = findCardObjects(
      cardOf(credentials),
      (node) => node.fontType === 'Monospace' && node.size === 'Large',
    );
    const password = String(shown?.text ?? '');
    assert.equal(password.length, TEMPORARY_PASSWORD_LENGTH);
    assert.ok(secretWatch.has(password));
  });
});
