import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import {
  loadOfferCatalog,
  narrowOfferCatalog,
  type Offer,
  OfferCatalogError,
  parseOffer,
  parseOfferCatalog,
} from '../../store/customers/offer-catalog.js';
import { describeError } from '../logging/describe-error.js';
import type { PartnerCenterClient } from './partner-center-client.js';

/** The file in `DATA_DIR` that keeps the last catalog read from Partner Center, for a start-up without it. */
export const LAST_GOOD_OFFERS_FILE = 'partner-center-offers.json';

/** What the Partner Center catalog is read with, narrowed by, and kept in. */
export type PartnerCenterOffersOptions = {
  client: PartnerCenterClient;
  logger: Logger;
  /** `PARTNER_CENTER_ENDPOINT`, for the warnings. */
  endpoint: string;
  /** The `OFFERS_FILE` catalog, when set: only its offers are offered, within its limits too. */
  narrowing: readonly Offer[] | undefined;
  dataDir: string;
};

/**
 * The offer catalog when Partner Center is configured: `GET /v1/offers` in zh-CN and en-US (names in
 * both languages, limits from the answer, trial and add-on offers left out), narrowed by `OFFERS_FILE`
 * (see `narrowOfferCatalog`). Each good read is kept in `DATA_DIR`, so that a start-up while Partner
 * Center cannot be reached offers the last good catalog rather than the built-in one.
 */
export class PartnerCenterOffers {
  constructor(private readonly options: PartnerCenterOffersOptions) {}

  /**
   * At start-up: Partner Center's catalog; when it cannot be read, the last good one, else the
   * `OFFERS_FILE` catalog, else the built-in one, with a warning naming `PARTNER_CENTER_ENDPOINT`.
   */
  async load(): Promise<Offer[]> {
    try {
      return await this.read();
    } catch (error) {
      const lastGood = await this.readLastGood();
      const fallback = lastGood
        ? 'the last good catalog'
        : this.options.narrowing
          ? 'OFFERS_FILE'
          : 'the built-in catalog';
      this.options.logger.warn(
        { error: describeError(error), fallback },
        `No offer catalog from Partner Center at ${this.options.endpoint} (check PARTNER_CENTER_ENDPOINT): offering ${fallback} until the daily refresh`,
      );
      return lastGood ?? (this.options.narrowing ? [...this.options.narrowing] : await loadOfferCatalog());
    }
  }

  /** The daily refresh: Partner Center's catalog, or undefined (the current catalog stays) when it cannot be read. */
  async refresh(): Promise<Offer[] | undefined> {
    try {
      return await this.read();
    } catch (error) {
      this.options.logger.warn(
        { error: describeError(error) },
        `Offer catalog refresh from Partner Center at ${this.options.endpoint} failed (check PARTNER_CENTER_ENDPOINT): the current catalog stays`,
      );
      return undefined;
    }
  }

  private async read(): Promise<Offer[]> {
    const { client, logger } = this.options;
    const [chinese, english] = await Promise.all([client.listOffers('zh-CN'), client.listOffers('en-US')]);
    const chineseNames = new Map(chinese.map((offer) => [offer.id, offer.name]));
    const sold: Offer[] = [];
    for (const offer of english) {
      if (offer.isTrial || offer.isAddOn) continue;
      const parsed = parseOffer({
        id: offer.id,
        name: { 'en-US': offer.name, 'zh-CN': chineseNames.get(offer.id) ?? offer.name },
        minimumQuantity: offer.minimumQuantity,
        maximumQuantity: offer.maximumQuantity,
      });
      if ('offer' in parsed) sold.push(parsed.offer);
      else
        logger.warn(
          { offerId: offer.id, problem: parsed.problem },
          'Partner Center offer left out of the catalog',
        );
    }
    const offers = this.narrow(sold);
    await this.keep(sold);
    return offers;
  }

  private narrow(sold: readonly Offer[]): Offer[] {
    const { narrowing, logger } = this.options;
    if (sold.length === 0) throw new OfferCatalogError('Partner Center answered no offer the bot can sell');
    if (!narrowing) return [...sold];
    const { offers, dropped } = narrowOfferCatalog(sold, narrowing);
    if (dropped.length > 0) {
      logger.warn(
        { dropped },
        'OFFERS_FILE offers not sold by Partner Center, or outside its limits, are not offered',
      );
    }
    if (offers.length === 0)
      throw new OfferCatalogError('Partner Center sells none of the OFFERS_FILE offers');
    return offers;
  }

  private async keep(sold: readonly Offer[]): Promise<void> {
    const file = path.join(this.options.dataDir, LAST_GOOD_OFFERS_FILE);
    try {
      await writeFile(`${file}.tmp`, JSON.stringify({ offers: sold }, null, 2), 'utf8');
      await rename(`${file}.tmp`, file);
    } catch (error) {
      this.options.logger.warn(
        { error: describeError(error), file },
        'could not keep the offer catalog read from Partner Center',
      );
    }
  }

  private async readLastGood(): Promise<Offer[] | undefined> {
    const file = path.join(this.options.dataDir, LAST_GOOD_OFFERS_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.options.logger.warn(
          { error: describeError(error), file },
          'could not read the last good offer catalog',
        );
      }
      return undefined;
    }
    try {
      return this.narrow(parseOfferCatalog(JSON.parse(text), file));
    } catch (error) {
      this.options.logger.warn(
        { error: describeError(error), file },
        'the last good offer catalog cannot be used',
      );
      return undefined;
    }
  }
}
