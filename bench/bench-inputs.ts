import { validAccountInputs } from '../test/fixtures/customers.js';

/** Account info a partner agent would type for the `n`th customer of a bench run: unique name, domain and email. */
export function benchAccountInputs(runTag: string, n: number): Record<string, string> {
  return validAccountInputs(benchDomainPrefix(runTag, n), {
    companyName: `Bench ${runTag} Trading ${n} Co., Ltd.`,
    contactEmail: `buyer${n}@${runTag}.example.cn`,
  });
}

/** The tenant domain prefix of the `n`th customer of a bench run; fixed width, so none contains another. */
export function benchDomainPrefix(runTag: string, n: number): string {
  return `b${runTag}${String(n).padStart(7, '0')}`;
}

/** Licenses chosen on the Subscriptions card. */
export const BENCH_LICENSES = { 'qty_o365-e1': '25' };

/** A short random tag of lowercase letters, so that runs never collide on a domain prefix. */
export function newRunTag(): string {
  return Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
}
