import { Template } from 'adaptivecards-templating';
import { type Attachment, CardFactory } from 'botbuilder';

/** The Adaptive Card schema version Teams renders; every template declares it. */
export const CARD_SCHEMA_VERSION = '1.5';

/** Each template parsed once: parsing its `${...}` expressions was a quarter of the bot's CPU per turn. */
const parsedTemplates = new WeakMap<object, Template>();

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== null)
        .map(([name, item]) => [name, dropNulls(item)]),
    );
  }
  return value;
}

/**
 * Expands a card template with data and wraps it as an attachment. User values must only ever arrive
 * through `data` (the templating engine does not evaluate `${...}` inside data). Properties that
 * evaluate to `null` are dropped, so a template can leave an optional property out by passing null.
 */
export function renderCard(template: object, data: object): Attachment {
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    parsed = new Template(template);
    parsedTemplates.set(template, parsed);
  }
  const card = dropNulls(parsed.expand({ $root: data })) as object;
  return CardFactory.adaptiveCard(card);
}

/** Escapes the characters Markdown would interpret, for a user value shown inside a TextBlock. */
export function escapeMarkdown(text: string): string {
  const escaped = text.replace(/[\\`*_[\]<>#~]/g, (character) => `\\${character}`).replace(/\r?\n/g, ' ');
  return escaped.replace(/^(\s*)([-+]|\d+\.)(?=\s)/, '$1\\$2');
}

/**
 * Formats a time for a TextBlock with the Adaptive Cards date functions, so that each reader sees it
 * in their own time zone and language.
 */
export function cardDateTime(iso: string): string {
  const seconds = iso.replace(/\.\d+Z$/, 'Z');
  return `{{DATE(${seconds}, SHORT)}} {{TIME(${seconds})}}`;
}
