/** The text commands the bot understands. */
export const COMMANDS = {
  addCustomer: 'addCustomer',
  addSubscription: 'addSubscription',
  customers: 'customers',
  cancel: 'cancel',
  help: 'help',
} as const;

/** A text command the bot understands. */
export type Command = (typeof COMMANDS)[keyof typeof COMMANDS];

const SPELLINGS = new Map<string, Command>(
  Object.entries({
    addcustomer: COMMANDS.addCustomer,
    添加客户: COMMANDS.addCustomer,
    addsubscription: COMMANDS.addSubscription,
    添加订阅: COMMANDS.addSubscription,
    customers: COMMANDS.customers,
    客户列表: COMMANDS.customers,
    cancel: COMMANDS.cancel,
    取消: COMMANDS.cancel,
    help: COMMANDS.help,
    帮助: COMMANDS.help,
  } satisfies Record<string, Command>),
);

/**
 * Matches a message (with the @mention already removed) to a command: case, full-width forms,
 * spaces and trailing punctuation do not matter. Returns undefined for anything else.
 */
export function matchCommand(text: string | undefined): Command | undefined {
  if (!text) return undefined;
  const normalised = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[.!?。！？]+$/u, '');
  return SPELLINGS.get(normalised);
}
