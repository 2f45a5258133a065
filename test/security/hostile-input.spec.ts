import assert from 'node:assert/strict';
import type { TeamsUser } from '../helpers/teams-user.js';
import { useBot } from '../helpers/use-bot.js';
import { FUZZ_SEED, runFuzz } from './fuzz/run-fuzz.js';

describe('the bot under hostile card submits and invokes', () => {
  it(`should answer 300 generated hostile presses with localised errors or silence, never a 5xx, an error or a broken state (seed ${FUZZ_SEED})`, async function () {
    this.timeout(90_000);

    // Act
    const report = await runFuzz({ numRuns: 300, seed: FUZZ_SEED });

    // Assert
    assert.equal(report.failure, undefined, report.failure);
    assert.equal(report.cases, 300);
    assert.ok(
      (report.outcomes['flowSubmit: error card, same step'] ?? 0) > 0,
      JSON.stringify(report.outcomes),
    );
  });
});

describe('the bot under activities that are not shaped like activities', () => {
  const rig = useBot();
  let user: TeamsUser;

  beforeEach(() => {
    user = rig.user('Mallory');
  });

  const malformed: [string, () => object][] = [
    ['an empty object', () => ({})],
    ['a numeric type', () => user.activity({ type: 5 })],
    ['no sender', () => ({ ...user.activity({ text: 'help' }), from: undefined })],
    ['a sender without id', () => user.activity({ text: 'help', from: { name: 'x' } })],
    ['a conversation id that is a number', () => user.activity({ text: 'help', conversation: { id: 1 } })],
    [
      'a control character in the conversation id',
      () => user.activity({ text: 'help', conversation: { id: '\u0000' } }),
    ],
    [
      'a conversation field the SDK would fail to serialise in the reply',
      () => user.activity({ text: 'help', conversation: { id: '19:x@thread.v2', aadObjectId: false } }),
    ],
    ['a javascript: service URL', () => user.activity({ text: 'help', serviceUrl: 'javascript:alert(1)' })],
    ['a text that is not a string', () => user.activity({ text: { toString: 'help' } })],
    ['a locale that is not a string', () => user.activity({ text: 'help', locale: 42 })],
    [
      'a 50 KB sender name, which every reply would copy',
      () => user.activity({ text: 'help', from: { id: user.id, name: 'x'.repeat(50_000) } }),
    ],
    [
      'a 100 KB locale, which every reply would copy',
      () => user.activity({ text: 'help', locale: 'x'.repeat(100_000) }),
    ],
    ['entities that are not a list', () => user.activity({ text: 'help', entities: 'mention' })],
    ['an entity without a type', () => user.activity({ text: 'help', entities: [{}] })],
    [
      'members added that are not a list',
      () => user.activity({ type: 'conversationUpdate', membersAdded: 'x' }),
    ],
  ];

  for (const [name, activity] of malformed) {
    it(`should answer 400 to an activity with ${name}, and send and log nothing`, async () => {
      // Act
      const answer = await rig.bot.post(activity());

      // Assert
      assert.equal(answer.status, 400);
      assert.deepEqual(rig.connector.requests, []);
      assert.doesNotMatch(rig.bot.logs.text, /"level":50/);
      assert.equal((await rig.bot.request('GET', '/healthz')).status, 200);
    });
  }
});
