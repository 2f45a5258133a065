import type { Attachment } from 'botbuilder';
import type { Locale } from '../store/i18n/translate.js';
import { cardTranslator } from './card-translator.js';
import template from './dialog-closed.json' with { type: 'json' };
import { escapeUserText, renderCard } from './render-card.js';

/** Which dialog ended, and how: cancelled by its owner, or replaced by a new dialog they started. */
export type DialogClosedCardData = {
  locale: Locale;
  dialog: 'addCustomer' | 'addSubscription';
  reason: 'cancelled' | 'replaced';
  owner: { name: string };
};

/**
 * Renders the small card that takes the place of a dialog's card once the dialog has ended, however
 * it ended: no inputs and no buttons, so that nothing on it can be pressed any more.
 */
export function renderDialogClosedCard(data: DialogClosedCardData): Attachment {
  const t = cardTranslator(data.locale);
  const text = t(data.reason === 'cancelled' ? 'closed.cancelledText' : 'closed.replacedText');
  return renderCard(template, {
    title: t(`closed.${data.dialog}.${data.reason}`),
    text: `${t('flow.owner', { name: escapeUserText(data.owner.name) })} · ${text}`,
  });
}
