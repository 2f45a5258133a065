import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { CustomerStore } from '../store/customer-store.js';
import type { createAccountInfoSchema } from '../store/customers/account-info-schema.js';
import type { Offer } from '../store/customers/offer-catalog.js';
import type { Locale, Translate } from '../store/i18n/translate.js';
import type { KeyedLock } from '../store/keyed-lock.js';
import type { Leases } from '../store/leases.js';
import type { BackgroundWork } from './background-work.js';
import type { UserConversationState } from './dialogs/dialog-state.js';
import type { TeamsMessenger } from './messaging/teams-messenger.js';
import type { UserDirectory } from './messaging/user-directory.js';
import type { PartnerCenterClient } from './partner-center/partner-center-client.js';
import type { CredentialsOutbox } from './provisioning/credentials-outbox.js';
import type { CustomerProvisioner } from './provisioning/customer-provisioner.js';
import type { RequestSubmitter } from './provisioning/request-submitter.js';

/**
 * Everything the bot's handlers, dialogs and flows use, built once by `createApp` and handed to each
 * of them whole. A handler takes what it needs from it; tests build the real one through `createApp`.
 */
export type BotDeps = {
  store: CustomerStore;
  offers: readonly Offer[];
  accountInfoSchema: ReturnType<typeof createAccountInfoSchema>;
  /** What Submit hands a complete request to: creation at once, or an approver first. */
  submitter: RequestSubmitter;
  provisioner: CustomerProvisioner;
  /** Partner Center operated by 21Vianet, when configured; absent, the local store stands in. */
  partnerCenter: PartnerCenterClient | undefined;
  messenger: TeamsMessenger;
  /** Turns approvers' Entra ids into the Teams user ids that 1:1 chats and card refreshes need. */
  directory: UserDirectory;
  adapter: CloudAdapter;
  appId: string | undefined;
  /** Entra object ids of the approvers, lower-case; empty when approval is off. */
  approverIds: readonly string[];
  /** Entra tenant ids (lower-case) whose activities are answered; undefined: every tenant's. */
  allowedTenantIds: readonly string[] | undefined;
  /** Entra object ids (lower-case) who may use commands and cards besides the approvers; undefined: everyone. */
  allowedUserIds: readonly string[] | undefined;
  resellerInviteUrl: string | undefined;
  /** Serialises orders per customer, so that a license maximum is checked against the latest counts. */
  orders: KeyedLock;
  /** Claims on background work (creation, delivery, sync), so that one instance does each. */
  leases: Leases;
  /** Work carried on after a turn is answered: creating customers. */
  background: BackgroundWork;
  /** Admin credentials sealed on disk until the requester's 1:1 chat accepts them. */
  outbox: CredentialsOutbox;
  logger: Logger;
  now: () => Date;
  newId: () => string;
};

/** One incoming activity as the handlers see it: who sent it, in which language, and the bot's parts. */
export type Turn = {
  context: TurnContext;
  deps: BotDeps;
  locale: Locale;
  t: Translate;
  /** The sender: Entra object id when Teams sends one (see `ownerIdOf`), and display name. */
  user: { id: string; name: string };
  /** The sender's open dialog and customer list here; the router saves it when the handler is done. */
  state: UserConversationState;
};
