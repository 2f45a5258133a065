import type { PartnerCenterSettings } from '../../bot/config/load-config.js';
import { PartnerCenterClient } from '../../bot/partner-center/partner-center-client.js';
import type { FakePartnerCenter } from './fake-partner-center.js';
import type { BotOptions } from './use-bot.js';

const HOUR = 60 * 60 * 1000;

/** Partner Center calls retried as in production but without the waits. */
export const FAST_PARTNER_CENTER_RETRY = {
  baseDelayMs: 1,
  maxDelayMs: 5,
  maxRetryAfterMs: 10,
  attemptTimeoutMs: 2_000,
};

/** The settings that point a client at the fake Partner Center. */
export function fakePartnerCenterSettings(fake: FakePartnerCenter): PartnerCenterSettings {
  return {
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    tenantId: fake.tenantId,
    endpoint: fake.url,
    authority: fake.authority,
  };
}

/** A real client of the fake Partner Center, with fast retries. */
export function fakePartnerCenterClient(
  fake: FakePartnerCenter,
  logger: ConstructorParameters<typeof PartnerCenterClient>[1],
): PartnerCenterClient {
  return new PartnerCenterClient(fakePartnerCenterSettings(fake), logger, {
    retry: FAST_PARTNER_CENTER_RETRY,
  });
}

/** The bot configured for the fake Partner Center, with fast retries and its timers a day away. */
export function partnerCenterBot(fake: FakePartnerCenter, env: Record<string, string> = {}): BotOptions {
  return {
    env: {
      PARTNER_CENTER_CLIENT_ID: fake.clientId,
      PARTNER_CENTER_CLIENT_SECRET: fake.clientSecret,
      PARTNER_CENTER_TENANT_ID: fake.tenantId,
      PARTNER_CENTER_ENDPOINT: fake.url,
      PARTNER_CENTER_AUTHORITY: fake.authority,
      ...env,
    },
    deps: {
      partnerCenterRetry: FAST_PARTNER_CENTER_RETRY,
      partnerCenterSchedule: { offersRefreshMs: 24 * HOUR, customerSyncMs: 24 * HOUR },
    },
  };
}
