import type { OrgKind, Province } from '@lachan/contracts';
import { PROVINCES } from '../reference/provinces.data.ts';

/**
 * A fictional national incident-response network used as demo data.
 *
 * Every organisation, person, address, telephone number and domain here is invented; names carry the
 * suffix "(demo)" and all domains end in `.example.vn`. The output is a pure function of this file:
 * no I/O, no clock, no global randomness. Per-organisation details (focal points, addresses, phones)
 * come from a small PRNG seeded with the organisation's key, so adding or removing one organisation
 * does not change the others.
 *
 * Order: every organisation appears after its parent, so the list can be inserted as it stands.
 */
export interface DemoOrg {
  key: string;
  parentKey: string | null;
  name: string;
  nameEn: string | null;
  shortName: string | null;
  kind: OrgKind;
  provinceCode: string | null;
  sectors: string[];
  securityLevel: number | null;
  website: string | null;
  incidentReceptionEmail: string | null;
  address: string | null;
  focalPoints: {
    name: string;
    position: string;
    phone: string;
    email: string;
    available247: boolean;
    isPrimary: boolean;
  }[];
  socClientKeys: string[];
}

/** The hand-written part of an organisation; the rest is derived. */
interface Spec {
  key: string;
  parentKey: string | null;
  name: string;
  nameEn: string;
  shortName?: string;
  kind: OrgKind;
  provinceCode: string;
  sectors: string[];
  securityLevel: number | null;
  /** Label under `.example.vn`. */
  domain: string;
  socClientKeys?: string[];
}

// ---------------------------------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------------------------------

/** FNV-1a 32-bit hash, used to seed the PRNG from a key. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function digits(rand: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(Math.floor(rand() * 10));
  return out;
}

/** Strips Vietnamese diacritics: 'Đà Nẵng' → 'Da Nang'. */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

function slug(text: string): string {
  return ascii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------------------------------------------
// Fictional people
// ---------------------------------------------------------------------------------------------------

const FAMILY_NAMES = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô',
  'Dương', 'Lý', 'Trịnh', 'Đinh', 'Lương', 'Mai',
] as const;
const MALE_MIDDLE = ['Văn', 'Hữu', 'Đức', 'Quang', 'Minh', 'Công', 'Xuân', 'Tiến'] as const;
const MALE_GIVEN = [
  'An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hiếu', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn',
  'Thắng', 'Trung', 'Tuấn', 'Việt', 'Đạt', 'Kiên', 'Lâm',
] as const;
const FEMALE_MIDDLE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Phương', 'Hoài', 'Bích'] as const;
const FEMALE_GIVEN = [
  'Anh', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngân', 'Nhung', 'Phương',
  'Tâm', 'Thảo', 'Trang', 'Vân', 'Yến', 'Loan', 'Quyên',
] as const;

interface Person {
  family: string;
  middle: string;
  given: string;
}

function person(rand: () => number): Person {
  const female = rand() < 0.45;
  return {
    family: pick(rand, FAMILY_NAMES),
    middle: female ? pick(rand, FEMALE_MIDDLE) : pick(rand, MALE_MIDDLE),
    given: female ? pick(rand, FEMALE_GIVEN) : pick(rand, MALE_GIVEN),
  };
}

/** Vietnamese workplace convention: Nguyễn Văn An → 'annv'. */
function mailbox(p: Person): string {
  return slug(p.given) + slug(p.family).charAt(0) + slug(p.middle).charAt(0);
}

/** Positions by kind: [primary options, secondary options]. */
const POSITIONS: Record<OrgKind, readonly [readonly string[], readonly string[]]> = {
  coordination_centre: [
    ['Giám đốc Trung tâm', 'Phó Giám đốc Trung tâm'],
    ['Trưởng phòng Điều phối Ứng cứu', 'Trưởng ca trực điều phối 24/7'],
  ],
  ministry: [
    ['Giám đốc Trung tâm Công nghệ thông tin', 'Chánh Văn phòng Bộ'],
    ['Trưởng phòng An toàn thông tin', 'Chuyên viên chính an toàn thông tin'],
  ],
  regulator: [
    ['Phó Cục trưởng', 'Phó Chủ tịch Ủy ban', 'Giám đốc Trung tâm'],
    ['Trưởng phòng An toàn hệ thống', 'Trưởng phòng Giám sát công nghệ'],
  ],
  province: [
    ['Giám đốc Trung tâm', 'Phó Giám đốc phụ trách an toàn thông tin'],
    ['Trưởng phòng Giám sát an toàn thông tin', 'Trưởng nhóm ứng cứu sự cố'],
  ],
  ci_operator: [
    ['Giám đốc An toàn thông tin (CISO)', 'Giám đốc Công nghệ thông tin', 'Phó Tổng Giám đốc phụ trách công nghệ'],
    ['Trưởng phòng An ninh mạng', 'Trưởng nhóm vận hành SOC nội bộ', 'Kỹ sư trưởng hệ thống điều khiển'],
  ],
  agency: [
    ['Trưởng phòng Công nghệ thông tin', 'Phó Chánh Văn phòng'],
    ['Chuyên viên quản trị hệ thống', 'Chuyên viên an toàn thông tin'],
  ],
  soc_provider: [
    ['Giám đốc Trung tâm SOC', 'Giám đốc Dịch vụ An ninh mạng'],
    ['Trưởng ca giám sát 24/7', 'Trưởng nhóm săn tìm mối đe dọa'],
  ],
  response_team: [
    ['Trưởng nhóm ứng cứu', 'Điều phối viên đội ứng cứu'],
    ['Kỹ sư phân tích mã độc', 'Kỹ sư điều tra số'],
  ],
};

/** Kinds that always publish two contacts (the primary one is always reachable 24/7). */
const TWO_CONTACTS: ReadonlySet<OrgKind> = new Set([
  'coordination_centre',
  'regulator',
  'province',
  'soc_provider',
  'response_team',
]);

/** Fictional telephone number in the '+84 2x xxxx xxxx' style (Hà Nội 24, Hồ Chí Minh 28). */
function phone(rand: () => number, provinceCode: string): string {
  const area = provinceCode === '01' ? '4' : provinceCode === '79' ? '8' : pick(rand, ['0', '1', '2', '3', '5', '6', '7', '9']);
  return `+84 2${area} ${digits(rand, 4)} ${digits(rand, 4)}`;
}

