import type { Offer } from './offer-catalog.js';
import type { SubscriptionLine } from './parse-subscriptions.js';

/** The offers whose maximum the customer's current licenses plus `adding` would go over. */
export function exceededOffers(
  current: readonly SubscriptionLine[],
  adding: readonly SubscriptionLine[],
  offers: readonly Offer[],
): string[] {
  return adding
    .filter((line) => {
      const maximum = offers.find((offer) => offer.id === line.offerId)?.maximumQuantity ?? 0;
      const has = current.find((existing) => existing.offerId === line.offerId)?.quantity ?? 0;
      return has + line.quantity > maximum;
    })
    .map((line) => line.offerId);
}
