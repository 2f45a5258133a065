import {
  ACCOUNT_INFO_FIELDS,
  type AccountInfo,
  type AccountInfoField,
  type AccountInfoInput,
  type createAccountInfoSchema,
  describeIssue,
  type FieldError,
} from './account-info-schema.js';

/** The outcome of checking a submitted Account info card. */
export type AccountInfoResult =
  | { ok: true; value: AccountInfo }
  | { ok: false; errors: Partial<Record<AccountInfoField, FieldError>> };

/**
 * Keeps only the Account info fields of a card submit, as strings (a number, as some clients send for
 * numeric-looking text, becomes its digits), so that whatever else the client sent (action data,
 * unknown or inherited keys, objects, arrays) never reaches the draft.
 */
export function pickAccountInfoInput(submitted: Record<string, unknown>): AccountInfoInput {
  const input: AccountInfoInput = {};
  for (const field of ACCOUNT_INFO_FIELDS) {
    if (!Object.hasOwn(submitted, field)) continue;
    const value = submitted[field];
    if (typeof value === 'string') input[field] = value.slice(0, 1000);
    else if (typeof value === 'number') input[field] = String(value);
  }
  return input;
}

/** Validates Account info; on failure returns one error per bad field, the first problem found for it. */
export function parseAccountInfo(
  schema: ReturnType<typeof createAccountInfoSchema>,
  input: AccountInfoInput,
): AccountInfoResult {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<AccountInfoField, FieldError>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as AccountInfoField;
    errors[field] ??= describeIssue(issue.message);
  }
  return { ok: false, errors };
}
