import type { TurnContext } from 'botbuilder';
import { renderCustomerListCard } from '../../cards/customer-list.js';
import type { CustomerStore } from '../../store/customer-store.js';
import type { Offer } from '../../store/customers/offer-catalog.js';
import { pickLocale } from '../../store/i18n/translate.js';

/** How many customers one page of the list shows. */
export const CUSTOMER_PAGE_SIZE = 5;

/**
 * Shows a page of the customer list: as a new message for the `customers` command, or in place of the
 * card whose Search / Previous / Next was pressed.
 */
export async function showCustomers(
  store: CustomerStore,
  offers: readonly Offer[],
  context: TurnContext,
  options: { query: string; offset: number; replace: boolean },
) {
  const query = options.query.trim().slice(0, 100);
  const page = await store.searchCustomers({ query, offset: options.offset, limit: CUSTOMER_PAGE_SIZE });
  const card = renderCustomerListCard({
    locale: pickLocale(context.activity.locale),
    query,
    customers: page.customers,
    total: page.total,
    offset: options.offset,
    pageSize: CUSTOMER_PAGE_SIZE,
    offers,
  });
  const { replyToId } = context.activity;
  if (options.replace && replyToId) {
    await context.updateActivity({ id: replyToId, type: 'message', attachments: [card] });
  } else {
    await context.sendActivity({ attachments: [card] });
  }
}
