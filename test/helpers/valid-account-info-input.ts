import type { AccountInfoInput } from '../../store/customers/account-info-schema.js';

/** A complete, valid Account info submit (required fields only), for tests that change one field at a time. */
export function validAccountInfoInput(): AccountInfoInput {
  return {
    companyName: '北京示例科技有限公司',
    domainPrefix: 'example2024',
    addressLine1: '朝阳区建国路 88 号',
    city: '北京',
    province: 'BJ',
    postalCode: '100022',
    contactLastName: '王',
    contactEmail: 'wang@example.cn',
  };
}
