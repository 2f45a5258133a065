import type { Customer } from './customer-schema.js';
import { StoreFileError } from './store-file-error.js';

/**
 * The last record of `customerId` in a store file's customers (the later copy of an id wins, as when the
 * store indexed the file). The store's index says the file holds it, so a file without it was changed
 * behind the store's back: a `StoreFileError` naming the file, rather than an answer of "no customer".
 */
export function latestCopy(customers: readonly Customer[], customerId: string, file: string): Customer {
  for (let at = customers.length - 1; at >= 0; at -= 1) {
    const customer = customers[at] as Customer;
    if (customer.id === customerId) return customer;
  }
  throw new StoreFileError(
    `The customer store ${file} no longer holds customer ${customerId}, which it held when the store opened; restore the file from a backup or restart the bot.`,
  );
}
