import { z } from 'zod';
import type { MessageKey } from '../i18n/en-us.js';
import { PROVINCE_CODES } from './provinces.js';

/** The suffix every tenant domain created through Partner Center operated by 21Vianet gets. */
export const TENANT_DOMAIN_SUFFIX = 'partner.onmschina.cn';

/** The fields of the Account info card, in the order the card shows them. */
export const ACCOUNT_INFO_FIELDS = [
  'companyName',
  'domainPrefix',
  'addressLine1',
  'addressLine2',
  'city',
  'province',
  'postalCode',
  'companyPhone',
  'contactFirstName',
  'contactLastName',
  'contactEmail',
  'contactPhone',
  'language',
] as const;

/** The name of one Account info field. */
export type AccountInfoField = (typeof ACCOUNT_INFO_FIELDS)[number];

const BARE_COMPANY_FORMS = new Set([
  'llc',
  'inc',
  'ltd',
  'co',
  'corp',
  'corporation',
  'company',
  'limited',
  'plc',
  'gmbh',
  'co ltd',
  'coltd',
  '有限公司',
  '公司',
  '股份有限公司',
  '集团',
]);
const PLACEHOLDER_NAMES = new Set([
  'test',
  'testing',
  'admin',
  'administrator',
  'nobody',
  'none',
  'null',
  'na',
  'n/a',
  'unknown',
  'user',
  'xxx',
  'asdf',
  'abc',
  'name',
  'firstname',
  'lastname',
  'tbd',
  '测试',
  '无',
  '未知',
  '管理员',
  '用户',
]);

const message = (key: MessageKey, param?: number) => (param === undefined ? key : `${key}:${param}`);

const blankToUndefined = (value: unknown) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};
const required = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z.preprocess(blankToUndefined, z.string({ error: message('error.required') }).pipe(schema));
const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: message('error.invalid') })
      .pipe(schema)
      .optional(),
  );

const CHINESE_MOBILE = /^(?:\+86)?1[3-9]\d{9}$/;
const AREA_CODE = '(?:10|[2-9]\\d{1,2})';
const CHINESE_LANDLINE = new RegExp(
  `^(?:0${AREA_CODE}|\\+860?${AREA_CODE})\\d{7,8}(?:(?:ext\\.?|x|转|#)\\d{1,6})?$`,
  'i',
);
const isChinesePhone = (value: string) => {
  const compact = value.replace(/[\s()-]/g, '');
  return CHINESE_MOBILE.test(compact) || CHINESE_LANDLINE.test(compact);
};
const phone = z.string().refine(isChinesePhone, message('error.phone.format'));

const companyName = z
  .string()
  .min(2, message('error.companyName.length'))
  .max(255, message('error.companyName.length'))
  .refine((name) => /[\p{L}\p{N}]/u.test(name), message('error.companyName.noLetters'))
  .refine((name) => !/^(?:\S\s+)+\S$/u.test(name), message('error.companyName.spaced'))
  .refine(
    (name) => !BARE_COMPANY_FORMS.has(name.toLowerCase().replace(/[.,]/g, '').replace(/\s+/g, ' ')),
    message('error.companyName.abbreviation'),
  )
  .refine((name) => !/^(.)\1{2,}$/su.test(name), message('error.companyName.repeated'));

const personName = z
  .string()
  .max(40, message('error.name.length'))
  .refine((name) => /\p{L}/u.test(name), message('error.name.noLetters'))
  .refine((name) => [...name].length > 1 || /^\p{Script=Han}$/u.test(name), message('error.name.single'))
  .refine(
    (name) => !PLACEHOLDER_NAMES.has(name.toLowerCase().replace(/[\s.,!?。，！？]+$/u, '')),
    message('error.name.placeholder'),
  );

/**
 * Builds the schema of the Account info card for one partner: its own mail domains may not be used
 * as the customer's contact email. Messages are i18n keys (`key` or `key:number`), see `describeIssue`.
 */
export function createAccountInfoSchema(options: { partnerEmailDomains: readonly string[] }) {
  const partnerDomains = new Set(options.partnerEmailDomains.map((domain) => domain.toLowerCase()));
  const emailDomain = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const isWithin = (email: string, domains: Iterable<string>) => {
    const domain = emailDomain(email);
    return [...domains].some((owned) => domain === owned || domain.endsWith(`.${owned}`));
  };
  return z.object({
    companyName: required(companyName),
    domainPrefix: required(
      z
        .string()
        .regex(/^[a-zA-Z0-9]{1,27}$/, message('error.domainPrefix.format'))
        .transform((prefix) => prefix.toLowerCase()),
    ),
    addressLine1: required(z.string().max(200, message('error.tooLong', 200))),
    addressLine2: optional(z.string().max(200, message('error.tooLong', 200))),
    city: required(z.string().max(100, message('error.tooLong', 100))),
    province: required(z.enum(PROVINCE_CODES, { error: message('error.province.invalid') })),
    postalCode: required(z.string().regex(/^\d{6}$/, message('error.postalCode.format'))),
    companyPhone: optional(phone),
    contactFirstName: optional(personName),
    contactLastName: required(personName),
    contactEmail: required(
      z
        .email({ error: message('error.email.format') })
        .max(254, message('error.email.format'))
        .refine((email) => !isWithin(email, ['microsoft.com']), message('error.email.microsoft'))
        .refine((email) => !isWithin(email, partnerDomains), message('error.email.partner')),
    ),
    contactPhone: optional(phone),
    language: z.preprocess(
      blankToUndefined,
      z.enum(['zh-CN', 'en-US'], { error: message('error.language.invalid') }).default('zh-CN'),
    ),
  });
}

/** Account info as validated: trimmed, domain prefix lower-cased, optional fields absent when empty. */
export type AccountInfo = z.infer<ReturnType<typeof createAccountInfoSchema>>;

/** What the user typed on the Account info card, kept as typed so that an invalid card can be shown again. */
export type AccountInfoInput = Partial<Record<AccountInfoField, string>>;

/** A validation problem to show beside a field: an i18n key and its placeholder values. */
export type FieldError = { key: MessageKey; params?: Record<string, number> };

/** Turns a schema message (`key` or `key:number`) into a `FieldError`. */
export function describeIssue(text: string): FieldError {
  const [key, param] = text.split(':') as [MessageKey, string | undefined];
  return param === undefined ? { key } : { key, params: { max: Number(param) } };
}

/** The tenant domain for a domain prefix, for example `contoso.partner.onmschina.cn`. */
export function tenantDomain(domainPrefix: string): string {
  return `${domainPrefix.toLowerCase()}.${TENANT_DOMAIN_SUFFIX}`;
}
