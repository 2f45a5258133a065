import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Paths pino censors in every log line, whatever a caller passes: passwords, app secrets, tokens and
 * Authorization headers never reach a log.
 */
export const REDACTED_PATHS = [
  'password',
  'temporaryPassword',
  'credentials',
  '*.password',
  '*.temporaryPassword',
  '*.credentials',
  'appPassword',
  '*.appPassword',
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
  'clientSecret',
  '*.clientSecret',
  'secret',
  '*.secret',
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'req.headers.authorization',
  'token',
  '*.token',
];

/** Creates the bot's logger; tests pass a `destination` to capture every line. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: undefined };
  return destination ? pino(options, destination) : pino(options);
}