const STREETS = [
  'Trần Hưng Đạo', 'Lê Lợi', 'Hùng Vương', 'Quang Trung', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Nguyễn Huệ',
  'Phan Đình Phùng', 'Nguyễn Trãi', 'Lê Duẩn', 'Trần Phú', 'Nguyễn Du', 'Điện Biên Phủ', 'Lê Thánh Tông',
] as const;

function unitLabel(p: Province): string {
  return `${p.type === 'city' ? 'thành phố' : 'tỉnh'} ${p.nameVi}`;
}

// ---------------------------------------------------------------------------------------------------
// The network
// ---------------------------------------------------------------------------------------------------

const CENTRE: Spec = {
  key: 'ncc',
  parentKey: null,
  name: 'Trung tâm Điều phối Ứng cứu Sự cố Quốc gia (demo)',
  nameEn: 'National Incident Response Coordination Centre (demo)',
  shortName: 'NIRCC',
  kind: 'coordination_centre',
  provinceCode: '01',
  sectors: ['EGOV'],
  securityLevel: 4,
  domain: 'dieuphoi',
};

const MINISTRIES: readonly Spec[] = [
  {
    key: 'min-sci',
    parentKey: 'ncc',
    name: 'Bộ Khoa học, Công nghệ và Chuyển đổi số (demo)',
    nameEn: 'Ministry of Science, Technology and Digital Transformation (demo)',
    kind: 'ministry',
    provinceCode: '01',
    sectors: ['EGOV', 'TELECOM'],
    securityLevel: 4,
    domain: 'bo-khcn',
  },
  {
    key: 'min-fin',
    parentKey: 'ncc',
    name: 'Bộ Tài chính và Kho bạc (demo)',
    nameEn: 'Ministry of Finance and Treasury (demo)',
    kind: 'ministry',
    provinceCode: '01',
    sectors: ['FINANCE', 'EGOV'],
    securityLevel: 4,
    domain: 'bo-taichinh',
  },
  {
    key: 'min-ind',
    parentKey: 'ncc',
    name: 'Bộ Công nghiệp, Thương mại và Năng lượng (demo)',
    nameEn: 'Ministry of Industry, Trade and Energy (demo)',
    kind: 'ministry',
    provinceCode: '01',
    sectors: ['MANUFACTURING', 'ECOMMERCE', 'ENERGY', 'EGOV'],
    securityLevel: 3,
    domain: 'bo-congthuong',
  },
  {
    key: 'min-health',
    parentKey: 'ncc',
    name: 'Bộ Y tế Cộng đồng (demo)',
    nameEn: 'Ministry of Public Health (demo)',
    kind: 'ministry',
    provinceCode: '01',
    sectors: ['HEALTH', 'EGOV'],
    securityLevel: 3,
    domain: 'bo-yte',
  },
  {
    key: 'min-transport',
    parentKey: 'ncc',
    name: 'Bộ Giao thông và Hạ tầng (demo)',
    nameEn: 'Ministry of Transport and Infrastructure (demo)',
    kind: 'ministry',
    provinceCode: '01',
    sectors: ['TRANSPORT', 'EGOV'],
    securityLevel: 3,
    domain: 'bo-giaothong',
  },
  {
    key: 'min-edu',
    parentKey: 'ncc',
    name: 'Bộ Giáo dục và Học tập Suốt đời (demo)',
    nameEn: 'Ministry of Education and Lifelong Learning (demo)',
    kind: 'ministry',
    provinceCode: '01',
    sectors: ['EDUCATION', 'EGOV'],
    securityLevel: 3,
    domain: 'bo-giaoduc',
  },
  {
    key: 'min-culture',
    parentKey: 'ncc',
    name: 'Bộ Văn hóa, Di sản và Du lịch (demo)',
    nameEn: 'Ministry of Culture, Heritage and Tourism (demo)',
    kind: 'ministry',
    provinceCode: '01',
    sectors: ['CULTURE', 'EGOV'],
    securityLevel: 3,
    domain: 'bo-vanhoa',
  },
  {
    key: 'min-env',
    parentKey: 'ncc',
    name: 'Bộ Tài nguyên, Môi trường và Khí hậu (demo)',
    nameEn: 'Ministry of Natural Resources, Environment and Climate (demo)',
    kind: 'ministry',
    provinceCode: '01',
    sectors: ['ENVIRONMENT', 'WATER', 'EGOV'],
    securityLevel: 3,
    domain: 'bo-moitruong',
  },
  {
    key: 'min-foreign',
    parentKey: 'ncc',
    name: 'Bộ Đối ngoại (demo)',
    nameEn: 'Ministry of External Relations (demo)',
    kind: 'ministry',
    provinceCode: '01',
    sectors: ['DEFENCE_SECURITY', 'EGOV'],
    securityLevel: 4,
    domain: 'bo-doingoai',
  },
];

