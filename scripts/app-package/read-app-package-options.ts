import { z } from 'zod';
import { AppPackageError } from './app-package-error.js';

/** The bot id of a package built without `MicrosoftAppId`: obviously fake, for a local try-out only. */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const emptyAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const EnvSchema = z.object({
  MicrosoftAppId: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .regex(GUID, "must be your Azure Bot's app id, a GUID such as 3f2a8c1e-5b7d-4e9f-a1c2-0d4e6f8a9b1c")
      .optional(),
  ),
  BOT_DOMAIN: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .regex(
        DOMAIN,
        'must be the host name the bot is served from, such as bot.contoso.cn (no https://, no path)',
      )
      .optional(),
  ),
});

/** The values the manifest template is filled with, and what the operator should know about them. */
export type AppPackageOptions = {
  values: { MicrosoftAppId: string; BOT_DOMAIN?: string; version: string };
  usesPlaceholderBotId: boolean;
  warnings: string[];
};

/**
 * Reads the packaging configuration (`MicrosoftAppId`, optional `BOT_DOMAIN`) from `env`; tests pass
 * their own. Throws an AppPackageError naming each variable to fix.
 */
export function readAppPackageOptions(
  env: Record<string, string | undefined>,
  version: string,
): AppPackageOptions {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new AppPackageError(
      'Cannot build the Teams app package: the configuration is invalid.',
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const { MicrosoftAppId, BOT_DOMAIN } = parsed.data;
  const warnings =
    MicrosoftAppId === undefined
      ? [
          `MicrosoftAppId is not set, so the package uses the placeholder bot id ${PLACEHOLDER_BOT_ID}: ` +
            'it is only for a local try-out and cannot reach a bot in Teams. Set MicrosoftAppId to your ' +
            "Azure Bot's app id to build a package to upload.",
        ]
      : [];
  return {
    values: { MicrosoftAppId: MicrosoftAppId ?? PLACEHOLDER_BOT_ID, BOT_DOMAIN, version },
    usesPlaceholderBotId: MicrosoftAppId === undefined,
    warnings,
  };
}
