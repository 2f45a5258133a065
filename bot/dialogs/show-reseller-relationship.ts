import { renderResellerRelationshipCard } from '../../cards/reseller-relationship.js';
import type { Turn } from '../bot-deps.js';

/**
 * Sends the reseller relationship card for the company on the account card. Without a configured link
 * the card tells the user to ask their administrator, and the log tells the operator which setting to set.
 */
export async function showResellerRelationship(turn: Turn, companyName: string): Promise<void> {
  const { resellerInviteUrl, logger } = turn.deps;
  if (!resellerInviteUrl) {
    logger.warn(
      { setting: 'RESELLER_INVITE_URL' },
      'reseller relationship card sent without its link: set RESELLER_INVITE_URL to the link Partner Center shows under Customers > Request a reseller relationship',
    );
  }
  const card = renderResellerRelationshipCard({
    locale: turn.locale,
    companyName,
    inviteUrl: resellerInviteUrl,
  });
  await turn.context.sendActivity({ attachments: [card] });
}
