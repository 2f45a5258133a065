import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { type FakeOffer, type FakeOfferLocale, offerInLocale } from './fake-partner-center-catalog.js';
import type { ApiAnswer, ApiRequest } from './fake-partner-center-wire.js';
import { secretWatch } from './secret-watch.js';

/** An address as `POST /v1/validations/address` takes it and `defaultAddress` carries it. */
export type PartnerCenterAddress = {
  country: string;
  region?: string;
  city: string;
  state: string;
  addressLine1: string;
  addressLine2?: string;
  postalCode: string;
};

/** Decides whether the fake accepts an address, and which corrected address it suggests if not. */
export type AddressCheck = (
  address: PartnerCenterAddress,
) => { valid: true } | { valid: false; suggestion?: PartnerCenterAddress };

/** An order as the fake stores and answers it. */
export type FakeOrder = {
  id: string;
  referenceCustomerId: string;
  lineItems: { lineItemNumber: number; offerId: string; quantity: number }[];
  creationDate: string;
  status: 'completed';
  attributes: { objectType: 'Order' };
};

/** A customer the fake holds: created through the API (with `userCredentials`) or seeded, with its orders. */
export type FakeCustomer = {
  id: string;
  commerceId: string;
  companyProfile: { tenantId: string; domain: string; companyName: string };
  billingProfile: Record<string, unknown> & { id: string };
  relationshipToPartner: 'reseller';
  userCredentials?: { userName: string; password: string };
  attributes: { objectType: 'Customer' };
  orders: FakeOrder[];
};

/** What `addCustomer` needs to seed a customer "made in the portal"; the rest is made up. */
export type FakeCustomerSeed = { domain: string; companyName?: string; id?: string; email?: string };

/** The Partner Center error codes the fake answers with. */
export const FAKE_ERROR_CODES = {
  domainExists: 1003,
  invalidInput: 2000,
  notFound: 2001,
  quantityOutOfRange: 2002,
  unknownOffer: 2003,
  invalidAddress: 2007,
} as const;

/** The `POST /v1/customers` fields the fake refuses to do without (400, code 2000, naming them in `data`). */
export const REQUIRED_CUSTOMER_FIELDS = [
  'companyProfile.domain',
  'billingProfile.email',
  'billingProfile.culture',
  'billingProfile.language',
  'billingProfile.companyName',
  'billingProfile.defaultAddress.country',
  'billingProfile.defaultAddress.city',
  'billingProfile.defaultAddress.state',
  'billingProfile.defaultAddress.addressLine1',
  'billingProfile.defaultAddress.postalCode',
  'billingProfile.defaultAddress.firstName',
  'billingProfile.defaultAddress.lastName',
  'billingProfile.defaultAddress.phoneNumber',
] as const;

type Cursor = { size: number; offset: number; filter: (customer: FakeCustomer) => boolean };

const PASSWORD_CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*'];

const error = (status: number, code: number, description: string, data: unknown[] = []): ApiAnswer => ({
  status,
  body: { code, description, data, source: 'PartnerFD' },
});

const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);

const present = (value: unknown) => typeof value === 'string' && value.trim() !== '';

