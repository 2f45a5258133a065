import type { Attachment } from 'botbuilder';
import type {
  AccountInfoField,
  AccountInfoInput,
  FieldError,
} from '../store/customers/account-info-schema.js';
import { formatAddress } from '../store/customers/format-address.js';
import { PROVINCES } from '../store/customers/provinces.js';
import type { Locale } from '../store/i18n/translate.js';
import template from './account-info.json' with { type: 'json' };
import { cardTranslator } from './card-translator.js';
import { CARD_VERBS } from './card-verbs.js';
import { escapeUserText, renderCard } from './render-card.js';

/** What the Account info card shows: the values typed so far and the errors to show beside them. */
export type AccountInfoCardData = {
  locale: Locale;
  flowId: string;
  owner: { id: string; name: string };
  values: AccountInfoInput;
  errors: Partial<Record<AccountInfoField, FieldError>>;
  /** True when the user came from Review: the main button then returns there. */
  returnToReview: boolean;
  /** Existing customers that look like this company, shown with their alternatives. */
  matches?: readonly CustomerMatch[];
  /** The address Partner Center suggests instead of the one typed, offered with a button to use it. */
  suggestedAddress?: SuggestedAddress;
};

/** An address Partner Center suggests (province as its ISO 3166-2:CN code). */
export type SuggestedAddress = {
  addressLine1: string;
  addressLine2?: string;
  city: string;
  province: string;
  postalCode: string;
};

/** An existing customer that looks like the company on the card; `createdBy` is absent for one made in Partner Center. */
export type CustomerMatch = { customerId: string; companyName: string; domain: string; createdBy?: string };

type FieldSpec = {
  id: AccountInfoField | 'country';
  kind: 'text' | 'choice' | 'fixed';
  isRequired?: boolean;
  maxLength?: number;
  style?: 'email' | 'tel';
  placeholder?: string;
  hint?: string;
};

const COMPANY_FIELDS: FieldSpec[] = [
  { id: 'companyName', kind: 'text', isRequired: true, maxLength: 255 },
  { id: 'domainPrefix', kind: 'text', isRequired: true, maxLength: 27, placeholder: 'contoso' },
  { id: 'addressLine1', kind: 'text', isRequired: true, maxLength: 200 },
  { id: 'addressLine2', kind: 'text', maxLength: 200 },
  { id: 'city', kind: 'text', isRequired: true, maxLength: 100 },
  { id: 'province', kind: 'choice', isRequired: true },
  { id: 'postalCode', kind: 'text', isRequired: true, maxLength: 6, placeholder: '100000' },
  { id: 'country', kind: 'fixed' },
  { id: 'companyPhone', kind: 'text', maxLength: 30, style: 'tel' },
];
const CONTACT_FIELDS: FieldSpec[] = [
  { id: 'contactFirstName', kind: 'text', maxLength: 40 },
  { id: 'contactLastName', kind: 'text', isRequired: true, maxLength: 40 },
  { id: 'contactEmail', kind: 'text', isRequired: true, maxLength: 254, style: 'email' },
  { id: 'contactPhone', kind: 'text', maxLength: 30, style: 'tel' },
  { id: 'language', kind: 'choice', isRequired: true },
];

/** Chinese forms ask for the family name (姓) before the given name (名), as Chinese names are written. */
const FAMILY_NAME_FIRST: Record<Locale, boolean> = { 'zh-CN': true, 'en-US': false };

function contactFields(locale: Locale): FieldSpec[] {
  if (!FAMILY_NAME_FIRST[locale]) return CONTACT_FIELDS;
  const [given, family, ...rest] = CONTACT_FIELDS as [FieldSpec, FieldSpec, ...FieldSpec[]];
  return [family, given, ...rest];
}

const LANGUAGE_CHOICES = Object.freeze([
  Object.freeze({ title: '中文 (zh-CN)', value: 'zh-CN' }),
  Object.freeze({ title: 'English (en-US)', value: 'en-US' }),
]);

function choicesFor(locale: Locale, id: FieldSpec['id']): readonly { title: string; value: string }[] {
  if (id === 'province') {
    return Object.freeze(
      PROVINCES.map((province) =>
        Object.freeze({ title: locale === 'zh-CN' ? province.zh : province.en, value: province.code }),
      ),
    );
  }
  return id === 'language' ? LANGUAGE_CHOICES : [];
}

/** What a field shows whatever was typed: its label, limits and choices, for one locale. */
type FixedFieldData = { data: Record<string, unknown>; fixedValue: string };

const fixedFieldsByLocale = new Map<Locale, Map<FieldSpec['id'], FixedFieldData>>();

/**
 * The part of a field's card data that depends only on the locale, computed once per locale and field:
 * the list of 34 provinces among it, which the template inserts whole (`"choices": "${choices}"`), and
 * which of the field's elements the template shows, as booleans (`"$when": "${isText}"`): the engine
 * evaluates five `$when` per field, and a property read costs it less than a comparison.
 */
