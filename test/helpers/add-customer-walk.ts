import assert from 'node:assert/strict';
import { CARD_VERBS } from '../../cards/card-verbs.js';
import { validAccountInputs } from '../fixtures/customers.js';
import { actionData, buttonData, type CardJson, cardOf, cardsSentTo } from './card-queries.js';
import type { FakeBotConnector } from './fake-bot-connector.js';
import type { TeamsUser } from './teams-user.js';

/** Where the fuzz cases (`test/security/fuzz`) take it from; new code imports it from `test/fixtures/customers`. */

/**
 * One user's walk through the add-customer dialog: it starts the dialog, then reads and presses the
 * dialog's card (one message, updated in place) the way a person would.
 */
export class AddCustomerWalk {
  cardId = '';

  constructor(
    readonly user: TeamsUser,
    readonly connector: FakeBotConnector,
  ) {}

  /** Types the start command and remembers the card the bot sent. */
  async start(command = 'add customer'): Promise<CardJson> {
    const before = cardsSentTo(this.connector, this.user.conversation.id).length;
    const answer = await this.user.say(command);
    assert.equal(answer.status, 200);
    const cards = cardsSentTo(this.connector, this.user.conversation.id);
    assert.equal(cards.length, before + 1, 'the bot should send one card');
    this.cardId = cards.at(-1)?.activityId ?? '';
    return this.card();
  }

  /** The dialog's card as the user sees it now. */
  card(): CardJson {
    const card = cardOf(this.connector.latest(this.cardId));
    assert.ok(card, 'the dialog card should exist');
    return card;
  }

  /** Presses a button of the dialog's card with these inputs, and returns the card afterwards. */
  async press(verb: string, inputs: Record<string, string> = {}): Promise<CardJson> {
    const answer = await this.user.press(this.cardId, actionData(this.card(), verb), inputs);
    assert.equal(answer.status, 200);
    return this.card();
  }

  /**
   * Presses the button of the dialog's card with this title, wherever it is on the card (also in an
   * ActionSet of the body), and returns the card afterwards.
   */
  async pressButton(title: string, inputs: Record<string, string> = {}): Promise<CardJson> {
    const answer = await this.user.press(this.cardId, buttonData(this.card(), title), inputs);
    assert.equal(answer.status, 200);
    return this.card();
  }

  /** Walks from the account card to Review with valid values. */
  async fillToReview(domainPrefix: string, licenses = '25'): Promise<CardJson> {
    await this.press(CARD_VERBS.accountNext, validAccountInputs(domainPrefix));
    return this.press(CARD_VERBS.subscriptionsNext, { 'qty_o365-e1': licenses });
  }
}
