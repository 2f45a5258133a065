import path from 'node:path';
import { z } from 'zod';
import {
  type BotCloud,
  type BotFrameworkSettings,
  readBotFrameworkSettings,
} from './bot-framework-settings.js';
import { MAKE_CREDENTIALS_KEY, productionProblems } from './production-problems.js';
import { readStorageSettings, type StorageSettings } from './storage-config.js';

const emptyAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const commaSeparatedList = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item.length > 0)
      : value,
  z.array(z.string()),
);

/**
 * An Entra object id: a GUID. The last group may have 13 digits because the Agents Playground's
 * made-up users have such ids (00000000-0000-0000-0000-0000000000020).
 */
const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,13}$/i;

/** An https URL without a trailing slash, such as an API base or a token authority host. */
const httpsBaseUrl = z
  .url({ protocol: /^https$/, error: 'must be an https URL' })
  .transform((url) => url.replace(/\/+$/, ''));

/** A comma-separated list of Entra GUIDs (the Playground's 13-digit last group allowed), lower-cased. */
const guidList = (what: string) =>
  z.preprocess(emptyAsUnset, commaSeparatedList.optional()).pipe(
    z
      .array(z.string().regex(ENTRA_OBJECT_ID, `must be ${what} (GUIDs), comma-separated`))
      .min(1, `must not be empty: list ${what} (GUIDs), comma-separated`)
      .transform((ids) => ids.map((id) => id.toLowerCase()))
      .optional(),
  );

/** 32 bytes in base64: 43 characters and one `=`. */
const CREDENTIALS_KEY = /^[A-Za-z0-9+/]{43}=$/;

const EnvSchema = z.object({
  PORT: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number from 1 to 65535')
      .transform(Number)
      .refine((port) => port >= 1 && port <= 65535, 'must be a port number from 1 to 65535')
      .default(3978),
  ),
  HOST: z.preprocess(emptyAsUnset, z.string().default('0.0.0.0')),
  DATA_DIR: z.preprocess(emptyAsUnset, z.string().default('./data')),
  MicrosoftAppId: z.preprocess(emptyAsUnset, z.string().optional()),
  MicrosoftAppPassword: z.preprocess(emptyAsUnset, z.string().optional()),
  MicrosoftAppType: z.preprocess(
    emptyAsUnset,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  MicrosoftAppTenantId: z.preprocess(emptyAsUnset, z.string().optional()),
  APPROVER_IDS: z
    .preprocess(emptyAsUnset, commaSeparatedList.default([]))
    .pipe(z.array(z.string().regex(ENTRA_OBJECT_ID, 'must be Entra object ids (GUIDs), comma-separated'))),
  ALLOWED_TENANT_IDS: guidList('Entra tenant ids'),
  ALLOWED_USER_IDS: guidList('Entra object ids'),
  RESELLER_INVITE_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^https$/ }).optional()),
  PARTNER_EMAIL_DOMAINS: z.preprocess(emptyAsUnset, commaSeparatedList.default([])).pipe(
    z.array(
      z
        .string()
        .toLowerCase()
        .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be mail domains such as contoso.com, comma-separated'),
    ),
  ),
  OFFERS_FILE: z.preprocess(emptyAsUnset, z.string().optional()),
  PARTNER_CENTER: z.preprocess(emptyAsUnset, z.enum(['local']).optional()),
  PARTNER_CENTER_TENANT_ID: z.preprocess(emptyAsUnset, z.string().optional()),
  PARTNER_CENTER_CLIENT_ID: z.preprocess(emptyAsUnset, z.string().optional()),
  PARTNER_CENTER_CLIENT_SECRET: z.preprocess(emptyAsUnset, z.string().optional()),
  PARTNER_CENTER_ENDPOINT: z.preprocess(
    emptyAsUnset,
    httpsBaseUrl.default('https://partner.partnercenterapi.microsoftonline.cn'),
  ),
  PARTNER_CENTER_AUTHORITY: z.preprocess(
    emptyAsUnset,
    httpsBaseUrl.default('https://login.chinacloudapi.cn'),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUnset,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  NODE_ENV: z.preprocess(emptyAsUnset, z.string().optional()),
  CREDENTIALS_KEY: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .regex(
        CREDENTIALS_KEY,
        `must be 32 random bytes in base64 (44 characters); make one with ${MAKE_CREDENTIALS_KEY}`,
      )
      .transform((key) => Buffer.from(key, 'base64'))
      .optional(),
  ),
});

