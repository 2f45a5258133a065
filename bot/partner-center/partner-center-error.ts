/** Why a Partner Center call failed, as the bot acts on it. */
export const KNOWN_PARTNER_CENTER_ERRORS = {
  /** The app registration was refused (a token error, 401 or 403): an operator must fix a setting. */
  unauthorized: 'UNAUTHORIZED_BY_PARTNER_CENTER',
  /** The domain belongs to another tenant (409). */
  domainTaken: 'DOMAIN_TAKEN_IN_PARTNER_CENTER',
  /** The address was refused (error 2007). */
  invalidAddress: 'ADDRESS_REFUSED_BY_PARTNER_CENTER',
  /** A license count outside the offer's limits (error 2002). */
  quantityOutOfRange: 'QUANTITY_REFUSED_BY_PARTNER_CENTER',
  /** Any other refusal (4xx). */
  rejected: 'REFUSED_BY_PARTNER_CENTER',
  /** No usable answer within the retry budget: 5xx, 429, time-outs or connection errors. */
  unavailable: 'NO_ANSWER_FROM_PARTNER_CENTER',
} as const;

/** One of `KNOWN_PARTNER_CENTER_ERRORS`. */
export type PartnerCenterErrorCode =
  (typeof KNOWN_PARTNER_CENTER_ERRORS)[keyof typeof KNOWN_PARTNER_CENTER_ERRORS];

/**
 * A Partner Center call that failed for good. The message is for the operator's log: it names the call,
 * the HTTP status and Partner Center's error code, and for `unauthorized` the settings to check; it never
 * holds a token, a secret or a request body.
 */
export class PartnerCenterError extends Error {
  constructor(
    readonly code: PartnerCenterErrorCode,
    message: string,
    readonly status?: number,
    readonly partnerCenterCode?: number | string,
  ) {
    super(message);
    this.name = 'PartnerCenterError';
  }
}
