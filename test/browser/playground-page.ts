import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** How long one step in the Playground may take: a bot turn plus a card render is well under a second. */
export const STEP_TIMEOUT_MS = 10_000;

/** The bot as the Playground names it (in the mention menu and above its messages). */
const PLAYGROUND_BOT_NAME = 'Test Bot';
/** The title of the help card the bot sends when it is installed in a conversation. */
const WELCOME_CARD_TITLE = 'Add Customer bot';

/**
 * One browser tab on the Agents Playground, driven the way a person uses it: pick a conversation in the
 * left rail, type in the compose box, read and press the Adaptive Cards. Cards are found by their
 * visible text, since the Playground gives messages no stable ids.
 */
export class PlaygroundPage {
  /** Uncaught errors of the Playground's page (it crashes this way on some card payloads). */
  readonly pageErrors: string[] = [];

  private constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(STEP_TIMEOUT_MS * 2);
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  /** Opens the Playground in a fresh browser context and waits until the bot has greeted the user. */
  static async open(browser: Browser, url: string): Promise<PlaygroundPage> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const playground = new PlaygroundPage(context, await context.newPage());
    await playground.page.goto(url);
    await playground.cardWith(WELCOME_CARD_TITLE).waitFor();
    return playground;
  }

  /** Every Adaptive Card on screen, oldest first. */
  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  /** The newest card whose text contains `text`. */
  cardWith(text: string | RegExp): Locator {
    return this.cards().filter({ hasText: text }).last();
  }

  /** Switches to the Personal Chat with the bot. */
  async openPersonalChat(): Promise<void> {
    await this.page.getByRole('treeitem', { name: 'Personal Chat', exact: true }).click();
    await this.cardWith(WELCOME_CARD_TITLE).waitFor();
  }

  /** Switches to a Teams channel, e.g. `My Team - General`, and waits for the bot's greeting there. */
  async openChannel(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name, exact: true }).click();
    await this.page.getByText('Start a new post').waitFor();
    await this.cardWith(WELCOME_CARD_TITLE).waitFor();
  }

  /** Types a message into a chat's compose box and sends it with Enter. */
  async say(text: string): Promise<void> {
    await this.page.getByRole('textbox').click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /**
   * Starts a new post in the open channel that @mentions the bot, picked from the mention menu as a
   * person would (typing `@` opens it), followed by `text`, and posts it.
   */
  async postMentioningBot(text: string): Promise<void> {
    const newPost = this.page.getByRole('group').filter({ hasText: 'Start a new post' }).getByRole('textbox');
    await newPost.click();
    await this.page.keyboard.type('@');
    await this.page
      .locator('#typeahead-menu')
      .getByRole('menuitem')
      .filter({ hasText: PLAYGROUND_BOT_NAME })
      .click();
    await this.page.keyboard.type(` ${text}`);
    const editor = this.page.locator('[data-lexical-editor="true"]', { hasText: text });
    await editor.locator('.mention', { hasText: PLAYGROUND_BOT_NAME }).waitFor();
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  /** Saves a full-page picture, for a failed test. */
  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file, fullPage: true, timeout: STEP_TIMEOUT_MS });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
