import { type PlaygroundPage, STEP_TIMEOUT_MS } from './playground-page.js';

/** What the requester's private credentials card says once the customer exists (`credentials.title`). */
const CREDENTIALS_CARD_TITLE = 'Admin credentials for';
/** What the requester's own copy of a pending request says (`approval.waiting`). */
const WAITING_FOR_APPROVAL = 'Waiting for approval.';

/**
 * The step between Submit and the credentials: when the bot asks an approver (the Playground's user,
 * once the spec sets `APPROVER_IDS`) to approve the new customer, approve it. It first waits until the
 * credentials card or a card with an Approve button is on screen, so it never races the bot.
 *
 * Without approvers the credentials card comes first and this does nothing. With approvers, it presses
 * Approve (an `Action.Execute`, answered with the decided card) and waits for the card to say so.
 * Seen in Playground 0.2.28: `refresh` is not run ("User specific view is not supported yet"), so in a
 * channel the approver first presses "Show my actions" on the base card.
 */
export async function approveIfAsked(playground: PlaygroundPage): Promise<void> {
  const approveButton = playground.page.getByRole('button', { name: 'Approve', exact: true });
  const credentials = playground.cardWith(CREDENTIALS_CARD_TITLE);
  try {
    await approveButton.or(credentials).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  } catch (error) {
    if (!(await playground.cardWith(WAITING_FOR_APPROVAL).isVisible())) throw error;
    const problem =
      'The request waits for approval, but no card with an Approve button reached the Playground';
    throw new Error(problem, { cause: error });
  }
  if (await credentials.isVisible()) return;
  await approveButton.first().click();
  await playground.cardWith('Approved by').first().waitFor({ timeout: STEP_TIMEOUT_MS });
}
