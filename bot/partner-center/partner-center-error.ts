import { ErrorBodySchema } from './partner-center-schemas.js';

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
 * True for a `PartnerCenterError`, told by its code rather than its class: the Partner Center modules
 * are loaded on demand, and a check by class would depend on how a loader shares modules.
 */
export function isPartnerCenterError(error: unknown): error is PartnerCenterError {
  const codes: readonly unknown[] = Object.values(KNOWN_PARTNER_CENTER_ERRORS);
  return error instanceof Error && codes.includes((error as { code?: unknown }).code);
}

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

/** The settings that make up the app registration, named in every error an operator must fix there. */
export const CREDENTIAL_SETTINGS =
  'PARTNER_CENTER_CLIENT_ID, PARTNER_CENTER_CLIENT_SECRET and PARTNER_CENTER_TENANT_ID';

/**
 * The error for a Partner Center answer that is a failure: `name` is the call (`POST /v1/customers`),
 * `body` the answer's JSON, whose Partner Center `code` tells a refused address (2007) or quantity
 * (2002) apart. 401 and 403 name the settings an operator must check.
 */
export function failureOf(name: string, status: number, body: unknown): PartnerCenterError {
  const code = ErrorBodySchema.safeParse(body).data?.code;
  const said = `Partner Center answered ${status}${code === undefined ? '' : ` (code ${code})`} to ${name}`;
  const known = KNOWN_PARTNER_CENTER_ERRORS;
  if (status === 401 || status === 403) {
    const message = `${said}: the app registration lacks access; check ${CREDENTIAL_SETTINGS}`;
    return new PartnerCenterError(known.unauthorized, message, status, code);
  }
  if (status === 409) return new PartnerCenterError(known.domainTaken, said, status, code);
  if (String(code) === '2007') return new PartnerCenterError(known.invalidAddress, said, status, code);
  if (String(code) === '2002') return new PartnerCenterError(known.quantityOutOfRange, said, status, code);
  const refused = status >= 400 && status < 500 && status !== 408 && status !== 429;
  return new PartnerCenterError(refused ? known.rejected : known.unavailable, said, status, code);
}
