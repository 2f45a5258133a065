/** A JSON Web Token (three base64url parts), with the `Bearer` scheme before it if there is one. */
const TOKEN = /(?:Bearer\s+)?eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

/**
 * Describes an error for a log line: its name, code, status and message, never request bodies, headers
 * or anything that looks like a bearer token (SDK messages sometimes quote what they failed to parse).
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error).replace(TOKEN, '[token]') };
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  return { name: error.name, message: error.message.replace(TOKEN, '[token]'), code, statusCode };
}
