import type { OrgKind, Province } from '@lachan/contracts';
import { PROVINCES } from '../reference/index.ts';
import type { Spec } from './demo-network/spec.ts';
import { AGENCIES, CENTRE, MINISTRIES, REGULATORS } from './demo-network/government.ts';
import { INFRASTRUCTURE_OPERATORS } from './demo-network/operators-infrastructure.ts';
import { SERVICE_OPERATORS } from './demo-network/operators-services.ts';
import { RESPONSE_TEAMS, SOC_PROVIDERS } from './demo-network/providers.ts';

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

const CI_OPERATORS: readonly Spec[] = [...INFRASTRUCTURE_OPERATORS, ...SERVICE_OPERATORS];

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
