import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOfferCatalog, OfferCatalogError } from '../../../store/customers/offer-catalog.js';

const offer = (id: string, minimumQuantity = 1, maximumQuantity = 300) => ({
  id,
  name: { 'en-US': `Offer ${id}`, 'zh-CN': `产品 ${id}` },
  minimumQuantity,
  maximumQuantity,
});

function catalogErrorNaming(file: string, detail?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof OfferCatalogError);
    assert.equal(error.code, 'OFFER_CATALOG_INVALID');
    assert.ok(error.message.includes(file), `expected "${error.message}" to name ${file}`);
    if (detail) assert.match(error.message, detail);
    return true;
  };
}

describe('loadOfferCatalog', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'offer-catalog-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function writeOffersFile(content: unknown): Promise<string> {
    const file = path.join(dir, 'offers.json');
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
    return file;
  }

  it('should ship the six 21Vianet plans with the default license limits', async () => {
    const offers = await loadOfferCatalog();

    const limits = Object.fromEntries(offers.map((o) => [o.id, [o.minimumQuantity, o.maximumQuantity]]));
    assert.deepEqual(limits, {
      'm365-business-basic': [1, 300],
      'm365-apps-for-business': [1, 300],
      'm365-business-standard': [1, 300],
      'o365-e1': [1, 10000],
      'o365-e3': [1, 10000],
      'o365-f3': [1, 10000],
    });
  });

  it('should name every built-in offer in zh-CN and en-US', async () => {
    const offers = await loadOfferCatalog();

    for (const { name } of offers) {
      assert.ok(name['en-US'].length > 0 && name['zh-CN'].length > 0);
    }
  });

  it('should load a valid OFFERS_FILE', async () => {
    const file = await writeOffersFile({ offers: [offer('e5', 5, 50), offer('basic')] });

    const offers = await loadOfferCatalog(file);

    assert.deepEqual(offers, [offer('e5', 5, 50), offer('basic')]);
  });

  it('should reject a file that is not JSON, naming the file', async () => {
    const file = await writeOffersFile('{ "offers": [ ');

    await assert.rejects(loadOfferCatalog(file), catalogErrorNaming(file, /not valid JSON/));
  });

  it('should reject an offer whose minimum exceeds its maximum, naming the file', async () => {
    const file = await writeOffersFile({ offers: [offer('e5', 10, 5)] });

    await assert.rejects(loadOfferCatalog(file), catalogErrorNaming(file, /minimumQuantity must not exceed/));
  });

  it('should reject duplicate offer ids, naming the file', async () => {
    const file = await writeOffersFile({ offers: [offer('e5'), offer('e5', 1, 10)] });

    await assert.rejects(loadOfferCatalog(file), catalogErrorNaming(file, /unique/));
  });

  it('should reject an empty catalog and a bad offer id, naming the file', async () => {
    const empty = await writeOffersFile({ offers: [] });
    await assert.rejects(loadOfferCatalog(empty), catalogErrorNaming(empty));

    const badId = await writeOffersFile({ offers: [offer('Office 365 E5')] });
    await assert.rejects(loadOfferCatalog(badId), catalogErrorNaming(badId, /offers\.0\.id/));
  });

  it('should reject a file that cannot be read, naming OFFERS_FILE and the file', async () => {
    const missing = path.join(dir, 'missing.json');

    await assert.rejects(loadOfferCatalog(missing), catalogErrorNaming(missing, /OFFERS_FILE/));
  });
});