/** The bot's configuration, parsed once from the environment at start-up. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  auth: {
    appId?: string;
    appPassword?: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
  };
  /** The cloud the bot is registered in (`BOT_CLOUD`) and its Bot Framework endpoints, overrides applied. */
  botFramework: { cloud: BotCloud; settings: BotFrameworkSettings };
  approverIds: string[];
  /**
   * Entra tenant ids (lower-case) whose activities the bot answers; any other tenant's are refused.
   * Undefined: every tenant (only possible without an app id, or with a single-tenant app's own tenant).
   */
  allowedTenantIds?: string[];
  /** Entra object ids (lower-case) of the users who may use commands and cards, besides the approvers. Undefined: everyone. */
  allowedUserIds?: string[];
  resellerInviteUrl?: string;
  partnerEmailDomains: string[];
  offersFile?: string;
  /**
   * Where customers are created: Partner Center operated by 21Vianet through its REST API, with app-only
   * tokens for this app registration; undefined means the local store stands in (local runs).
   */
  partnerCenter?: PartnerCenterSettings;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** True when no app id is set: requests are not authenticated, which is only fit for local runs. */
  localOnly: boolean;
  /** The AES-256 key sealing undelivered admin credentials; undefined: in memory only (not in production). */
  credentialsKey?: Buffer;
  /** Where customers, requests, dialog state and the outbox live: `DATA_DIR` files, or Azure Storage. */
  storage: StorageSettings;
};

/** The Partner Center API and the app registration the bot calls it as. */
export type PartnerCenterSettings = {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** API base URL, no trailing slash. */
  endpoint: string;
  /** Token authority host, no trailing slash: tokens come from `${authority}/${tenantId}`. */
  authority: string;
};

/** Thrown when the environment is invalid; the message lists every variable to fix. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/**
 * Reads and validates the configuration. Call once at start-up; tests pass their own `env`.
 * Every problem is listed at once, each with the variable to fix.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
  const { problems: botFrameworkProblems, ...botFramework } = readBotFrameworkSettings(env);
  problems.push(...crossVariableProblems(env), ...botFrameworkProblems);
  const storage = readStorageSettings((name) => emptyAsUnset(env[name]) as string | undefined);
  problems.push(...storage.problems);
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const vars = parsed.data;
  const localOnly = vars.MicrosoftAppId === undefined;
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir: path.resolve(vars.DATA_DIR),
    auth: {
      appId: vars.MicrosoftAppId,
      appPassword: vars.MicrosoftAppPassword,
      appType: vars.MicrosoftAppType,
      tenantId: vars.MicrosoftAppTenantId,
    },
    botFramework,
    approverIds: vars.APPROVER_IDS.map((id) => id.toLowerCase()),
    allowedTenantIds:
      vars.ALLOWED_TENANT_IDS ??
      (vars.MicrosoftAppType === 'SingleTenant' && ENTRA_OBJECT_ID.test(vars.MicrosoftAppTenantId ?? '')
        ? [(vars.MicrosoftAppTenantId ?? '').toLowerCase()]
        : undefined),
    allowedUserIds: vars.ALLOWED_USER_IDS,
    resellerInviteUrl: vars.RESELLER_INVITE_URL,
    partnerEmailDomains: vars.PARTNER_EMAIL_DOMAINS,
    offersFile: vars.OFFERS_FILE,
    partnerCenter:
      vars.PARTNER_CENTER_CLIENT_ID && vars.PARTNER_CENTER_TENANT_ID && vars.PARTNER_CENTER_CLIENT_SECRET
        ? {
            tenantId: vars.PARTNER_CENTER_TENANT_ID,
            clientId: vars.PARTNER_CENTER_CLIENT_ID,
            clientSecret: vars.PARTNER_CENTER_CLIENT_SECRET,
            endpoint: vars.PARTNER_CENTER_ENDPOINT,
            authority: vars.PARTNER_CENTER_AUTHORITY,
          }
        : undefined,
    logLevel: vars.LOG_LEVEL,
    localOnly,
    credentialsKey: vars.CREDENTIALS_KEY,
    storage: storage.settings,
  };
}

function crossVariableProblems(env: Record<string, string | undefined>): string[] {
  const value = (name: string) => emptyAsUnset(env[name]) as string | undefined;
  const appType = value('MicrosoftAppType') ?? 'MultiTenant';
  const problems: string[] = [];
  if (value('NODE_ENV') === 'production') problems.push(...productionProblems(value));
  if (
    value('MicrosoftAppId') !== undefined &&
    appType !== 'UserAssignedMSI' &&
    value('MicrosoftAppPassword') === undefined
  ) {
    problems.push('- MicrosoftAppPassword: must be set when MicrosoftAppId is set');
  }
  if (
    (appType === 'SingleTenant' || appType === 'UserAssignedMSI') &&
    value('MicrosoftAppTenantId') === undefined
  ) {
    problems.push(`- MicrosoftAppTenantId: must be set when MicrosoftAppType=${appType}`);
  }
  if (appType === 'UserAssignedMSI') problems.push(...managedIdentityProblems(value));
  return [...problems, ...allowedTenantProblems(value, appType), ...partnerCenterProblems(value)];
}

/** A user-assigned managed identity is named by its client id and has no secret: the SDK refuses either mistake with an assertion. */
function managedIdentityProblems(value: (name: string) => string | undefined): string[] {
  return [
    ...(value('MicrosoftAppId') === undefined
      ? [
          "- MicrosoftAppId: must be set when MicrosoftAppType=UserAssignedMSI (the managed identity's client id)",
        ]
      : []),
    ...(value('MicrosoftAppPassword') !== undefined
      ? [
          '- MicrosoftAppPassword: must be empty when MicrosoftAppType=UserAssignedMSI (a managed identity has no secret)',
        ]
      : []),
  ];
}