function temporaryPassword(): string {
  const all = PASSWORD_CLASSES.join('');
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)] ?? '';
  const chars = [...PASSWORD_CLASSES.map(pick), ...Array.from({ length: 12 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return secretWatch.remember('generated password', chars.join(''));
}

/** A customer as the API shows it to anyone but its creator: no credentials, no orders. */
export function publicCustomer({ userCredentials: _, orders: __, ...customer }: FakeCustomer) {
  return customer;
}

/** The data behind the fake Partner Center's `/v1` API and the answers it gives; see `FakePartnerCenter`. */
export class FakePartnerCenterApi {
  readonly customers: FakeCustomer[] = [];
  readonly takenDomains = new Set<string>();
  addressCheck: AddressCheck = () => ({ valid: true });
  private readonly createdByRequestId = new Map<string, FakeCustomer>();
  private readonly ordersByRequestId = new Map<string, FakeOrder>();
  private readonly cursors = new Map<string, Cursor>();

  constructor(public offers: FakeOffer[]) {}

  domainTaken(domain: string): boolean {
    const wanted = domain.toLowerCase();
    return (
      [...this.takenDomains].some((taken) => taken.toLowerCase() === wanted) ||
      this.customers.some((customer) => customer.companyProfile.domain.toLowerCase() === wanted)
    );
  }

  addCustomer(seed: FakeCustomerSeed): FakeCustomer {
    const companyName = seed.companyName ?? seed.domain.split('.')[0] ?? seed.domain;
    const customer: FakeCustomer = {
      id: seed.id ?? randomUUID(),
      commerceId: randomUUID(),
      companyProfile: { tenantId: randomUUID(), domain: seed.domain, companyName },
      billingProfile: { id: randomUUID(), companyName, email: seed.email ?? `admin@${seed.domain}` },
      relationshipToPartner: 'reseller',
      attributes: { objectType: 'Customer' },
      orders: [],
    };
    this.customers.push(customer);
    return customer;
  }

  checkDomain(request: ApiRequest): ApiAnswer {
    return { status: this.domainTaken(decodeURIComponent(request.segments[2] ?? '')) ? 200 : 404 };
  }

  validateAddress(request: ApiRequest): ApiAnswer {
    const address = request.body as PartnerCenterAddress;
    const missing = ['country', 'city', 'state', 'addressLine1', 'postalCode'].filter(
      (field) => !present(at(address, field)),
    );
    const verdict = missing.length > 0 ? { valid: false as const } : this.addressCheck(address);
    if (verdict.valid) return { status: 200, body: address };
    const answer = error(400, FAKE_ERROR_CODES.invalidAddress, 'The address is not valid.', missing);
    if (verdict.suggestion) Object.assign(answer.body as object, { corrected_address: verdict.suggestion });
    return answer;
  }

  createCustomer(request: ApiRequest): ApiAnswer {
    const requestId = request.headers['ms-requestid'];
    const earlier = requestId ? this.createdByRequestId.get(requestId) : undefined;
    if (earlier) return { status: 201, body: { ...earlier, orders: undefined } };
    const missing = REQUIRED_CUSTOMER_FIELDS.filter((field) => !present(at(request.body, field)));
    if (missing.length > 0) {
      return error(
        400,
        FAKE_ERROR_CODES.invalidInput,
        `Missing required fields: ${missing.join(', ')}`,
        missing,
      );
    }
    const domain = String(at(request.body, 'companyProfile.domain'));
    if (this.domainTaken(domain)) {
      return error(409, FAKE_ERROR_CODES.domainExists, 'Domain already exists', [domain]);
    }
    const billingProfile = at(request.body, 'billingProfile') as Record<string, unknown>;
    const customer = this.addCustomer({ domain, companyName: String(billingProfile.companyName) });
    customer.billingProfile = { ...billingProfile, id: customer.billingProfile.id };
    customer.userCredentials = { userName: 'admin', password: temporaryPassword() };
    if (requestId) this.createdByRequestId.set(requestId, customer);
    return { status: 201, body: { ...customer, orders: undefined } };
  }

  listCustomers(request: ApiRequest): ApiAnswer {
    const token = request.headers['ms-continuationtoken'];
    let cursor: Cursor | undefined;
    if (token !== undefined) {
      cursor = this.cursors.get(token);
      if (!cursor) return error(400, FAKE_ERROR_CODES.invalidInput, 'The continuation token is not valid.');
    } else {
      const size = Number(request.query.get('size') ?? 40);
      if (!Number.isInteger(size) || size < 1 || size > 500) {
        return error(400, FAKE_ERROR_CODES.invalidInput, 'size must be a whole number from 1 to 500.');
      }
      const filter = this.parseFilter(request.query.get('filter'));
      if (!filter) return error(400, FAKE_ERROR_CODES.invalidInput, 'The filter is not valid.');
      cursor = { size, offset: 0, filter };
    }
    const matching = this.customers.filter(cursor.filter);
    const items = matching.slice(cursor.offset, cursor.offset + cursor.size).map(publicCustomer);
    const links: Record<string, unknown> = {};
    if (cursor.offset + cursor.size < matching.length) {
      const next = randomBytes(12).toString('base64url');
      this.cursors.set(next, { ...cursor, offset: cursor.offset + cursor.size });
      links.next = {
        uri: `/v1/customers?size=${cursor.size}&seekOperation=next`,
        method: 'GET',
        headers: [{ key: 'MS-ContinuationToken', value: next }],
      };
    }
    return {
      status: 200,
      body: { totalCount: items.length, items, links, attributes: { objectType: 'Collection' } },
    };
  }

  createOrder(request: ApiRequest): ApiAnswer {
    const customer = this.customers.find((candidate) => candidate.id === request.segments[2]);
    if (!customer) return error(404, FAKE_ERROR_CODES.notFound, 'Customer not found', [request.segments[2]]);
    const requestId = request.headers['ms-requestid'];
    const earlier = requestId ? this.ordersByRequestId.get(requestId) : undefined;
    if (earlier) return { status: 201, body: earlier };
    const body = request.body as { referenceCustomerId?: unknown; lineItems?: unknown } | undefined;
    if (body?.referenceCustomerId !== customer.id) {
      return error(
        400,
        FAKE_ERROR_CODES.invalidInput,
        'referenceCustomerId must be the customer of the path.',
      );
    }
    const lineItems = Array.isArray(body.lineItems) ? (body.lineItems as FakeOrder['lineItems']) : [];
    if (lineItems.length === 0) return error(400, FAKE_ERROR_CODES.invalidInput, 'lineItems is required.');
    for (const item of lineItems) {
      const offer = this.offers.find((candidate) => candidate.id === item?.offerId);
      if (!offer) return error(400, FAKE_ERROR_CODES.unknownOffer, 'Offer not found', [item?.offerId]);
      const { minimumQuantity: min, maximumQuantity: max } = offer;
      if (!Number.isInteger(item.quantity) || item.quantity < min || item.quantity > max) {
        return error(
          400,
          FAKE_ERROR_CODES.quantityOutOfRange,
          `Quantity must be between ${min} and ${max}.`,
          [item.offerId],
        );
      }
    }
    const order: FakeOrder = {
      id: randomUUID(),
      referenceCustomerId: customer.id,
      lineItems: lineItems.map(({ lineItemNumber, offerId, quantity }) => ({
        lineItemNumber,
        offerId,
        quantity,
      })),
      creationDate: new Date().toISOString(),
      status: 'completed',
      attributes: { objectType: 'Order' },
    };
    customer.orders.push(order);
    if (requestId) this.ordersByRequestId.set(requestId, order);
    return { status: 201, body: order };
  }

  listOrders(request: ApiRequest): ApiAnswer {
    const customer = this.customers.find((candidate) => candidate.id === request.segments[2]);
    if (!customer) return error(404, FAKE_ERROR_CODES.notFound, 'Customer not found', [request.segments[2]]);
    const items = customer.orders;
    return {
      status: 200,
      body: { totalCount: items.length, items, attributes: { objectType: 'Collection' } },
    };
  }

  listOffers(request: ApiRequest): ApiAnswer {
    const country = request.query.get('country');
    if (!country) return error(400, FAKE_ERROR_CODES.invalidInput, 'country is required.');
    const locale: FakeOfferLocale = request.query.get('locale') === 'zh-CN' ? 'zh-CN' : 'en-US';
    const items =
      country.toUpperCase() === 'CN' ? this.offers.map((offer) => offerInLocale(offer, locale)) : [];
    return {
      status: 200,
      body: { totalCount: items.length, items, attributes: { objectType: 'Collection' } },
    };
  }

  private parseFilter(raw: string | null): ((customer: FakeCustomer) => boolean) | undefined {
    if (raw === null) return () => true;
    try {
      const { Field, Value, Operator } = JSON.parse(raw) as Record<string, unknown>;
      if (Operator !== 'starts_with' || typeof Value !== 'string') return undefined;
      const prefix = Value.toLowerCase();
      if (Field === 'Domain') return (c) => c.companyProfile.domain.toLowerCase().startsWith(prefix);
      if (Field === 'CompanyName')
        return (c) => c.companyProfile.companyName.toLowerCase().startsWith(prefix);
      return undefined;
    } catch {
      return undefined;
    }
  }
}
