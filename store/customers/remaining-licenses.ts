import type { Offer } from './offer-catalog.js';
import type { SubscriptionLine } from './parse-subscriptions.js';

/**
 * How many more licenses of `offer` a customer holding `current` may still get: the offer's maximum less
 * what it has (never below 0). Add subscription shows it and approval checks orders against it.
 */
export function remainingLicenses(offer: Offer | undefined, current: readonly SubscriptionLine[]): number {
  const has = current.find((line) => line.offerId === offer?.id)?.quantity ?? 0;
  return Math.max(0, (offer?.maximumQuantity ?? 0) - has);
}