const REGULATORS: readonly Spec[] = [
  {
    key: 'reg-bank',
    parentKey: 'ncc',
    name: 'Cục Giám sát An toàn Hệ thống Ngân hàng (demo)',
    nameEn: 'Banking System Safety Supervision Authority (demo)',
    shortName: 'BSSA',
    kind: 'regulator',
    provinceCode: '01',
    sectors: ['BANKING'],
    securityLevel: 4,
    domain: 'giamsat-nganhang',
  },
  {
    key: 'reg-securities',
    parentKey: 'ncc',
    name: 'Ủy ban Giám sát Thị trường Vốn (demo)',
    nameEn: 'Capital Markets Supervisory Commission (demo)',
    shortName: 'CMSC',
    kind: 'regulator',
    provinceCode: '01',
    sectors: ['FINANCE'],
    securityLevel: 4,
    domain: 'giamsat-thitruongvon',
  },
  {
    key: 'reg-energy',
    parentKey: 'ncc',
    name: 'Cục Điều tiết Năng lượng và An ninh Lưới điện (demo)',
    nameEn: 'Energy and Grid Security Regulatory Authority (demo)',
    shortName: 'EGRA',
    kind: 'regulator',
    provinceCode: '01',
    sectors: ['ENERGY'],
    securityLevel: 4,
    domain: 'dieutiet-nangluong',
  },
  {
    key: 'reg-health-it',
    parentKey: 'ncc',
    name: 'Trung tâm Công nghệ Thông tin Y tế (demo)',
    nameEn: 'Health Information Technology Centre (demo)',
    shortName: 'HITC',
    kind: 'regulator',
    provinceCode: '01',
    sectors: ['HEALTH'],
    securityLevel: 3,
    domain: 'cntt-yte',
  },
  {
    key: 'reg-telecom',
    parentKey: 'ncc',
    name: 'Cục Quản lý Viễn thông và Internet (demo)',
    nameEn: 'Telecommunications and Internet Authority (demo)',
    shortName: 'TIA',
    kind: 'regulator',
    provinceCode: '01',
    sectors: ['TELECOM'],
    securityLevel: 4,
    domain: 'quanly-vienthong',
  },
  {
    key: 'reg-aviation',
    parentKey: 'ncc',
    name: 'Cục Giám sát An toàn Hàng không Dân dụng (demo)',
    nameEn: 'Civil Aviation Safety Supervision Authority (demo)',
    shortName: 'CAVSA',
    kind: 'regulator',
    provinceCode: '01',
    sectors: ['TRANSPORT'],
    securityLevel: 4,
    domain: 'antoan-hangkhong',
  },
  {
    key: 'reg-chem',
    parentKey: 'ncc',
    name: 'Cục Quản lý Hóa chất Công nghiệp (demo)',
    nameEn: 'Industrial Chemicals Authority (demo)',
    shortName: 'ICA',
    kind: 'regulator',
    provinceCode: '01',
    sectors: ['CHEMICALS'],
    securityLevel: 3,
    domain: 'quanly-hoachat',
  },
  {
    key: 'reg-press',
    parentKey: 'ncc',
    name: 'Cục Quản lý Báo chí và Truyền thông Số (demo)',
    nameEn: 'Press and Digital Media Authority (demo)',
    shortName: 'PDMA',
    kind: 'regulator',
    provinceCode: '01',
    sectors: ['PRESS'],
    securityLevel: 3,
    domain: 'quanly-baochi',
  },
];

/** One provincial incident-response unit for each of the 34 provincial-level units. */
function provinceUnits(): Spec[] {
  return [...PROVINCES]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p) => {
      const big = p.code === '01' || p.code === '79';
      const en = p.type === 'city' ? (p.nameEn.endsWith('City') ? p.nameEn : `${p.nameEn} City`) : `${p.nameEn} Province`;
      return {
        key: `prov-${p.code}`,
        parentKey: 'ncc',
        name: `Trung tâm An toàn Thông tin và Ứng cứu Sự cố ${unitLabel(p)} (demo)`,
        nameEn: `${en} Information Security and Incident Response Centre (demo)`,
        shortName: `CSIRT-${p.code}`,
        kind: 'province' as const,
        provinceCode: p.code,
        sectors: ['EGOV'],
        securityLevel: big ? 4 : 3,
        domain: `csirt-${slug(p.nameVi)}`,
      };
    });
}

const AGENCIES: readonly Spec[] = [
  {
    key: 'ag-tax',
    parentKey: 'min-fin',
    name: 'Cục Thuế Điện tử (demo)',
    nameEn: 'E-Tax Department (demo)',
    kind: 'agency',
    provinceCode: '01',
    sectors: ['FINANCE', 'EGOV'],
    securityLevel: 4,
    domain: 'thue-dientu',
  },
  {
    key: 'ag-treasury-38',
    parentKey: 'min-fin',
    name: 'Kho bạc Khu vực Bắc Trung Bộ (demo)',
    nameEn: 'North-Central Regional Treasury (demo)',
    kind: 'agency',
    provinceCode: '38',
    sectors: ['FINANCE'],
    securityLevel: 3,
    domain: 'khobac-bactrungbo',
  },
  {
    key: 'ag-vehicle',
    parentKey: 'min-transport',
    name: 'Cục Đăng kiểm Phương tiện (demo)',
    nameEn: 'Vehicle Inspection Department (demo)',
    kind: 'agency',
    provinceCode: '01',
    sectors: ['TRANSPORT', 'EGOV'],
    securityLevel: 3,
    domain: 'dangkiem',
  },
  {
    key: 'ag-drugtest',
    parentKey: 'min-health',
    name: 'Viện Kiểm định Dược phẩm và Thiết bị Y tế (demo)',
    nameEn: 'Institute for Pharmaceutical and Medical Device Testing (demo)',
    kind: 'agency',
    provinceCode: '01',
    sectors: ['HEALTH'],
    securityLevel: 2,
    domain: 'kiemdinh-duoc',
  },
  {
    key: 'ag-meteo-56',
    parentKey: 'min-env',
    name: 'Đài Khí tượng Thủy văn Khu vực Nam Trung Bộ (demo)',
    nameEn: 'South-Central Regional Hydro-Meteorological Station (demo)',
    kind: 'agency',
    provinceCode: '56',
    sectors: ['ENVIRONMENT'],
    securityLevel: 3,
    domain: 'khituong-namtrungbo',
  },
  {
    key: 'ag-edu-38',
    parentKey: 'prov-38',
    name: 'Sở Giáo dục và Đào tạo tỉnh Thanh Hóa (demo)',
    nameEn: 'Thanh Hoa Provincial Department of Education and Training (demo)',
    kind: 'agency',
    provinceCode: '38',
    sectors: ['EDUCATION', 'EGOV'],
    securityLevel: 2,
    domain: 'sogd-thanhhoa',
  },
  {
    key: 'ag-health-92',
    parentKey: 'prov-92',
    name: 'Sở Y tế thành phố Cần Thơ (demo)',
    nameEn: 'Can Tho City Department of Health (demo)',
    kind: 'agency',
    provinceCode: '92',
    sectors: ['HEALTH', 'EGOV'],
    securityLevel: 2,
    domain: 'soyte-cantho',
  },
  {
    key: 'ag-office-15',
    parentKey: 'prov-15',
    name: 'Văn phòng Ủy ban nhân dân tỉnh Lào Cai (demo)',
    nameEn: 'Office of the Lao Cai Provincial People’s Committee (demo)',
    kind: 'agency',
    provinceCode: '15',
    sectors: ['EGOV'],
    securityLevel: 3,
    domain: 'vpubnd-laocai',
  },
  {
    key: 'ag-border-20',
    parentKey: 'prov-20',
    name: 'Ban Quản lý Khu Kinh tế Cửa khẩu tỉnh Lạng Sơn (demo)',
    nameEn: 'Lang Son Border-Gate Economic Zone Authority (demo)',
    kind: 'agency',
    provinceCode: '20',
    sectors: ['EGOV', 'TRANSPORT'],
    securityLevel: 2,
    domain: 'kktck-langson',
  },
  {
    key: 'ag-hitech-01',
    parentKey: 'prov-01',
    name: 'Ban Quản lý Khu Công nghệ cao Phía Tây Thủ đô (demo)',
    nameEn: 'Western Capital High-Tech Park Authority (demo)',
    kind: 'agency',
    provinceCode: '01',
    sectors: ['EGOV', 'MANUFACTURING'],
    securityLevel: 2,
    domain: 'khucnc-phiatay',
  },
  {
    key: 'ag-land-08',
    parentKey: 'prov-08',
    name: 'Trung tâm Dữ liệu Đất đai tỉnh Tuyên Quang (demo)',
    nameEn: 'Tuyen Quang Provincial Land Data Centre (demo)',
    kind: 'agency',
    provinceCode: '08',
    sectors: ['ENVIRONMENT', 'EGOV'],
    securityLevel: 2,
    domain: 'dulieudatdai-tuyenquang',
  },
  {
    key: 'ag-digital-04',
    parentKey: 'prov-04',
    name: 'Trung tâm Chuyển đổi số tỉnh Cao Bằng (demo)',
    nameEn: 'Cao Bang Provincial Digital Transformation Centre (demo)',
    kind: 'agency',
    provinceCode: '04',
    sectors: ['EGOV'],
    securityLevel: 2,
    domain: 'chuyendoiso-caobang',
  },
];

