import { z } from 'zod';

/** A customer in Partner Center's answers; what the bot reads of it, the rest kept as it came. */
export const CustomerSchema = z.looseObject({
  id: z.string().min(1),
  companyProfile: z.looseObject({
    tenantId: z.string().optional(),
    domain: z.string(),
    companyName: z.string().optional(),
  }),
  billingProfile: z
    .looseObject({ email: z.string().optional(), companyName: z.string().optional() })
    .optional(),
  userCredentials: z.looseObject({ userName: z.string(), password: z.string() }).optional(),
});
/** A customer as Partner Center answers it; `userCredentials` only in the answer that created it. */
export type PartnerCenterCustomer = z.infer<typeof CustomerSchema>;

/** An order in Partner Center's answers. */
export const OrderSchema = z.looseObject({
  id: z.string().min(1),
  lineItems: z.array(z.looseObject({ offerId: z.string(), quantity: z.number() })),
});
/** An order as Partner Center answers it. */
export type PartnerCenterOrder = z.infer<typeof OrderSchema>;

/** An offer in `GET /v1/offers`; absent trial and add-on flags mean neither. */
export const OfferSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  minimumQuantity: z.number().int(),
  maximumQuantity: z.number().int(),
  isTrial: z.boolean().default(false),
  isAddOn: z.boolean().default(false),
});
/** An offer as `GET /v1/offers` answers it, named in the locale it was asked for. */
export type PartnerCenterOffer = z.infer<typeof OfferSchema>;

/** The answer of `GET /v1/offers`. */
export const OfferPageSchema = z.looseObject({ items: z.array(OfferSchema) });

/** One page of `GET /v1/customers`, with the request for the next page in `links.next` when there is one. */
export const CustomerPageSchema = z.looseObject({
  items: z.array(CustomerSchema),
  links: z
    .looseObject({
      next: z
        .looseObject({
          uri: z.string(),
          headers: z.array(z.looseObject({ key: z.string(), value: z.string() })).default([]),
        })
        .optional(),
    })
    .optional(),
});

/** How many customers `listCustomers` asks for per page, Partner Center's maximum. */
export const CUSTOMER_PAGE_SIZE = 500;

/** The part of a Partner Center error body the bot acts on: its error code. */
export const ErrorBodySchema = z.looseObject({ code: z.union([z.number(), z.string()]).optional() });

const AddressSchema = z.looseObject({
  addressLine1: z.string(),
  addressLine2: z.string().optional(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
});
export const AddressRefusalSchema = z.looseObject({
  code: z.union([z.number(), z.string()]),
  corrected_address: AddressSchema.optional(),
});

/** An address in China as the account card holds it (province as its ISO 3166-2:CN code). */
export type AddressToCheck = {
  addressLine1: string;
  addressLine2?: string;
  city: string;
  province: string;
  postalCode: string;
};

/** What Partner Center says of an address: valid, or not, with the address it suggests if any. */
export type AddressVerdict = { valid: true } | { valid: false; suggestion?: AddressToCheck };