/** Which tenants may use the bot must be said whenever Teams can reach it, unless the app is single-tenant. */
function allowedTenantProblems(value: (name: string) => string | undefined, appType: string): string[] {
  if (value('MicrosoftAppId') === undefined || value('ALLOWED_TENANT_IDS') !== undefined) return [];
  const ownTenant = value('MicrosoftAppTenantId');
  if (appType !== 'SingleTenant') {
    return [
      '- ALLOWED_TENANT_IDS: must be set when MicrosoftAppId is set (the Entra tenant ids whose users may use the bot, comma-separated), unless MicrosoftAppType=SingleTenant',
    ];
  }
  if (ownTenant !== undefined && !ENTRA_OBJECT_ID.test(ownTenant)) {
    return [
      '- ALLOWED_TENANT_IDS: must be set when MicrosoftAppTenantId is not a tenant id (GUID), since it cannot stand in for it',
    ];
  }
  return [];
}

function partnerCenterProblems(value: (name: string) => string | undefined): string[] {
  const problems: string[] = [];
  const clientId = value('PARTNER_CENTER_CLIENT_ID');
  if (clientId !== undefined) {
    for (const name of ['PARTNER_CENTER_TENANT_ID', 'PARTNER_CENTER_CLIENT_SECRET']) {
      if (value(name) === undefined)
        problems.push(`- ${name}: must be set when PARTNER_CENTER_CLIENT_ID is set`);
    }
    if (value('PARTNER_CENTER') === 'local') {
      problems.push(
        '- PARTNER_CENTER: must be empty when PARTNER_CENTER_CLIENT_ID is set (local means no Partner Center)',
      );
    }
  } else if (value('NODE_ENV') === 'production' && value('PARTNER_CENTER') !== 'local') {
    problems.push(
      '- PARTNER_CENTER_CLIENT_ID: must be set when NODE_ENV=production (with PARTNER_CENTER_TENANT_ID and PARTNER_CENTER_CLIENT_SECRET), or set PARTNER_CENTER=local to create customers in the local store only, on purpose',
    );
  }
  return problems;
}
