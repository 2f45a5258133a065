const CHINESE_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司'];
const LATIN_FORMS = new Set([
  'co',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'company',
  'llc',
  'gmbh',
  'plc',
]);

/**
 * Reduces a company name to what identifies the company, for duplicate detection: full-width forms,
 * case, punctuation, spaces and trailing company forms (有限公司, Co., Ltd., Inc. …) do not count.
 * "Fabrikam Trading Co., Ltd.", "FABRIKAM TRADING CO LTD" and "ｆａｂｒｉｋａｍ　ｔｒａｄｉｎｇ" are one name.
 */
export function normaliseCompanyName(name: string): string {
  let words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '')
    .trim()
    .split(' ')
    .filter(Boolean);
  let changed = true;
  while (changed && words.length > 0) {
    changed = false;
    const last = words.at(-1) as string;
    if (words.length > 1 && (LATIN_FORMS.has(last) || CHINESE_FORMS.includes(last))) {
      words = words.slice(0, -1);
      changed = true;
      continue;
    }
    const form = CHINESE_FORMS.find((candidate) => last.endsWith(candidate));
    if (form && last.length > form.length) {
      words = [...words.slice(0, -1), last.slice(0, -form.length)];
      changed = true;
    }
  }
  return words.join('');
}
