import type { Offer } from './offer-catalog.js';
import type { SubscriptionLine } from './parse-subscriptions.js';
import { remainingLicenses } from './remaining-licenses.js';

/** The offers whose maximum the customer's current licenses plus `adding` would go over. */
export function exceededOffers(
  current: readonly SubscriptionLine[],
  adding: readonly SubscriptionLine[],
  offers: readonly Offer[],
): string[] {
  return adding
    .filter((line) => {
      const offer = offers.find((candidate) => candidate.id === line.offerId);
      return line.quantity > remainingLicenses(offer, current);
    })
    .map((line) => line.offerId);
}
