const TOKEN = /\{\{(\w+)\}\}/g;
const WHOLE_TOKEN = /^\{\{(\w+)\}\}$/;

/**
 * Fills the `{{NAME}}` tokens in the string values of a manifest template. Values are put into the
 * parsed JSON, never spliced into its text. An optional value is an array item that is a token alone
 * (`"validDomains": ["{{BOT_DOMAIN}}"]`): without a value the item is left out. Any other token
 * without a value is an error that names it.
 */
export function fillManifestTemplate(template: unknown, values: Record<string, string | undefined>): unknown {
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(TOKEN, (_token, name: string) => {
        const value = values[name];
        if (value === undefined)
          throw new Error(`The manifest template uses {{${name}}}, which has no value`);
        return value;
      });
    }
    if (Array.isArray(node)) {
      return node
        .filter((item) => {
          const name = typeof item === 'string' ? WHOLE_TOKEN.exec(item)?.[1] : undefined;
          return name === undefined || values[name] !== undefined;
        })
        .map(fill);
    }
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([name, item]) => [name, fill(item)]));
    }
    return node;
  };
  return fill(template);
}
