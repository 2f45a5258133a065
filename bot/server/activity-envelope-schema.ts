import { z } from 'zod';

/**
 * An id as Teams sends them: printable ASCII (the SDK puts the conversation id in an HTTP header, where
 * anything else throws) and at most a few hundred characters.
 */
const asciiId = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\x20-\x7e]+$/, 'printable ASCII');
const Id = asciiId(512);
/** The SDK copies sender, recipient and conversation whole into every reply. */
const small = (value: unknown) => JSON.stringify(value).length <= 4096;
const accountFields = {
  id: Id,
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
  role: z.string().optional(),
};
const Account = z.looseObject(accountFields).refine(small, 'at most 4 KB');

/**
 * The parts of an incoming activity the SDK and the bot read without checking their type: who sent it,
 * where, to whom, through which service URL (http or https), and the text, locale, mentions and members
 * if present. Sender, recipient and conversation are typed as the SDK's serializer expects and, with
 * ids, locale and URL, bounded, because the SDK copies them into every reply. Every
 * activity Teams sends has this shape; one that does not is refused with 400 before the SDK sees it,
 * instead of failing the turn (or, for a missing `type`, making restify answer 500). The card data in
 * `value` is not checked here: the routes parse it.
 */
export const ActivityEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(100),
  id: Id.optional(),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  from: Account,
  recipient: Account,
  conversation: z
    .looseObject({
      ...accountFields,
      id: asciiId(1024),
      conversationType: z.string().optional(),
      tenantId: z.string().optional(),
      isGroup: z.boolean().optional(),
    })
    .refine(small, 'at most 4 KB'),
  text: z.string().optional(),
  locale: z.string().max(100).optional(),
  name: z.string().optional(),
  replyToId: Id.optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).optional(),
  membersAdded: z.array(Account).optional(),
  membersRemoved: z.array(Account).optional(),
  channelData: z.looseObject({}).optional(),
});
