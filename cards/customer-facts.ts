import type { Customer, CustomerAccount } from '../store/customer-schema.js';
import { accountInfoOf } from '../store/customers/account-info-of.js';
import { tenantDomain } from '../store/customers/account-info-schema.js';
import { formatAddress } from '../store/customers/format-address.js';
import { formatPersonName } from '../store/customers/format-person-name.js';
import { maskEmail } from '../store/customers/mask-email.js';
import { maskPhone } from '../store/customers/mask-phone.js';
import type { Offer } from '../store/customers/offer-catalog.js';
import type { SubscriptionLine } from '../store/customers/parse-subscriptions.js';
import type { Locale } from '../store/i18n/translate.js';
import { cardTranslator } from './card-translator.js';
import { escapeUserText } from './render-card.js';

/** One row of a FactSet. Teams renders Markdown in fact values too, so user values are escaped. */
export type Fact = { title: string; value: string };

/** How a card shows contact details: `maskContact` for a card everyone in a channel or group chat sees. */
export type ContactDisplay = { maskContact: boolean };

/** The account's address in the reader's order (see `formatAddress`), or undefined when it has none. */
function addressOf(account: CustomerAccount, locale: Locale): string | undefined {
  const { addressLine1, addressLine2, city, province, postalCode } = account;
  if (!addressLine1 || !city || !province || !postalCode) return undefined;
  return formatAddress({ addressLine1, addressLine2, city, province, postalCode }, locale);
}

/** The contact's name as its owner writes it (see `formatPersonName`), or undefined when it has none. */
function contactNameOf(account: CustomerAccount): string | undefined {
  if (!account.contactLastName) return account.contactFirstName;
  return formatPersonName({ given: account.contactFirstName, family: account.contactLastName });
}

/**
 * A stored customer's address and contact name, as facts in the reader's order, for cards that list
 * customers to everyone (summary, customer list): no email or phone. A customer read from Partner
 * Center has neither, and gets no fact.
 */
export function addressAndContactFacts(locale: Locale, customer: Customer): Fact[] {
  const t = cardTranslator(locale);
  const account = accountInfoOf(customer);
  const address = addressOf(account, locale);
  const contactName = contactNameOf(account);
  return [
    ...(address ? [{ title: t('review.address'), value: escapeUserText(address) }] : []),
    ...(contactName ? [{ title: t('summary.contact'), value: escapeUserText(contactName) }] : []),
  ];
}

/**
 * The sections of facts that describe a customer request: company, contact and subscriptions. Facts an
 * account does not have (a customer read from Partner Center has no address or contact name) are left
 * out; with `maskContact` the contact's email and phone are shown masked (l***@xingchen.cn, 138****8000).
 */
export function customerFactSections(
  locale: Locale,
  account: CustomerAccount,
  subscriptions: readonly SubscriptionLine[],
  offers: readonly Offer[],
  display: ContactDisplay,
): { heading: string; facts: Fact[] }[] {
  const t = cardTranslator(locale);
  const address = addressOf(account, locale);
  const contactName = contactNameOf(account);
  const email =
    account.contactEmail && (display.maskContact ? maskEmail(account.contactEmail) : account.contactEmail);
  const phone =
    account.contactPhone && (display.maskContact ? maskPhone(account.contactPhone) : account.contactPhone);
  const optionalFact = (title: string, value: string | undefined): Fact[] =>
    value ? [{ title, value: escapeUserText(value) }] : [];
  return [
    {
      heading: t('review.company'),
      facts: [
        { title: t('review.companyName'), value: escapeUserText(account.companyName) },
        { title: t('review.domain'), value: tenantDomain(account.domainPrefix) },
        ...optionalFact(t('review.address'), address),
        ...(address ? [{ title: t('account.country'), value: t('account.countryValue') }] : []),
        ...optionalFact(t('review.companyPhone'), account.companyPhone),
      ],
    },
    {
      heading: t('review.contact'),
      facts: [
        ...optionalFact(t('review.contactName'), contactName),
        ...optionalFact(t('account.contactEmail'), email),
        ...optionalFact(t('review.contactPhone'), phone),
        ...(account.language
          ? [
              {
                title: t('review.language'),
                value: account.language === 'zh-CN' ? '中文 (zh-CN)' : 'English (en-US)',
              },
            ]
          : []),
      ],
    },
    {
      heading: t('review.subscriptions'),
      facts: subscriptions.map((line) => ({
        title: offers.find((offer) => offer.id === line.offerId)?.name[locale] ?? line.offerId,
        value: t('review.licenses', { count: line.quantity }),
      })),
    },
  ];
}
