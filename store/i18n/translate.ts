import { enUS, type MessageKey } from './en-us.js';
import { zhCN } from './zh-cn.js';

/** The two languages every user-facing text exists in. */
export type Locale = 'en-US' | 'zh-CN';

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'en-US': enUS, 'zh-CN': zhCN };

/** A function that turns a message key (and its `{placeholders}`) into text of one language. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * Picks the language for a user from the activity's locale: any `zh-*` is Chinese, everything else English.
 */
export function pickLocale(activityLocale: string | undefined): Locale {
  return activityLocale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

/** Returns the translator for a locale. Placeholders are replaced literally, never evaluated. */
export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      params && Object.hasOwn(params, name) ? String(params[name]) : match,
    );
}