const CI_OPERATORS: readonly Spec[] = [
  // ENERGY
  {
    key: 'energy-tstd',
    parentKey: 'reg-energy',
    name: 'Công ty Truyền tải Điện Trường Sơn (demo)',
    nameEn: 'Truong Son Power Transmission Company (demo)',
    shortName: 'TSPT',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['ENERGY'],
    securityLevel: 4,
    domain: 'truyentai-truongson',
  },
  {
    key: 'energy-suoimay',
    parentKey: 'reg-energy',
    name: 'Công ty Thủy điện Suối Mây (demo)',
    nameEn: 'Suoi May Hydropower Company (demo)',
    kind: 'ci_operator',
    provinceCode: '12',
    sectors: ['ENERGY'],
    securityLevel: 4,
    domain: 'thuydien-suoimay',
  },
  {
    key: 'energy-mietvuon',
    parentKey: 'reg-energy',
    name: 'Công ty Điện lực Miệt Vườn (demo)',
    nameEn: 'Miet Vuon Power Distribution Company (demo)',
    kind: 'ci_operator',
    provinceCode: '86',
    sectors: ['ENERGY'],
    securityLevel: 3,
    domain: 'dienluc-mietvuon',
  },
  {
    key: 'energy-cattrang',
    parentKey: 'reg-energy',
    name: 'Công ty Cổ phần Điện gió Cát Trắng (demo)',
    nameEn: 'Cat Trang Wind Power JSC (demo)',
    kind: 'ci_operator',
    provinceCode: '68',
    sectors: ['ENERGY'],
    securityLevel: 3,
    domain: 'diengio-cattrang',
  },
  {
    key: 'energy-vinhbien',
    parentKey: 'reg-energy',
    name: 'Công ty Lọc hóa dầu Vịnh Biển (demo)',
    nameEn: 'Vinh Bien Refining and Petrochemicals Company (demo)',
    kind: 'ci_operator',
    provinceCode: '51',
    sectors: ['ENERGY', 'CHEMICALS'],
    securityLevel: 4,
    domain: 'lochoadau-vinhbien',
  },
  {
    key: 'energy-themluc',
    parentKey: 'reg-energy',
    name: 'Tổng công ty Khí Thềm Lục Địa Phía Nam (demo)',
    nameEn: 'Southern Continental Shelf Gas Corporation (demo)',
    kind: 'ci_operator',
    provinceCode: '79',
    sectors: ['ENERGY'],
    securityLevel: 4,
    domain: 'khi-themlucdia',
  },
  // BANKING
  {
    key: 'bank-sgb',
    parentKey: 'reg-bank',
    name: 'Ngân hàng TMCP Sông Gianh (demo)',
    nameEn: 'Song Gianh Commercial Joint Stock Bank (demo)',
    shortName: 'SGB',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['BANKING'],
    securityLevel: 4,
    domain: 'songgianhbank',
  },
  {
    key: 'bank-svb',
    parentKey: 'reg-bank',
    name: 'Ngân hàng TMCP Sen Vàng (demo)',
    nameEn: 'Golden Lotus Commercial Joint Stock Bank (demo)',
    shortName: 'SVB',
    kind: 'ci_operator',
    provinceCode: '79',
    sectors: ['BANKING'],
    securityLevel: 4,
    domain: 'senvangbank',
  },
  {
    key: 'bank-phusa',
    parentKey: 'reg-bank',
    name: 'Quỹ Tín dụng Nhân dân Phù Sa (demo)',
    nameEn: 'Phu Sa People’s Credit Fund (demo)',
    kind: 'ci_operator',
    provinceCode: '92',
    sectors: ['BANKING'],
    securityLevel: 2,
    domain: 'qtdnd-phusa',
  },
  {
    key: 'pay-anhduong',
    parentKey: 'reg-bank',
    name: 'Công ty Cổ phần Chuyển mạch Tài chính Ánh Dương (demo)',
    nameEn: 'Anh Duong Financial Switching JSC (demo)',
    shortName: 'ADFS',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['BANKING', 'FINANCE'],
    securityLevel: 4,
    domain: 'chuyenmach-anhduong',
  },
  {
    key: 'ewallet-hatthoc',
    parentKey: 'reg-bank',
    name: 'Công ty Cổ phần Ví điện tử Hạt Thóc (demo)',
    nameEn: 'Hat Thoc E-Wallet JSC (demo)',
    kind: 'ci_operator',
    provinceCode: '79',
    sectors: ['ECOMMERCE', 'BANKING'],
    securityLevel: 3,
    domain: 'vi-hatthoc',
  },
  // FINANCE
  {
    key: 'fin-haiau',
    parentKey: 'reg-securities',
    name: 'Công ty Cổ phần Chứng khoán Hải Âu (demo)',
    nameEn: 'Hai Au Securities JSC (demo)',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['FINANCE'],
    securityLevel: 3,
    domain: 'chungkhoan-haiau',
  },
  {
    key: 'fin-commodity',
    parentKey: 'reg-securities',
    name: 'Sở Giao dịch Hàng hóa Miền Trung (demo)',
    nameEn: 'Central Vietnam Commodity Exchange (demo)',
    kind: 'ci_operator',
    provinceCode: '48',
    sectors: ['FINANCE'],
    securityLevel: 4,
    domain: 'sgdhh-mientrung',
  },
  {
    key: 'fin-ankhang',
    parentKey: 'min-fin',
    name: 'Tổng công ty Bảo hiểm An Khang (demo)',
    nameEn: 'An Khang Insurance Corporation (demo)',
    kind: 'ci_operator',
    provinceCode: '79',
    sectors: ['FINANCE'],
    securityLevel: 3,
    domain: 'baohiem-ankhang',
  },
  // TELECOM
  {
    key: 'tel-canhdieu',
    parentKey: 'reg-telecom',
    name: 'Tổng công ty Viễn thông Cánh Diều (demo)',
    nameEn: 'Canh Dieu Telecommunications Corporation (demo)',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['TELECOM'],
    securityLevel: 4,
    domain: 'vienthong-canhdieu',
  },
  {
    key: 'tel-mayngan',
    parentKey: 'reg-telecom',
    name: 'Công ty Cổ phần Điện toán Đám mây Mây Ngàn (demo)',
    nameEn: 'May Ngan Cloud Computing JSC (demo)',
    kind: 'ci_operator',
    provinceCode: '79',
    sectors: ['TELECOM'],
    securityLevel: 3,
    domain: 'may-ngan',
  },
  {
    key: 'tel-ixp',
    parentKey: 'reg-telecom',
    name: 'Trung tâm Trao đổi Lưu lượng Internet Liên Vùng (demo)',
    nameEn: 'Inter-Regional Internet Exchange Centre (demo)',
    kind: 'ci_operator',
    provinceCode: '48',
    sectors: ['TELECOM'],
    securityLevel: 4,
    domain: 'ixp-lienvung',
  },
  {
    key: 'tel-cable',
    parentKey: 'reg-telecom',
    name: 'Công ty Cáp quang Biển Nam Trung Bộ (demo)',
    nameEn: 'South-Central Submarine Cable Company (demo)',
    kind: 'ci_operator',
    provinceCode: '52',
    sectors: ['TELECOM'],
    securityLevel: 4,
    domain: 'capquangbien-namtrungbo',
  },
  // TRANSPORT
  {
    key: 'air-cuabien',
    parentKey: 'reg-aviation',
    name: 'Cảng Hàng không Quốc tế Cửa Biển (demo)',
    nameEn: 'Cua Bien International Airport (demo)',
    kind: 'ci_operator',
    provinceCode: '48',
    sectors: ['TRANSPORT'],
    securityLevel: 4,
    domain: 'sanbay-cuabien',
  },
  {
    key: 'air-navigation',
    parentKey: 'reg-aviation',
    name: 'Tổng công ty Quản lý Bay Trời Xanh (demo)',
    nameEn: 'Troi Xanh Air Navigation Services Corporation (demo)',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['TRANSPORT'],
    securityLevel: 4,
    domain: 'quanlybay-troixanh',
  },
  {
    key: 'port-bachdang',
    parentKey: 'min-transport',
    name: 'Công ty Cổ phần Cảng Nước sâu Bạch Đằng (demo)',
    nameEn: 'Bach Dang Deep-Water Port JSC (demo)',
    kind: 'ci_operator',
    provinceCode: '31',
    sectors: ['TRANSPORT'],
    securityLevel: 3,
    domain: 'cang-bachdang',
  },
  {
    key: 'rail-bacnam',
    parentKey: 'min-transport',
    name: 'Tổng công ty Đường sắt Bắc Nam Số (demo)',
    nameEn: 'Digital North–South Railway Corporation (demo)',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['TRANSPORT'],
    securityLevel: 3,
    domain: 'duongsat-bacnam',
  },
  {
    key: 'logi-dongduong',
    parentKey: 'prov-80',
    name: 'Công ty Cổ phần Logistics Liên Vận Đông Dương (demo)',
    nameEn: 'Indochina Intermodal Logistics JSC (demo)',
    kind: 'ci_operator',
    provinceCode: '80',
    sectors: ['TRANSPORT'],
    securityLevel: 2,
    domain: 'logistics-dongduong',
  },
  {
    key: 'post-tiachop',
    parentKey: 'prov-19',
    name: 'Tổng công ty Chuyển phát Tia Chớp (demo)',
    nameEn: 'Tia Chop Express Delivery Corporation (demo)',
    kind: 'ci_operator',
    provinceCode: '19',
    sectors: ['TRANSPORT', 'ECOMMERCE'],
    securityLevel: 2,
    domain: 'chuyenphat-tiachop',
  },
  // ENVIRONMENT
  {
    key: 'env-quantrac',
    parentKey: 'min-env',
    name: 'Trung tâm Quan trắc Môi trường Duyên hải Bắc Trung Bộ (demo)',
    nameEn: 'North-Central Coast Environmental Monitoring Centre (demo)',
    kind: 'ci_operator',
    provinceCode: '44',
    sectors: ['ENVIRONMENT'],
    securityLevel: 3,
    domain: 'quantrac-duyenhai',
  },
  {
    key: 'env-xanhsach',
    parentKey: 'prov-75',
    name: 'Công ty Cổ phần Xử lý Chất thải Xanh Sạch (demo)',
    nameEn: 'Xanh Sach Waste Treatment JSC (demo)',
    kind: 'ci_operator',
    provinceCode: '75',
    sectors: ['ENVIRONMENT'],
    securityLevel: 2,
    domain: 'chatthai-xanhsach',
  },
  {
    key: 'env-caonguyen',
    parentKey: 'prov-66',
    name: 'Công ty Thủy lợi Cao Nguyên Đỏ (demo)',
    nameEn: 'Red Plateau Irrigation Company (demo)',
    kind: 'ci_operator',
    provinceCode: '66',
    sectors: ['ENVIRONMENT', 'WATER'],
    securityLevel: 3,
    domain: 'thuyloi-caonguyendo',
  },
  // WATER
  {
    key: 'water-thanhnoi',
    parentKey: 'prov-46',
    name: 'Công ty Cổ phần Cấp nước Thành Nội (demo)',
    nameEn: 'Thanh Noi Water Supply JSC (demo)',
    kind: 'ci_operator',
    provinceCode: '46',
    sectors: ['WATER'],
    securityLevel: 3,
    domain: 'capnuoc-thanhnoi',
  },
  {
    key: 'water-songhau',
    parentKey: 'prov-92',
    name: 'Công ty Cấp thoát nước Đồng bằng Sông Hậu (demo)',
    nameEn: 'Hau River Delta Water Supply and Drainage Company (demo)',
    kind: 'ci_operator',
    provinceCode: '92',
    sectors: ['WATER'],
    securityLevel: 3,
    domain: 'capthoatnuoc-songhau',
  },
  {
    key: 'water-thudo',
    parentKey: 'prov-01',
    name: 'Công ty Thoát nước Đô thị Thủ đô (demo)',
    nameEn: 'Capital Urban Drainage Company (demo)',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['WATER', 'ENVIRONMENT'],
    securityLevel: 3,
    domain: 'thoatnuoc-thudo',
  },
  // CHEMICALS
  {
    key: 'chem-doithong',
    parentKey: 'reg-chem',
    name: 'Công ty Hóa chất Công nghiệp Đồi Thông (demo)',
    nameEn: 'Doi Thong Industrial Chemicals Company (demo)',
    kind: 'ci_operator',
    provinceCode: '25',
    sectors: ['CHEMICALS'],
    securityLevel: 3,
    domain: 'hoachat-doithong',
  },
  {
    key: 'chem-bientay',
    parentKey: 'reg-chem',
    name: 'Công ty Phân đạm Biển Tây (demo)',
    nameEn: 'Bien Tay Nitrogen Fertiliser Company (demo)',
    kind: 'ci_operator',
    provinceCode: '96',
    sectors: ['CHEMICALS', 'MANUFACTURING'],
    securityLevel: 3,
    domain: 'phandam-bientay',
  },
  // HEALTH
  {
    key: 'health-taybac',
    parentKey: 'reg-health-it',
    name: 'Bệnh viện Đa khoa Vùng Tây Bắc (demo)',
    nameEn: 'North-West Regional General Hospital (demo)',
    kind: 'ci_operator',
    provinceCode: '14',
    sectors: ['HEALTH'],
    securityLevel: 3,
    domain: 'bvdk-taybac',
  },
  {
    key: 'health-hoasua',
    parentKey: 'reg-health-it',
    name: 'Bệnh viện Nhi Hoa Sữa (demo)',
    nameEn: 'Hoa Sua Children’s Hospital (demo)',
    kind: 'ci_operator',
    provinceCode: '79',
    sectors: ['HEALTH'],
    securityLevel: 3,
    domain: 'bvnhi-hoasua',
  },
  {
    key: 'health-ehr',
    parentKey: 'min-health',
    name: 'Trung tâm Dữ liệu Hồ sơ Sức khỏe Điện tử (demo)',
    nameEn: 'Electronic Health Records Data Centre (demo)',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['HEALTH'],
    securityLevel: 4,
    domain: 'hoso-suckhoe',
  },
  // CULTURE
  {
    key: 'cult-codo',
    parentKey: 'min-culture',
    name: 'Trung tâm Bảo tồn Di sản Số Cố đô (demo)',
    nameEn: 'Ancient Capital Digital Heritage Conservation Centre (demo)',
    kind: 'ci_operator',
    provinceCode: '46',
    sectors: ['CULTURE'],
    securityLevel: 2,
    domain: 'disanso-codo',
  },
  {
    key: 'cult-library',
    parentKey: 'min-culture',
    name: 'Thư viện Số Quốc gia (demo)',
    nameEn: 'National Digital Library (demo)',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['CULTURE', 'EDUCATION'],
    securityLevel: 2,
    domain: 'thuvienso',
  },
  {
    key: 'cult-dienbien',
    parentKey: 'prov-11',
    name: 'Trung tâm Văn hóa – Du lịch Số tỉnh Điện Biên (demo)',
    nameEn: 'Dien Bien Provincial Digital Culture and Tourism Centre (demo)',
    kind: 'ci_operator',
    provinceCode: '11',
    sectors: ['CULTURE'],
    securityLevel: 2,
    domain: 'vanhoaso-dienbien',
  },
  // PRESS
  {
    key: 'press-tinnhanh',
    parentKey: 'reg-press',
    name: 'Báo điện tử Tin Nhanh Phương Bắc (demo)',
    nameEn: 'Northern Express News Online (demo)',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['PRESS'],
    securityLevel: 3,
    domain: 'tinnhanh-phuongbac',
  },
  {
    key: 'press-dongbang',
    parentKey: 'reg-press',
    name: 'Đài Phát thanh – Truyền hình Vùng Đồng bằng (demo)',
    nameEn: 'Delta Regional Radio and Television (demo)',
    kind: 'ci_operator',
    provinceCode: '82',
    sectors: ['PRESS'],
    securityLevel: 3,
    domain: 'ptth-dongbang',
  },
  // EGOV
  {
    key: 'egov-portal',
    parentKey: 'min-sci',
    name: 'Cổng Dịch vụ công Hợp nhất (demo)',
    nameEn: 'Unified Public Service Portal (demo)',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['EGOV'],
    securityLevel: 4,
    domain: 'dichvucong-hopnhat',
  },
  {
    key: 'egov-hcc-40',
    parentKey: 'prov-40',
    name: 'Trung tâm Phục vụ Hành chính Công tỉnh Nghệ An (demo)',
    nameEn: 'Nghe An Provincial Public Administration Service Centre (demo)',
    kind: 'ci_operator',
    provinceCode: '40',
    sectors: ['EGOV'],
    securityLevel: 3,
    domain: 'hcc-nghean',
  },
  {
    key: 'egov-ioc-48',
    parentKey: 'prov-48',
    name: 'Trung tâm Điều hành Đô thị Thông minh thành phố Đà Nẵng (demo)',
    nameEn: 'Da Nang City Smart City Operations Centre (demo)',
    kind: 'ci_operator',
    provinceCode: '48',
    sectors: ['EGOV'],
    securityLevel: 3,
    domain: 'ioc-danang',
  },
  {
    key: 'egov-dc-79',
    parentKey: 'prov-79',
    name: 'Trung tâm Dữ liệu thành phố Hồ Chí Minh (demo)',
    nameEn: 'Ho Chi Minh City Data Centre (demo)',
    kind: 'ci_operator',
    provinceCode: '79',
    sectors: ['EGOV'],
    securityLevel: 4,
    domain: 'dulieu-hochiminh',
  },
  // DEFENCE_SECURITY (diplomacy)
  {
    key: 'dip-infra',
    parentKey: 'min-foreign',
    name: 'Trung tâm Hạ tầng Số Đối ngoại (demo)',
    nameEn: 'External Relations Digital Infrastructure Centre (demo)',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['DEFENCE_SECURITY'],
    securityLevel: 5,
    domain: 'hatangso-doingoai',
  },
  // EDUCATION
  {
    key: 'edu-testing',
    parentKey: 'min-edu',
    name: 'Trung tâm Khảo thí và Dữ liệu Giáo dục (demo)',
    nameEn: 'Education Testing and Data Centre (demo)',
    kind: 'ci_operator',
    provinceCode: '01',
    sectors: ['EDUCATION'],
    securityLevel: 3,
    domain: 'khaothi-dulieu',
  },
  {
    key: 'edu-songlam',
    parentKey: 'min-edu',
    name: 'Trường Đại học Kỹ thuật Sông Lam (demo)',
    nameEn: 'Song Lam University of Technology (demo)',
    kind: 'ci_operator',
    provinceCode: '40',
    sectors: ['EDUCATION'],
    securityLevel: 2,
    domain: 'dhkt-songlam',
  },
  // ECOMMERCE
  {
    key: 'ecom-chophien',
    parentKey: 'min-ind',
    name: 'Công ty Cổ phần Sàn Thương mại Điện tử Chợ Phiên (demo)',
    nameEn: 'Cho Phien E-Commerce Marketplace JSC (demo)',
    kind: 'ci_operator',
    provinceCode: '79',
    sectors: ['ECOMMERCE'],
    securityLevel: 3,
    domain: 'chophien',
  },
  // MANUFACTURING
  {
    key: 'mfg-kinhbac',
    parentKey: 'prov-24',
    name: 'Công ty TNHH Điện tử Chính xác Kinh Bắc (demo)',
    nameEn: 'Kinh Bac Precision Electronics Co., Ltd. (demo)',
    kind: 'ci_operator',
    provinceCode: '24',
    sectors: ['MANUFACTURING'],
    securityLevel: 3,
    domain: 'dientu-kinhbac',
  },
  {
    key: 'mfg-deongang',
    parentKey: 'min-ind',
    name: 'Công ty Cổ phần Thép Đèo Ngang (demo)',
    nameEn: 'Deo Ngang Steel JSC (demo)',
    kind: 'ci_operator',
    provinceCode: '42',
    sectors: ['MANUFACTURING'],
    securityLevel: 3,
    domain: 'thep-deongang',
  },
  {
    key: 'mfg-songday',
    parentKey: 'prov-37',
    name: 'Tổng công ty Dệt may Sông Đáy (demo)',
    nameEn: 'Song Day Textile and Garment Corporation (demo)',
    kind: 'ci_operator',
    provinceCode: '37',
    sectors: ['MANUFACTURING'],
    securityLevel: 2,
    domain: 'detmay-songday',
  },
  {
    key: 'mfg-hungyen',
    parentKey: 'prov-33',
    name: 'Công ty Cổ phần Cơ khí Chế tạo Phố Hiến (demo)',
    nameEn: 'Pho Hien Engineering and Machinery JSC (demo)',
    kind: 'ci_operator',
    provinceCode: '33',
    sectors: ['MANUFACTURING'],
    securityLevel: 2,
    domain: 'cokhi-phohien',
  },
  // OTHER
  {
    key: 'other-daomay',
    parentKey: 'prov-22',
    name: 'Tập đoàn Du lịch Nghỉ dưỡng Đảo Mây (demo)',
    nameEn: 'Dao May Resorts Group (demo)',
    kind: 'ci_operator',
    provinceCode: '22',
    sectors: ['OTHER'],
    securityLevel: 2,
    domain: 'nghiduong-daomay',
  },
  {
    key: 'other-canhdongvang',
    parentKey: 'prov-91',
    name: 'Công ty Cổ phần Nông nghiệp Thông minh Cánh Đồng Vàng (demo)',
    nameEn: 'Canh Dong Vang Smart Agriculture JSC (demo)',
    kind: 'ci_operator',
    provinceCode: '91',
    sectors: ['OTHER'],
    securityLevel: 2,
    domain: 'nongnghiep-canhdongvang',
  },
];

