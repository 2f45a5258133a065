import type { CARD_VERBS } from '../../cards/card-verbs.js';
import { renderCredentialsDoneCard } from '../../cards/credentials.js';
import { isBotCustomer } from '../../store/customer-schema.js';
import type { Turn } from '../bot-deps.js';
import type { CardActionOf } from '../routing/card-action.js';

/**
 * Done on the credentials card (in the requester's 1:1 chat, checked by the router): replaces that
 * card with one that no longer shows the password.
 */
export async function completeCredentials(
  turn: Turn,
  action: CardActionOf<typeof CARD_VERBS.credentialsDone>,
) {
  const { replyToId } = turn.context.activity;
  const customer = await turn.deps.store.findById(action.customerId);
  if (!replyToId || !customer || !isBotCustomer(customer)) return;
  const card = renderCredentialsDoneCard({
    locale: turn.locale,
    companyName: customer.companyName,
    adminAccount: customer.adminAccount,
  });
  await turn.context.updateActivity({ id: replyToId, type: 'message', attachments: [card] });
}
