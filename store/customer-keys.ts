import { type Customer, contactEmailOf, isBotCustomer } from './customer-schema.js';
import { normaliseCompanyName } from './customers/normalise-company-name.js';

/**
 * What the store keeps in memory of a customer whose record stays in its file: the values every look-up
 * compares, already in the form it compares them in. `requestId` is set for customers the bot created
 * (and only for them), so it also tells the two kinds apart.
 */
export type CustomerKeys = {
  id: string;
  /** The request that created the customer; undefined for a customer read from Partner Center. */
  requestId: string | undefined;
  /** The tenant domain prefix, lower-case. */
  domainPrefix: string;
  /** The company name as `normaliseCompanyName` gives it, for duplicate matching. */
  normalisedName: string;
  /** The contact email, lower-case, when there is one. */
  contactEmail: string | undefined;
  /** The company name in NFKC, lower-case: what a search looks in. */
  searchName: string;
  /** The tenant domain as stored: a search looks in it too. */
  domain: string;
};

/** The look-up keys of a customer. */
export function keysOf(customer: Customer): CustomerKeys {
  return {
    id: customer.id,
    requestId: isBotCustomer(customer) ? customer.requestId : undefined,
    domainPrefix: customer.domainPrefix.toLowerCase(),
    normalisedName: normaliseCompanyName(customer.companyName),
    contactEmail: contactEmailOf(customer)?.toLowerCase(),
    searchName: searchNameOf(customer.companyName),
    domain: customer.domain,
  };
}

/** A company name as a search compares it: NFKC, lower-case. */
export function searchNameOf(companyName: string): string {
  return companyName.normalize('NFKC').toLowerCase();
}

/** A name that goes through every rule of the two normalisations: full-width forms, case, punctuation, Han spacing, company forms. */
const PROBE_NAME = 'ＦＡＢＲＩＫＡＭ　Trading-Co., Ltd. 北京 科技 股份有限公司 Ǆ ﬁ';

let signature: string | undefined;

/**
 * The normalisations' output on a probe name. Index files hold keys already normalised, and record this
 * with them: when a later version of the code normalises differently, the signature differs and the
 * index is made again from its store file instead of answering look-ups with keys of the old rules.
 */
export function keysSignature(): string {
  signature ??= `${normaliseCompanyName(PROBE_NAME)}|${searchNameOf(PROBE_NAME)}`;
  return signature;
}