const SOC_PROVIDERS: readonly Spec[] = [
  {
    key: 'soc-thachsanh',
    parentKey: 'ncc',
    name: 'Công ty Cổ phần An ninh Mạng Thạch Sanh (demo)',
    nameEn: 'Thach Sanh Cybersecurity JSC (demo)',
    shortName: 'TS-SOC',
    kind: 'soc_provider',
    provinceCode: '01',
    sectors: ['TELECOM'],
    securityLevel: null,
    domain: 'thachsanh-soc',
    socClientKeys: [
      'bank-sgb',
      'pay-anhduong',
      'tel-canhdieu',
      'egov-portal',
      'health-ehr',
      'press-tinnhanh',
      'fin-haiau',
      'ag-tax',
    ],
  },
  {
    key: 'soc-khienxanh',
    parentKey: 'ncc',
    name: 'Công ty TNHH Giám sát An toàn Thông tin Khiên Xanh (demo)',
    nameEn: 'Khien Xanh Security Monitoring Co., Ltd. (demo)',
    shortName: 'KX-SOC',
    kind: 'soc_provider',
    provinceCode: '79',
    sectors: ['TELECOM'],
    securityLevel: null,
    domain: 'khienxanh-soc',
    socClientKeys: [
      'bank-svb',
      'ewallet-hatthoc',
      'ecom-chophien',
      'tel-mayngan',
      'health-hoasua',
      'egov-dc-79',
      'fin-ankhang',
    ],
  },
  {
    key: 'soc-haidang',
    parentKey: 'ncc',
    name: 'Công ty Cổ phần Dịch vụ SOC Hải Đăng Số (demo)',
    nameEn: 'Hai Dang So SOC Services JSC (demo)',
    shortName: 'HD-SOC',
    kind: 'soc_provider',
    provinceCode: '48',
    sectors: ['TELECOM'],
    securityLevel: null,
    domain: 'haidang-soc',
    socClientKeys: ['air-cuabien', 'tel-ixp', 'egov-ioc-48', 'water-thanhnoi', 'cult-codo', 'fin-commodity'],
  },
  {
    key: 'soc-canhcung',
    parentKey: 'ncc',
    name: 'Công ty TNHH An ninh Công nghiệp Cánh Cung (demo)',
    nameEn: 'Canh Cung Industrial Security Co., Ltd. (demo)',
    shortName: 'CC-OTSOC',
    kind: 'soc_provider',
    provinceCode: '24',
    sectors: ['MANUFACTURING', 'ENERGY'],
    securityLevel: null,
    domain: 'canhcung-otsoc',
    socClientKeys: [
      'mfg-kinhbac',
      'chem-doithong',
      'energy-cattrang',
      'mfg-deongang',
      'chem-bientay',
      'water-songhau',
      'energy-mietvuon',
    ],
  },
];

