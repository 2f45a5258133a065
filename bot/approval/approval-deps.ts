import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { CustomerStore } from '../../store/customer-store.js';
import type { Offer } from '../../store/customers/offer-catalog.js';
import type { TeamsMessenger } from '../messaging/teams-messenger.js';
import type { UserDirectory } from '../messaging/user-directory.js';
import type { CustomerCreationDeps } from '../provisioning/create-customer-and-notify.js';

/** What the approval flow needs from the rest of the bot. */
export type ApprovalDeps = {
  store: CustomerStore;
  messenger: TeamsMessenger;
  /** Turns approvers' Entra ids into the Teams user ids that 1:1 chats and card refreshes need. */
  directory: UserDirectory;
  adapter: CloudAdapter;
  appId: string | undefined;
  offers: readonly Offer[];
  /** Entra object ids of the approvers, lower-case. */
  approverIds: readonly string[];
  logger: Logger;
  now: () => Date;
  creation: CustomerCreationDeps;
};
