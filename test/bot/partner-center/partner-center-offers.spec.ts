import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../../bot/logging/create-logger.js';
import {
  LAST_GOOD_OFFERS_FILE,
  PartnerCenterOffers,
} from '../../../bot/partner-center/partner-center-offers.js';
import { loadOfferCatalog, type Offer } from '../../../store/customers/offer-catalog.js';
import { CapturedLogs } from '../../helpers/capture-logs.js';
import { ADD_ON_OFFER_ID, FakePartnerCenter, TRIAL_OFFER_ID } from '../../helpers/fake-partner-center.js';
import { fakePartnerCenterClient } from '../../helpers/partner-center-bot.js';

const offer = (id: string, minimumQuantity: number, maximumQuantity: number): Offer => ({
  id,
  name: { 'en-US': `File ${id}`, 'zh-CN': `文件 ${id}` },
  minimumQuantity,
  maximumQuantity,
});

describe('PartnerCenterOffers', () => {
  let fake: FakePartnerCenter;
  let dataDir: string;
  let logs: CapturedLogs;

  beforeEach(async () => {
    fake = await FakePartnerCenter.start();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'partner-center-offers-'));
    logs = new CapturedLogs();
  });

  afterEach(async () => {
    await fake.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const catalogOf = (narrowing?: Offer[]) =>
    new PartnerCenterOffers({
      client: fakePartnerCenterClient(fake, createLogger('debug', logs)),
      logger: createLogger('debug', logs),
      endpoint: fake.url,
      narrowing,
      dataDir,
    });

  it('should load the offers Partner Center sells, named in both languages, without trial and add-on offers', async () => {
    // Arrange
    const e3 = fake.offers.find((candidate) => candidate.id === 'o365-e3');
    if (e3) e3.maximumQuantity = 2500;

    // Act
    const offers = await catalogOf().load();

    // Assert
    assert.deepEqual(
      offers.map((candidate) => candidate.id),
      (await loadOfferCatalog()).map((candidate) => candidate.id),
    );
    assert.ok(!offers.some((candidate) => [TRIAL_OFFER_ID, ADD_ON_OFFER_ID].includes(candidate.id)));
    assert.deepEqual(
      offers.find((candidate) => candidate.id === 'o365-e3'),
      {
        id: 'o365-e3',
        name: { 'en-US': 'Office 365 E3', 'zh-CN': 'Office 365 E3' },
        minimumQuantity: 1,
        maximumQuantity: 2500,
      },
    );
    assert.equal(offers[0]?.name['zh-CN'], 'Microsoft 365 商业基础版');
  });

  it('should narrow the catalog to the OFFERS_FILE offers, in its order, within the narrower limits', async () => {
    // Arrange
    const narrowing = [
      offer('o365-e1', 5, 20_000),
      offer('m365-business-basic', 1, 50),
      offer('o365-e5', 1, 10),
    ];

    // Act
    const offers = await catalogOf(narrowing).load();

    // Assert
    assert.deepEqual(offers, [
      {
        id: 'o365-e1',
        name: { 'en-US': 'Office 365 E1', 'zh-CN': 'Office 365 E1' },
        minimumQuantity: 5,
        maximumQuantity: 10_000,
      },
      {
        id: 'm365-business-basic',
        name: { 'en-US': 'Microsoft 365 Business Basic', 'zh-CN': 'Microsoft 365 商业基础版' },
        minimumQuantity: 1,
        maximumQuantity: 50,
      },
    ]);
    assert.match(logs.text, /"dropped":\["o365-e5"\].*OFFERS_FILE offers not sold by Partner Center/);
  });

  it('should fall back to the built-in catalog at start-up when Partner Center fails, warning with PARTNER_CENTER_ENDPOINT', async () => {
    // Arrange
    fake.fail('offers', { status: 503 }, 100);

    // Act
    const offers = await catalogOf().load();

    // Assert
    assert.deepEqual(offers, await loadOfferCatalog());
    assert.match(logs.text, /"level":40.*PARTNER_CENTER_ENDPOINT.*the built-in catalog/);
  });

  it('should fall back to the OFFERS_FILE catalog when Partner Center fails and none was kept', async () => {
    // Arrange
    fake.fail('offers', { status: 503 }, 100);
    const narrowing = [offer('o365-e1', 1, 20)];

    // Act
    const offers = await catalogOf(narrowing).load();

    // Assert
    assert.deepEqual(offers, narrowing);
  });

  it('should fall back to the last good catalog, narrowed, when Partner Center fails at a later start-up', async () => {
    // Arrange
    const e1 = fake.offers.find((candidate) => candidate.id === 'o365-e1');
    if (e1) e1.name['en-US'] = 'Office 365 E1 (21Vianet)';
    await catalogOf().load();
    fake.fail('offers', { status: 503 }, 100);

    // Act
    const offers = await catalogOf([offer('o365-e1', 1, 20)]).load();

    // Assert
    assert.deepEqual(offers, [
      {
        id: 'o365-e1',
        name: { 'en-US': 'Office 365 E1 (21Vianet)', 'zh-CN': 'Office 365 E1' },
        minimumQuantity: 1,
        maximumQuantity: 20,
      },
    ]);
    assert.match(logs.text, /the last good catalog/);
  });

  it('should ignore a damaged last good catalog and use the built-in one', async () => {
    // Arrange
    await writeFile(path.join(dataDir, LAST_GOOD_OFFERS_FILE), '{ not json', 'utf8');
    fake.fail('offers', { status: 503 }, 100);

    // Act
    const offers = await catalogOf().load();

    // Assert
    assert.deepEqual(offers, await loadOfferCatalog());
    assert.match(logs.text, /the last good offer catalog cannot be used/);
  });

  it('should give no catalog on a failed refresh, so that the current one stays', async () => {
    // Arrange
    const catalog = catalogOf();
    await catalog.load();
    fake.fail('offers', { status: 503 }, 100);

    // Act
    const refreshed = await catalog.refresh();

    // Assert
    assert.equal(refreshed, undefined);
    assert.match(logs.text, /refresh from Partner Center.*failed.*the current catalog stays/);
  });
});
