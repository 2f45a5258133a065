/** Why a Partner Center call failed, as the bot acts on it. */
export const PARTNER_CENTER_ERRORS = {
  /** The app registration was refused (a token error, 401 or 403): an operator must fix a setting. */
  unauthorized: 'PARTNER_CENTER_UNAUTHORIZED',
  /** The domain belongs to another tenant (409). */
  domainTaken: 'PARTNER_CENTER_DOMAIN_TAKEN',
  /** The address was refused (error 2007). */
  invalidAddress: 'PARTNER_CENTER_INVALID_ADDRESS',
  /** A license count outside the offer's limits (error 2002). */
  quantityOutOfRange: 'PARTNER_CENTER_QUANTITY_OUT_OF_RANGE',
  /** Any other refusal (4xx). */
  rejected: 'PARTNER_CENTER_REJECTED',
  /** No usable answer within the retry budget: 5xx, 429, time-outs or connection errors. */
  unavailable: 'PARTNER_CENTER_UNAVAILABLE',
} as const;

/** One of `PARTNER_CENTER_ERRORS`. */
export type PartnerCenterErrorCode = (typeof PARTNER_CENTER_ERRORS)[keyof typeof PARTNER_CENTER_ERRORS];

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
