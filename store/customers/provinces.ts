/**
 * Mainland China's 31 provincial-level divisions, keyed by their ISO 3166-2:CN code,
 * which is what Partner Center's two-character `state` field takes.
 */
export const PROVINCES = [
  { code: 'BJ', en: 'Beijing', zh: '北京市' },
  { code: 'TJ', en: 'Tianjin', zh: '天津市' },
  { code: 'HE', en: 'Hebei', zh: '河北省' },
  { code: 'SX', en: 'Shanxi', zh: '山西省' },
  { code: 'NM', en: 'Inner Mongolia', zh: '内蒙古自治区' },
  { code: 'LN', en: 'Liaoning', zh: '辽宁省' },
  { code: 'JL', en: 'Jilin', zh: '吉林省' },
  { code: 'HL', en: 'Heilongjiang', zh: '黑龙江省' },
  { code: 'SH', en: 'Shanghai', zh: '上海市' },
  { code: 'JS', en: 'Jiangsu', zh: '江苏省' },
  { code: 'ZJ', en: 'Zhejiang', zh: '浙江省' },
  { code: 'AH', en: 'Anhui', zh: '安徽省' },
  { code: 'FJ', en: 'Fujian', zh: '福建省' },
  { code: 'JX', en: 'Jiangxi', zh: '江西省' },
  { code: 'SD', en: 'Shandong', zh: '山东省' },
  { code: 'HA', en: 'Henan', zh: '河南省' },
  { code: 'HB', en: 'Hubei', zh: '湖北省' },
  { code: 'HN', en: 'Hunan', zh: '湖南省' },
  { code: 'GD', en: 'Guangdong', zh: '广东省' },
  { code: 'GX', en: 'Guangxi', zh: '广西壮族自治区' },
  { code: 'HI', en: 'Hainan', zh: '海南省' },
  { code: 'CQ', en: 'Chongqing', zh: '重庆市' },
  { code: 'SC', en: 'Sichuan', zh: '四川省' },
  { code: 'GZ', en: 'Guizhou', zh: '贵州省' },
  { code: 'YN', en: 'Yunnan', zh: '云南省' },
  { code: 'XZ', en: 'Xizang (Tibet)', zh: '西藏自治区' },
  { code: 'SN', en: 'Shaanxi', zh: '陕西省' },
  { code: 'GS', en: 'Gansu', zh: '甘肃省' },
  { code: 'QH', en: 'Qinghai', zh: '青海省' },
  { code: 'NX', en: 'Ningxia', zh: '宁夏回族自治区' },
  { code: 'XJ', en: 'Xinjiang', zh: '新疆维吾尔自治区' },
] as const;

/** An ISO 3166-2:CN provincial-level division code such as `BJ` or `GD`. */
export type ProvinceCode = (typeof PROVINCES)[number]['code'];

/** The codes alone, for schemas. */
export const PROVINCE_CODES = PROVINCES.map((province) => province.code) as [ProvinceCode, ...ProvinceCode[]];
