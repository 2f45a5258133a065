import { PrivateConversationState, type Storage, type TurnContext } from 'botbuilder';
import { type Dialog, type DialogContext, DialogSet, type DialogState } from './dialogs-sdk.js';

/**
 * Runs dialogs with their state kept per user *and* conversation (botbuilder's private conversation
 * state), so that two people in one channel thread each have their own dialog. State is saved after
 * every turn, with the storage's eTag check.
 */
export class DialogRunner {
  private readonly state: PrivateConversationState;
  private readonly dialogs: DialogSet;

  constructor(storage: Storage, dialogs: Dialog[]) {
    this.state = new PrivateConversationState(storage);
    this.dialogs = new DialogSet(this.state.createProperty<DialogState>('dialogState'));
    for (const dialog of dialogs) this.dialogs.add(dialog);
  }

  /** Gives `work` the user's dialog context for this turn, then saves whatever it changed. */
  async run<T>(context: TurnContext, work: (dc: DialogContext) => Promise<T>): Promise<T> {
    const dc = await this.dialogs.createContext(context);
    const result = await work(dc);
    await this.state.saveChanges(context);
    return result;
  }
}
