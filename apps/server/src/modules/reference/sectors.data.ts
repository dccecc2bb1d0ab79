import type { Sector } from '@lachan/contracts';

/**
 * Platform sector codes (shared/domain/vietnam.md §8). `statutory` is true for the sectors the table
 * marks as named in Law 24/2018 Art. 10; sectors the law covers only partly (EGOV, MANUFACTURING) and
 * those added for parity with other critical-infrastructure frameworks are false. New sectors are added
 * through the API; this list is the seed.
 */
export const SECTORS: readonly Sector[] = [
  {
    code: 'ENERGY',
    nameVi: 'Năng lượng (điện, dầu khí)',
    nameEn: 'Energy (electricity, oil and gas)',
    statutory: true,
    active: true,
  },
  {
    code: 'FINANCE',
    nameVi: 'Tài chính (chứng khoán, bảo hiểm, thuế, kho bạc)',
    nameEn: 'Finance (securities, insurance, tax, treasury)',
    statutory: true,
    active: true,
  },
  { code: 'BANKING', nameVi: 'Ngân hàng', nameEn: 'Banking', statutory: true, active: true },
  {
    code: 'TELECOM',
    nameVi: 'Viễn thông và Internet',
    nameEn: 'Telecommunications and Internet',
    statutory: true,
    active: true,
  },
  {
    code: 'TRANSPORT',
    nameVi: 'Giao thông vận tải (hàng không, đường sắt, hàng hải, đường bộ, logistics)',
    nameEn: 'Transport (aviation, rail, maritime, road, logistics)',
    statutory: true,
    active: true,
  },
  {
    code: 'ENVIRONMENT',
    nameVi: 'Tài nguyên và môi trường',
    nameEn: 'Natural resources and environment',
    statutory: true,
    active: true,
  },
  // Not in Art. 10; added for parity with other critical-infrastructure frameworks.
  { code: 'WATER', nameVi: 'Cấp thoát nước', nameEn: 'Water supply and drainage', statutory: false, active: true },
  { code: 'CHEMICALS', nameVi: 'Hóa chất', nameEn: 'Chemicals', statutory: true, active: true },
  { code: 'HEALTH', nameVi: 'Y tế', nameEn: 'Health', statutory: true, active: true },
  { code: 'CULTURE', nameVi: 'Văn hóa', nameEn: 'Culture', statutory: true, active: true },
  { code: 'PRESS', nameVi: 'Báo chí, truyền thông', nameEn: 'Press and media', statutory: true, active: true },
  // Only partly named in Art. 10.
  {
    code: 'EGOV',
    nameVi: 'Cơ quan nhà nước, Chính phủ điện tử',
    nameEn: 'Government agencies, e-Government (central and local)',
    statutory: false,
    active: true,
  },
  {
    code: 'DEFENCE_SECURITY',
    nameVi: 'Quân sự, an ninh, ngoại giao, cơ yếu',
    nameEn: 'Defence, security, diplomacy, cipher (restricted)',
    statutory: true,
    active: true,
  },
  { code: 'EDUCATION', nameVi: 'Giáo dục', nameEn: 'Education', statutory: false, active: true },
  { code: 'ECOMMERCE', nameVi: 'Thương mại điện tử', nameEn: 'E-commerce', statutory: false, active: true },
  // Only partly named in Art. 10.
  {
    code: 'MANUFACTURING',
    nameVi: 'Công nghiệp, hệ thống điều khiển công nghiệp',
    nameEn: 'Industry and industrial control (ICS)',
    statutory: false,
    active: true,
  },
  { code: 'OTHER', nameVi: 'Khác', nameEn: 'Other', statutory: false, active: true },
];
