import type { Locale } from '../i18n/translate.js';
import { PROVINCES } from './provinces.js';

/** A Chinese postal address as the Account info card asks for it (province as its ISO 3166-2:CN code). */
export type PostalAddress = {
  addressLine1: string;
  addressLine2?: string;
  city: string;
  province: string;
  postalCode: string;
};

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const DIVISION_SUFFIX = /(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/u;

/** A place name without its 省/市/自治区 suffix, lower-cased, for telling whether two parts repeat. */
const bareName = (name: string) => name.trim().replace(DIVISION_SUFFIX, '').toLowerCase();

/**
 * Joins address parts the Chinese way: nothing between Chinese characters, a space between Chinese and
 * Latin text, a comma between two parts written in Latin letters (广东省 Shenzhen, 1 Keyuan Road).
 */
function joinChinese(parts: readonly string[]): string {
  return parts.reduce((joined, part) => {
    if (joined === '') return part;
    const before = CJK.test(joined.at(-1) ?? '');
    const after = CJK.test(part[0] ?? '');
    return `${joined}${before && after ? '' : before || after ? ' ' : ', '}${part}`;
  }, '');
}

/**
 * An address on one line, the way readers of `locale` write one. zh-CN: largest to smallest, province
 * in Chinese, no separators between Chinese characters (北京市朝阳区建国路88号 SOHO现代城B座12层，100022).
 * en-US: the Western order, province in English (line 1, line 2, city, Beijing 100022). In both, a city
 * that repeats the province (a municipality such as 北京) or the start of line 1, and a province already
 * written at the start of line 1, are not written twice.
 */
export function formatAddress(address: PostalAddress, locale: Locale): string {
  const province = PROVINCES.find((candidate) => candidate.code === address.province);
  const line1 = address.addressLine1.trim();
  const line2 = (address.addressLine2 ?? '').trim();
  const city = address.city.trim();
  const provinceNames = province ? [province.zh, province.en] : [address.province];
  const cityIsProvince = provinceNames.some((name) => bareName(name) === bareName(city));
  const line1StartsWith = (name: string) =>
    bareName(name) !== '' && line1.startsWith(name.trim().replace(DIVISION_SUFFIX, ''));
  const cityInLine1 = cityIsProvince || line1StartsWith(city);
  if (locale === 'zh-CN') {
    const provinceName = province?.zh ?? address.province;
    const parts = line1StartsWith(provinceName)
      ? [line1, line2]
      : [provinceName, cityInLine1 ? '' : city, line1, line2];
    const joined = joinChinese(parts.filter(Boolean));
    return `${joined}${CJK.test(joined.at(-1) ?? '') ? '，' : ', '}${address.postalCode}`;
  }
  const provinceName = province?.en ?? address.province;
  const parts = [line1, line2, cityInLine1 ? '' : city, `${provinceName} ${address.postalCode}`];
  return parts.filter(Boolean).join(', ');
}
