import type { AdaptiveCardInvokeResponse } from 'botbuilder';

/** The answer to an `Action.Execute` that replaces the pressed card with `card`. */
export function cardResponse(card: unknown): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    value: card as Record<string, unknown>,
  };
}

/** The answer to an `Action.Execute` that leaves the card as it is and shows the presser a short text. */
export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as Record<string, unknown>,
  };
}

/** The answer to an `Action.Execute` the bot cannot read: Teams shows `message` to the presser. */
export function errorResponse(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return {
    statusCode,
    type: 'application/vnd.microsoft.error',
    value: { code, message } as unknown as Record<string, unknown>,
  };
}
