import { CallerIdConstants } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';

/** The cloud whose Bot Framework the bot is registered in: Microsoft's public cloud, or Azure operated by 21Vianet. */
export type BotCloud = 'public' | 'china';

/**
 * The Bot Framework endpoint settings `ConfigurationBotFrameworkAuthentication` reads, by the names it
 * reads them under; each one can be overridden by an environment variable of the same name.
 */
export const BOT_FRAMEWORK_URL_SETTINGS = [
  'OAuthUrl',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'ToBotFromChannelTokenIssuer',
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromEmulatorOpenIdMetadataUrl',
] as const;

type UrlSetting = (typeof BOT_FRAMEWORK_URL_SETTINGS)[number];

/**
 * Where the bot's Bot Framework tokens come from and are checked against. Given to the SDK complete,
 * because it takes these settings all or nothing (one set alone leaves the others empty).
 */
export type BotFrameworkSettings = Record<UrlSetting, string> & {
  ValidateAuthority: boolean;
  /** The `callerId` stamped on incoming activities; the SDK has none for the 21Vianet cloud. */
  CallerId?: string;
};

/** The settings of `cloud`: the SDK's public-cloud constants, or the 21Vianet values of Microsoft's "deploy bots to Azure China" page. */
export function cloudSettings(cloud: BotCloud, tenantId: string | undefined): BotFrameworkSettings {
  if (cloud === 'public') {
    return {
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      ToBotFromChannelOpenIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      ValidateAuthority: true,
      CallerId: CallerIdConstants.PublicAzureChannel,
    };
  }
  const tenant = tenantId ?? 'common';
  return {
    OAuthUrl: 'https://token.botframework.azure.cn/',
    ToChannelFromBotLoginUrl: `https://login.partner.microsoftonline.cn/${tenant}`,
    ToChannelFromBotOAuthScope: 'https://api.botframework.azure.cn',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.azure.cn',
    ToBotFromChannelOpenIdMetadataUrl:
      'https://login.botframework.azure.cn/v1/.well-known/openidconfiguration',
    ToBotFromEmulatorOpenIdMetadataUrl: `https://login.partner.microsoftonline.cn/${tenant}/v2.0/.well-known/openid-configuration`,
    ValidateAuthority: true,
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why an override of a URL setting is unusable, or undefined when it is fine; http only outside production. */
function urlProblem(value: string, production: boolean): string | undefined {
  if (value.endsWith(',')) {
    return `ends with a comma ("${value}"): remove it (Microsoft's sample .env has one after each value)`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be a URL, such as https://api.botframework.azure.cn; got "${value}"`;
  }
  if (url.protocol === 'https:') return undefined;
  if (production) return `must be an https URL when NODE_ENV=production; got "${value}"`;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return `must be an https URL (http only on 127.0.0.1 or localhost); got "${value}"`;
}

/**
 * The Bot Framework settings for `BOT_CLOUD` with the overrides found in `env`, or every problem with
 * them (each naming the variable), including an app type the 21Vianet cloud cannot register.
 */
export function readBotFrameworkSettings(env: Record<string, string | undefined>): {
  cloud: BotCloud;
  settings: BotFrameworkSettings;
  problems: string[];
} {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const cloudName = value('BOT_CLOUD')?.toLowerCase();
  const cloud: BotCloud = cloudName === 'china' ? 'china' : 'public';
  const settings = cloudSettings(cloud, value('MicrosoftAppTenantId'));
  const problems: string[] = [];
  if (cloudName !== undefined && cloudName !== 'public' && cloudName !== 'china') {
    problems.push(`- BOT_CLOUD: must be public or china; got "${value('BOT_CLOUD')}"`);
  }
  for (const name of BOT_FRAMEWORK_URL_SETTINGS) {
    const override = value(name);
    if (override === undefined) continue;
    const problem = urlProblem(override, value('NODE_ENV') === 'production');
    if (problem) problems.push(`- ${name}: ${problem}`);
    else settings[name] = override;
  }
  const validateAuthority = value('ValidateAuthority')?.toLowerCase();
  if (validateAuthority === 'true' || validateAuthority === 'false') {
    settings.ValidateAuthority = validateAuthority === 'true';
  } else if (validateAuthority !== undefined) {
    problems.push(`- ValidateAuthority: must be true or false; got "${value('ValidateAuthority')}"`);
  }
  const appType = value('MicrosoftAppType') ?? 'MultiTenant';
  if (cloud === 'china' && value('MicrosoftAppId') !== undefined && appType === 'MultiTenant') {
    problems.push(
      '- MicrosoftAppType: must be SingleTenant or UserAssignedMSI when BOT_CLOUD=china (multi-tenant bots can no longer be created since 31 July 2025), with MicrosoftAppTenantId set',
    );
  }
  return { cloud, settings, problems };
}
