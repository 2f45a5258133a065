import type { TurnContext } from 'botbuilder';
import { renderCredentialsDoneCard } from '../../cards/credentials.js';
import type { CustomerStore } from '../../store/customer-store.js';
import { pickLocale } from '../../store/i18n/translate.js';

/** Done on the credentials card: replaces that card with one that no longer shows the password. */
export async function completeCredentials(store: CustomerStore, context: TurnContext, customerId: string) {
  const { replyToId } = context.activity;
  if (!replyToId) return;
  const customer = await store.findById(customerId);
  if (!customer) return;
  const card = renderCredentialsDoneCard({
    locale: pickLocale(context.activity.locale),
    companyName: customer.companyName,
    adminAccount: customer.adminAccount,
  });
  await context.updateActivity({ id: replyToId, type: 'message', attachments: [card] });
}
