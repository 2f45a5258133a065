import type { CustomerAccount } from '../store/customer-schema.js';
import { tenantDomain } from '../store/customers/account-info-schema.js';
import type { Offer } from '../store/customers/offer-catalog.js';
import type { SubscriptionLine } from '../store/customers/parse-subscriptions.js';
import { PROVINCES } from '../store/customers/provinces.js';
import type { Locale } from '../store/i18n/translate.js';
import { translator } from '../store/i18n/translate.js';
import { escapeUserText } from './render-card.js';

/** One row of a FactSet. Teams renders Markdown in fact values too, so user values are escaped. */
export type Fact = { title: string; value: string };

/**
 * The sections of facts that describe a customer request: company, contact and subscriptions. Facts an
 * account does not have (a customer read from Partner Center has no address or contact name) are left out.
 */
export function customerFactSections(
  locale: Locale,
  account: CustomerAccount,
  subscriptions: readonly SubscriptionLine[],
  offers: readonly Offer[],
): { heading: string; facts: Fact[] }[] {
  const t = translator(locale);
  const province = PROVINCES.find((candidate) => candidate.code === account.province);
  const provinceName = province ? (locale === 'zh-CN' ? province.zh : province.en) : account.province;
  const address = [account.addressLine1, account.addressLine2, account.city, provinceName, account.postalCode]
    .filter((part): part is string => Boolean(part))
    .join(', ');
  const contactName = [account.contactFirstName, account.contactLastName].filter(Boolean).join(' ');
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
        ...optionalFact(t('account.contactEmail'), account.contactEmail),
        ...optionalFact(t('review.contactPhone'), account.contactPhone),
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