function fixedFieldData(locale: Locale, spec: FieldSpec): FixedFieldData {
  let fields = fixedFieldsByLocale.get(locale);
  if (!fields) {
    fields = new Map();
    fixedFieldsByLocale.set(locale, fields);
  }
  let fixed = fields.get(spec.id);
  if (!fixed) {
    const t = cardTranslator(locale);
    const fixedValue = spec.id === 'country' ? t('account.countryValue') : '';
    fixed = {
      fixedValue,
      data: Object.freeze({
        id: spec.id,
        isText: spec.kind === 'text',
        isChoice: spec.kind === 'choice',
        isFixed: spec.kind === 'fixed',
        label: t(`account.${spec.id}`),
        placeholder:
          spec.kind === 'choice' && spec.id === 'province'
            ? t('account.provincePlaceholder')
            : (spec.placeholder ?? null),
        maxLength: spec.maxLength ?? null,
        style: spec.style ?? null,
        isRequired: spec.isRequired ?? false,
        requiredMessage: spec.isRequired ? t('error.required') : null,
        choices: choicesFor(locale, spec.id),
        hint: spec.id === 'domainPrefix' ? t('account.domainHint') : '',
        hasHint: spec.id === 'domainPrefix',
        fixedText:
          spec.kind === 'fixed'
            ? `${t(`account.${spec.id}`)}${locale === 'zh-CN' ? '：' : ': '}${fixedValue}`
            : '',
      }),
    };
    fields.set(spec.id, fixed);
  }
  return fixed;
}

/**
 * Renders step 1 of the add-customer dialog, the Account info card (or, from Review, its edit). What
 * the last press found goes at the bottom, right above the buttons the user just pressed: a summary
 * naming the fields to correct, and for a company that looks like an existing customer one button per
 * way forward, in place of Next.
 */
export function renderAccountInfoCard(data: AccountInfoCardData): Attachment {
  const t = cardTranslator(data.locale);
  const fieldData = (spec: FieldSpec) => {
    const fixed = fixedFieldData(data.locale, spec);
    const error = spec.id === 'country' ? undefined : data.errors[spec.id];
    const value =
      spec.id === 'country'
        ? fixed.fixedValue
        : (data.values[spec.id] ?? (spec.id === 'language' ? data.locale : ''));
    return {
      ...fixed.data,
      value,
      error: error ? t(error.key, error.params) : '',
      hasError: error !== undefined,
    };
  };
  const erroneous = [...COMPANY_FIELDS, ...contactFields(data.locale)].filter(
    (spec) => spec.id !== 'country' && data.errors[spec.id] !== undefined,
  );
  const matches = data.matches ?? [];
  const owner = t('flow.owner', { name: escapeUserText(data.owner.name) });
  return renderCard(template, {
    title: data.returnToReview ? t('account.editTitle') : t('account.title'),
    subtitle: data.returnToReview ? owner : `${t('flow.stepOf', { step: 1 })} · ${owner}`,
    formError:
      erroneous.length > 0
        ? t('flow.errorSummary', {
            fields: erroneous
              .map((spec) => shortLabel(t(`account.${spec.id}`)))
              .join(t('flow.listSeparator')),
          })
        : '',
    sections: [
      { heading: t('account.companySection'), fields: COMPANY_FIELDS.map(fieldData) },
      { heading: t('account.contactSection'), fields: contactFields(data.locale).map(fieldData) },
    ],
    hasMatches: matches.length > 0,
    matchTitle: t('match.title'),
    matchIntro: t('match.intro'),
    matches: matches.map((match) => ({
      text:
        match.createdBy === undefined
          ? t('match.customerInPartnerCenter', {
              company: escapeUserText(match.companyName),
              domain: match.domain,
            })
          : t('match.customer', {
              company: escapeUserText(match.companyName),
              domain: match.domain,
              name: escapeUserText(match.createdBy),
            }),
    })),
    matchActions: [
      ...matches.slice(0, 3).map((match) => ({
        title: t('match.addSubscription', { company: match.companyName }),
        verb: CARD_VERBS.accountAddSubscription,
        associatedInputs: 'none',
        customerId: match.customerId,
      })),
      {
        title: t('match.reseller'),
        verb: CARD_VERBS.accountReseller,
        associatedInputs: 'none',
        customerId: null,
      },
      {
        title: t('match.continue'),
        verb: CARD_VERBS.accountContinue,
        associatedInputs: 'auto',
        customerId: null,
      },
    ],
    actions: [
      ...(matches.length > 0
        ? []
        : [
            {
              title: data.returnToReview ? t('account.backToReview') : t('account.next'),
              verb: CARD_VERBS.accountNext,
              style: 'positive',
              associatedInputs: null,
            },
          ]),
      { title: t('account.cancel'), verb: CARD_VERBS.accountCancel, style: null, associatedInputs: 'none' },
    ],
    hasSuggestion: data.suggestedAddress !== undefined,
    suggestionTitle: t('account.suggestedAddressTitle'),
    suggestionText: data.suggestedAddress
      ? escapeUserText(formatAddress(data.suggestedAddress, data.locale))
      : '',
    suggestionButton: t('account.useSuggestedAddress'),
    suggestionVerb: CARD_VERBS.accountUseSuggestedAddress,
    flowId: data.flowId,
    ownerId: data.owner.id,
  });
}

/** A field's label without its parenthesised note ("Phone (optional)" → "Phone"), for the error summary. */
function shortLabel(label: string): string {
  return label.replace(/\s*[(（][^()（）]*[)）]$/u, '');
}
