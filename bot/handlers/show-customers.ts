import type { CARD_VERBS } from '../../cards/card-verbs.js';
import { renderCustomerListCard } from '../../cards/customer-list.js';
import type { Turn } from '../bot-deps.js';
import type { CardActionOf } from '../routing/card-action.js';

/** How many customers one page of the list shows. */
export const CUSTOMER_PAGE_SIZE = 5;

/**
 * Shows a page of the customer list. The `customers` command sends a new card; Search, Previous and
 * Next replace the card they were pressed on when it is the sender's own list here, and otherwise
 * (someone else's list in a channel) send the sender a list of their own.
 */
export async function showCustomers(
  turn: Turn,
  action?: CardActionOf<typeof CARD_VERBS.customersSearch | typeof CARD_VERBS.customersPage>,
) {
  const searching = action?.verb === 'customers.search';
  const query = ((searching ? action.customerQuery : action?.query) ?? '').trim().slice(0, 100);
  const offset = searching ? 0 : (action?.offset ?? 0);
  const page = await turn.deps.store.searchCustomers({ query, offset, limit: CUSTOMER_PAGE_SIZE });
  const card = renderCustomerListCard({
    locale: turn.locale,
    query,
    customers: page.customers,
    total: page.total,
    offset,
    pageSize: CUSTOMER_PAGE_SIZE,
    offers: turn.deps.offers,
  });
  const { replyToId } = turn.context.activity;
  if (action && replyToId !== undefined && replyToId === turn.state.customerListCardId) {
    await turn.context.updateActivity({ id: replyToId, type: 'message', attachments: [card] });
  } else {
    const sent = await turn.context.sendActivity({ attachments: [card] });
    turn.state.customerListCardId = sent?.id;
  }
}
