import { createRequire } from 'node:module';

type AdaptiveCardsModule = typeof import('adaptivecards');

const AdaptiveCards = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as AdaptiveCardsModule;

/**
 * Parses a card with the `adaptivecards` SDK and returns the message of every event it reported while
 * parsing (unknown element types, invalid property values, ...) and while validating the parsed card
 * (duplicate input ids, missing required properties, ...): an empty list means the SDK accepts the card.
 * The UMD bundle is used because the package's `lib/` is extensionless ESM that Node cannot import;
 * parsing needs no DOM.
 */
export function parseAdaptiveCard(json: unknown): string[] {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(json, context);
  const messages: string[] = [];
  for (let i = 0; i < context.eventCount; i++) messages.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) messages.push(event.message);
  return messages;
}
