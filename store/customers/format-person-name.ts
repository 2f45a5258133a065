/** Letters of the scripts whose names are written family name first, without a space (Han, kana, Hangul). */
const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const OTHER_LETTER = /(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])\p{L}/u;

/**
 * A contact's name as people write it, in every card and language: a name written in Chinese (or other
 * CJK) characters reads family name first with no space (李 + 娜 → 李娜), any other name "Given Family"
 * (Na Li), also in zh-CN, because that is how its owner writes it. A name mixing scripts keeps the
 * Western order. The given name is optional; the family name is always there.
 */
export function formatPersonName(name: { given?: string; family: string }): string {
  const given = (name.given ?? '').trim();
  const family = name.family.trim();
  if (given === '') return family;
  const whole = `${family}${given}`;
  const writtenInCjk = CJK_LETTER.test(whole) && !OTHER_LETTER.test(whole);
  return writtenInCjk ? whole : `${given} ${family}`;
}
