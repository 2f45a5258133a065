import { Template } from 'adaptivecards-templating';
import { type Attachment, CardFactory } from 'botbuilder';

/** The Adaptive Card schema version Teams renders; every template declares it. */
export const CARD_SCHEMA_VERSION = '1.5';

/** Each template parsed once: parsing its `${...}` expressions was a quarter of the bot's CPU per turn. */
const parsedTemplates = new WeakMap<object, Template>();

/**
 * A copy of an expanded card without the properties whose value is null. Plain loops: the
 * `Object.entries`/`fromEntries` version of this walk took a sixth of a card's rendering time.
 */
function dropNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) items[index] = dropNulls(value[index]);
    return items;
  }
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const name of Object.keys(source)) {
    const item = source[name];
    if (item === null) continue;
    if (name === '__proto__')
      Object.defineProperty(copy, name, {
        value: dropNulls(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[name] = dropNulls(item);
  }
  return copy;
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

/** Characters that reorder text when displayed (bidirectional embeddings, overrides and isolates, marks). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A value someone typed, for a text box of a card (shown as is, not as Markdown): bidirectional controls removed. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Text that `escapeUserText` would change: a bidirectional control, `{`, a line feed, a character
 * Markdown interprets, or a list marker at the start. Most names and addresses have none, and are
 * returned after this one test instead of five replacements.
 */
const NEEDS_ESCAPING =
  /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069{\n\\`*_[\]<>#~]|^\s*(?:[-+]|\d+\.)(?=\s)/;

/**
 * A value someone typed (or a name from Teams or Partner Center), made safe to show in a card's text:
 * bidirectional controls removed (they make Teams show the text in another order than it was typed),
 * Teams' `{{DATE(…)}}` and `{{TIME(…)}}` macros broken with a zero-width space so they show as typed,
 * line breaks turned into spaces, and the characters Markdown would interpret escaped.
 */
export function escapeUserText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  const plain = withoutBidiControls(text).replace(/\{\{/g, '{\u200b{');
  const escaped = plain.replace(/[\\`*_[\]<>#~]/g, (character) => `\\${character}`).replace(/\r?\n/g, ' ');
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
