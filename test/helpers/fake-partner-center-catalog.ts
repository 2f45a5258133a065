import catalog from '../../store/customers/offers.json' with { type: 'json' };

/** A locale the fake's offer catalog is written in. */
export type FakeOfferLocale = 'zh-CN' | 'en-US';

/** An offer in the fake's catalog, with its name and description in both locales. */
export type FakeOffer = {
  id: string;
  name: Record<FakeOfferLocale, string>;
  description: Record<FakeOfferLocale, string>;
  minimumQuantity: number;
  maximumQuantity: number;
  isTrial: boolean;
  isAddOn: boolean;
  category: { id: string; name: string };
};

/** The id of the trial offer in the default catalog; a bot should not offer it. */
export const TRIAL_OFFER_ID = 'm365-business-premium-trial';

/** The id of the add-on offer in the default catalog; a bot should not offer it. */
export const ADD_ON_OFFER_ID = 'o365-advanced-compliance-add-on';

const CATEGORY = { id: 'OnlineServices', name: 'OnlineServices' };

const bothLocales = (zh: string, en: string): Record<FakeOfferLocale, string> => ({
  'zh-CN': zh,
  'en-US': en,
});

/**
 * The catalog the fake Partner Center serves unless told otherwise: the six offers of
 * `store/customers/offers.json` (same ids, names and limits), one trial and one add-on.
 */
export function defaultFakeOffers(): FakeOffer[] {
  const offers = catalog.offers.map((offer) => ({
    id: offer.id,
    name: bothLocales(offer.name['zh-CN'], offer.name['en-US']),
    description: bothLocales(
      `${offer.name['zh-CN']}（由世纪互联运营）`,
      `${offer.name['en-US']} (operated by 21Vianet)`,
    ),
    minimumQuantity: offer.minimumQuantity,
    maximumQuantity: offer.maximumQuantity,
    isTrial: false,
    isAddOn: false,
    category: CATEGORY,
  }));
  return [
    ...offers,
    {
      id: TRIAL_OFFER_ID,
      name: bothLocales('Microsoft 365 商业高级版试用版', 'Microsoft 365 Business Premium Trial'),
      description: bothLocales('30 天试用版', '30-day trial'),
      minimumQuantity: 25,
      maximumQuantity: 25,
      isTrial: true,
      isAddOn: false,
      category: CATEGORY,
    },
    {
      id: ADD_ON_OFFER_ID,
      name: bothLocales('Office 365 高级合规性', 'Office 365 Advanced Compliance'),
      description: bothLocales('Office 365 E3 的附加产品', 'An add-on to Office 365 E3'),
      minimumQuantity: 1,
      maximumQuantity: 10000,
      isTrial: false,
      isAddOn: true,
      category: CATEGORY,
    },
  ];
}

/** An offer as `GET /v1/offers` answers it in one locale. */
export function offerInLocale(offer: FakeOffer, locale: FakeOfferLocale) {
  return {
    id: offer.id,
    name: offer.name[locale],
    description: offer.description[locale],
    minimumQuantity: offer.minimumQuantity,
    maximumQuantity: offer.maximumQuantity,
    isTrial: offer.isTrial,
    isAddOn: offer.isAddOn,
    prerequisiteOffers: [] as string[],
    category: offer.category,
    attributes: { objectType: 'Offer' },
  };
}
