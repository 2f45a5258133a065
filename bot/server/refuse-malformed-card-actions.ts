import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { pickLocale, translator } from '../../store/i18n/translate.js';

const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** The least an `adaptiveCard/action` value must be for the SDK to read it: an object holding an `action` object. */
const CardActionValueSchema = z.looseObject({ action: z.looseObject({}) });

/**
 * Answers an `adaptiveCard/action` invoke whose value is not even shaped like a card action with a
 * localised 400 error, as the SDK does for a missing value. Without it the SDK's own parsing throws a
 * `TypeError` on such a value: the turn fails, the user is told something went wrong, and Teams gets 501.
 */
export class RefuseMalformedCardActions implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Invoke || activity.name !== CARD_ACTION_INVOKE) return next();
    if (CardActionValueSchema.safeParse(activity.value).success) return next();
    const message = translator(pickLocale(activity.locale))('flow.cardExpired');
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: {
        status: 400,
        body: {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message },
        },
      },
    });
  }
}
