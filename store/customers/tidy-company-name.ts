/**
 * A company name as typed, tidied for showing it in text written for the customer (the reseller
 * invitation): trimmed, runs of spaces (full-width ones too) made one, and no space left between two
 * Chinese characters (上海云帆信息科技 有限公司 → 上海云帆信息科技有限公司). Unlike
 * `normaliseCompanyName` it keeps case, punctuation and the company form.
 */
export function tidyCompanyName(name: string): string {
  return name
    .replace(/[\s\u3000]+/gu, ' ')
    .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '')
    .trim();
}