const RESPONSE_TEAMS: readonly Spec[] = [
  {
    key: 'rt-bank',
    parentKey: 'reg-bank',
    name: 'Đội Ứng cứu Sự cố Máy tính Ngành Ngân hàng (demo)',
    nameEn: 'Banking Sector Computer Incident Response Team (demo)',
    shortName: 'BANK-CSIRT',
    kind: 'response_team',
    provinceCode: '01',
    sectors: ['BANKING', 'FINANCE'],
    securityLevel: 3,
    domain: 'csirt-nganhang',
  },
  {
    key: 'rt-south',
    parentKey: 'ncc',
    name: 'Đội Ứng cứu Nhanh Khu vực Phía Nam (demo)',
    nameEn: 'Southern Region Rapid Response Team (demo)',
    shortName: 'SRRT',
    kind: 'response_team',
    provinceCode: '79',
    sectors: [],
    securityLevel: 3,
    domain: 'ungcuu-phianam',
  },
];

// ---------------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------------

const PROVINCE_BY_CODE: ReadonlyMap<string, Province> = new Map(PROVINCES.map((p) => [p.code, p]));

function expand(spec: Spec): DemoOrg {
  const rand = prng(hash32(spec.key));
  const province = PROVINCE_BY_CODE.get(spec.provinceCode);
  if (!province) throw new Error(`demo org ${spec.key}: unknown province ${spec.provinceCode}`);
  const domain = `${spec.domain}.example.vn`;

  const [primaryPositions, secondaryPositions] = POSITIONS[spec.kind];
  const count = TWO_CONTACTS.has(spec.kind) || rand() < 0.5 ? 2 : 1;
  const focalPoints: DemoOrg['focalPoints'] = [];
  const usedMailboxes = new Set<string>();
  for (let i = 0; i < count; i++) {
    const p = person(rand);
    let box = mailbox(p);
    while (usedMailboxes.has(box)) box += String(usedMailboxes.size + 1);
    usedMailboxes.add(box);
    focalPoints.push({
      name: `${p.family} ${p.middle} ${p.given}`,
      position: pick(rand, i === 0 ? primaryPositions : secondaryPositions),
      phone: phone(rand, spec.provinceCode),
      email: `${box}@${domain}`,
      available247: i === 0 ? true : rand() < 0.6,
      isPrimary: i === 0,
    });
  }

  const address = `Số ${1 + Math.floor(rand() * 250)} đường ${pick(rand, STREETS)}, ${unitLabel(province)}`;

  return {
    key: spec.key,
    parentKey: spec.parentKey,
    name: spec.name,
    nameEn: spec.nameEn,
    shortName: spec.shortName ?? null,
    kind: spec.kind,
    provinceCode: spec.provinceCode,
    sectors: [...spec.sectors],
    securityLevel: spec.securityLevel,
    website: `https://${domain}`,
    incidentReceptionEmail: spec.kind === 'soc_provider' ? `soc@${domain}` : `ungcuu@${domain}`,
    address,
    focalPoints,
    socClientKeys: [...(spec.socClientKeys ?? [])],
  };
}

/**
 * The demo network: one coordination centre, ministries and regulators under it, a unit for each
 * of the 34 provinces, critical-infrastructure operators in all 17 sectors, agencies, SOC providers
 * and response teams. Pure and deterministic; parents always precede their children.
 */
export function buildDemoNetwork(): DemoOrg[] {
  const specs: Spec[] = [
    CENTRE,
    ...MINISTRIES,
    ...REGULATORS,
    ...provinceUnits(),
    ...AGENCIES,
    ...CI_OPERATORS,
    ...SOC_PROVIDERS,
    ...RESPONSE_TEAMS,
  ];
  return specs.map(expand);
}
