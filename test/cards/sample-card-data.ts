import { loadOfferCatalog } from '../../store/customers/offer-catalog.js';
import { REQUESTER } from '../fixtures/customers.js';

/** The offer catalog shipped with the bot, for cards that list offers. */
export const OFFERS = await loadOfferCatalog();

/** A value a user could type that looks like template syntax and Markdown; it must stay literal. */
export const HOSTILE_TEXT = '${$root.flowId} **bold** [x](y)';

/** That value as `escapeUserText` shows it in a TextBlock. */
export const HOSTILE_TEXT_ESCAPED = '${$root.flowId} \\*\\*bold\\*\\* \\[x\\](y)';

/** The id of the sample dialog, which its cards carry in their actions. */
export const FLOW_ID = 'flow-7f3c9a20';

/** The user who started the sample dialog, as its cards name them: the sample requester. */
export const OWNER = { id: REQUESTER.userId, name: REQUESTER.name };
