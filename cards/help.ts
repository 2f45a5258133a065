import type { Attachment } from 'botbuilder';
import type { Locale } from '../store/i18n/translate.js';
import { cardTranslator } from './card-translator.js';
import template from './help.json' with { type: 'json' };
import { renderCard } from './render-card.js';

/** What the help card shows. */
export type HelpCardData = { locale: Locale };

/** Renders the help card: every command in the user's language, and a button to add a customer. */
export function renderHelpCard(data: HelpCardData): Attachment {
  const t = cardTranslator(data.locale);
  const zh = data.locale === 'zh-CN';
  return renderCard(template, {
    title: t('help.title'),
    intro: t('help.intro'),
    commands: [
      { command: zh ? '添加客户' : 'add customer', description: t('help.addCustomer') },
      { command: zh ? '添加订阅' : 'add subscription', description: t('help.addSubscription') },
      { command: zh ? '客户列表' : 'customers', description: t('help.customers') },
      { command: zh ? '取消' : 'cancel', description: t('help.cancel') },
      { command: zh ? '帮助' : 'help', description: t('help.help') },
    ],
    addCustomerTitle: t('help.addCustomerButton'),
    addCustomerCommand: zh ? '添加客户' : 'add customer',
  });
}
