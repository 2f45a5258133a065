import { ConfidentialClientApplication } from '@azure/msal-node';
import type { PartnerCenterSettings } from '../config/load-config.js';
import { describeError } from '../logging/describe-error.js';
import {
  CREDENTIAL_SETTINGS,
  KNOWN_PARTNER_CENTER_ERRORS,
  PartnerCenterError,
} from './partner-center-error.js';

/** Token errors that mean the app registration itself was refused, not that the authority was unreachable. */
const REFUSALS = ['invalid_client', 'unauthorized_client', 'invalid_request', 'invalid_tenant'];

/**
 * App-only tokens for Partner Center: OAuth 2.0 client credentials at `${authority}/${tenantId}` through
 * `@azure/msal-node`, which caches a token until shortly before it expires. The authority is listed as
 * known, so msal asks no other host (no instance discovery against the public cloud).
 */
export class PartnerCenterTokens {
  private readonly msal: ConfidentialClientApplication;

  constructor(private readonly settings: PartnerCenterSettings) {
    this.msal = new ConfidentialClientApplication({
      auth: {
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        authority: `${settings.authority}/${settings.tenantId}`,
        knownAuthorities: [new URL(settings.authority).host],
      },
    });
  }

  /** A valid access token for `${endpoint}/.default`; a `PartnerCenterError` naming what to fix otherwise. */
  async get(): Promise<string> {
    try {
      const result = await this.msal.acquireTokenByClientCredential({
        scopes: [`${this.settings.endpoint}/.default`],
      });
      if (!result?.accessToken) throw new Error('no access token in the answer');
      return result.accessToken;
    } catch (error) {
      const { errorCode } = error as { errorCode?: string };
      if (errorCode && REFUSALS.includes(errorCode)) {
        throw new PartnerCenterError(
          KNOWN_PARTNER_CENTER_ERRORS.unauthorized,
          `Partner Center token refused by ${this.settings.authority} (${errorCode}): check ${CREDENTIAL_SETTINGS}`,
        );
      }
      throw new PartnerCenterError(
        KNOWN_PARTNER_CENTER_ERRORS.unavailable,
        `No Partner Center token from ${this.settings.authority} (check PARTNER_CENTER_AUTHORITY): ${describeError(error).message}`,
      );
    }
  }
}
