import { z } from 'zod';
import type { FieldError } from './account-info-schema.js';
import type { Offer } from './offer-catalog.js';

/** One line of an order: an offer and its number of licenses. */
export const SubscriptionLineSchema = z.object({
  offerId: z.string(),
  quantity: z.number().int().positive(),
});
/** One line of an order: an offer and its number of licenses. */
export type SubscriptionLine = z.infer<typeof SubscriptionLineSchema>;

/** License counts as typed on the Subscriptions card, keyed by offer id. */
export type SubscriptionsInput = Record<string, string>;

/** The outcome of checking a submitted Subscriptions card. */
export type SubscriptionsResult =
  | { ok: true; value: SubscriptionLine[] }
  | { ok: false; errors: Record<string, FieldError>; formError?: FieldError };

/** The input id of an offer's license count on the Subscriptions card. */
export function quantityInputId(offerId: string): string {
  return `qty_${offerId}`;
}

/** Keeps only the license counts of catalog offers from a card submit, as strings. */
export function pickSubscriptionsInput(
  offers: readonly Offer[],
  submitted: Record<string, unknown>,
): SubscriptionsInput {
  const input: SubscriptionsInput = {};
  for (const offer of offers) {
    const value = submitted[quantityInputId(offer.id)];
    if (typeof value === 'string' || typeof value === 'number') input[offer.id] = String(value).slice(0, 50);
  }
  return input;
}

/**
 * Validates license counts against the catalog: an empty or zero count means "not chosen";
 * a chosen offer needs a whole number within its minimum and maximum (counting the `existing`
 * licenses of a customer); at least one offer is needed.
 */
export function parseSubscriptions(
  offers: readonly Offer[],
  input: SubscriptionsInput,
  existing: readonly SubscriptionLine[] = [],
): SubscriptionsResult {
  const lines: SubscriptionLine[] = [];
  const errors: Record<string, FieldError> = {};
  for (const offer of offers) {
    const typed = (input[offer.id] ?? '').trim();
    if (typed === '' || /^0+$/.test(typed)) continue;
    const quantity = /^\d{1,9}$/.test(typed) ? Number(typed) : Number.NaN;
    const current = existing.find((line) => line.offerId === offer.id)?.quantity ?? 0;
    const inRange =
      Number.isInteger(quantity) && quantity >= offer.minimumQuantity && quantity <= offer.maximumQuantity;
    if (inRange && current + quantity <= offer.maximumQuantity) {
      lines.push({ offerId: offer.id, quantity });
    } else if (inRange) {
      errors[offer.id] = {
        key: 'error.offers.total',
        params: { current, max: offer.maximumQuantity - current },
      };
    } else {
      errors[offer.id] = {
        key: 'error.offers.quantity',
        params: { min: offer.minimumQuantity, max: offer.maximumQuantity },
      };
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (lines.length === 0) return { ok: false, errors, formError: { key: 'error.offers.none' } };
  return { ok: true, value: lines };
}
