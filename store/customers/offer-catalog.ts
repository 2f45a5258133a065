import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import defaultCatalog from './offers.json' with { type: 'json' };

const OfferSchema = z
  .object({
    id: z.string().regex(/^[a-zA-Z0-9-]{1,60}$/, 'offer ids are 1-60 letters, digits and dashes'),
    name: z.object({ 'en-US': z.string().min(1), 'zh-CN': z.string().min(1) }),
    minimumQuantity: z.number().int().min(1),
    maximumQuantity: z.number().int().min(1),
  })
  .refine((offer) => offer.minimumQuantity <= offer.maximumQuantity, {
    message: 'minimumQuantity must not exceed maximumQuantity',
  });

const CatalogSchema = z
  .object({ offers: z.array(OfferSchema).min(1) })
  .refine((catalog) => new Set(catalog.offers.map((offer) => offer.id)).size === catalog.offers.length, {
    message: 'offer ids must be unique',
  });

/** One offer a customer can subscribe to, with its license limits. */
export type Offer = z.infer<typeof OfferSchema>;

/** Thrown when the offer catalog file cannot be used; the message names the file and what to fix. */
export class OfferCatalogError extends Error {
  readonly code = 'OFFER_CATALOG_INVALID';
}

/** One offer checked as the catalog checks it (an offer Partner Center answered), or why it cannot be one. */
export function parseOffer(json: unknown): { offer: Offer } | { problem: string } {
  const parsed = OfferSchema.safeParse(json);
  if (parsed.success) return { offer: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

/**
 * The catalog Partner Center sells, narrowed by the operator's `OFFERS_FILE`: only the offers both list,
 * in the file's order, named as Partner Center names them, each with the narrower of the two license
 * ranges (Partner Center refuses counts outside its own; the file can only restrict them). Offers of the
 * file that Partner Center does not sell, or whose ranges do not overlap, are left out and named in `dropped`.
 */
export function narrowOfferCatalog(
  sold: readonly Offer[],
  file: readonly Offer[],
): { offers: Offer[]; dropped: string[] } {
  const offers: Offer[] = [];
  const dropped: string[] = [];
  for (const wanted of file) {
    const offer = sold.find((candidate) => candidate.id.toLowerCase() === wanted.id.toLowerCase());
    const minimumQuantity = Math.max(offer?.minimumQuantity ?? 0, wanted.minimumQuantity);
    const maximumQuantity = Math.min(offer?.maximumQuantity ?? 0, wanted.maximumQuantity);
    if (offer && minimumQuantity <= maximumQuantity)
      offers.push({ ...offer, minimumQuantity, maximumQuantity });
    else dropped.push(wanted.id);
  }
  return { offers, dropped };
}

/** Parses an offer catalog; `source` names where it came from in the error message. */
export function parseOfferCatalog(json: unknown, source: string): Offer[] {
  const parsed = CatalogSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
    throw new OfferCatalogError(`Invalid offer catalog ${source}:\n${problems.join('\n')}`);
  }
  return parsed.data.offers;
}

/**
 * Loads the offer catalog: the operator's `OFFERS_FILE` when set, else the catalog shipped with the bot
 * (the Microsoft 365 plans sold by 21Vianet, with our default license limits).
 */
export async function loadOfferCatalog(offersFile?: string): Promise<Offer[]> {
  if (offersFile === undefined) return parseOfferCatalog(defaultCatalog, '(built in)');
  let text: string;
  try {
    text = await readFile(offersFile, 'utf8');
  } catch (error) {
    throw new OfferCatalogError(`OFFERS_FILE: cannot read ${offersFile} (${(error as Error).message})`);
  }
  try {
    return parseOfferCatalog(JSON.parse(text), offersFile);
  } catch (error) {
    if (error instanceof OfferCatalogError) throw error;
    throw new OfferCatalogError(`OFFERS_FILE: ${offersFile} is not valid JSON (${(error as Error).message})`);
  }
}
