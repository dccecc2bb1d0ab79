/**
 * Tile-grid layout of the 34 provincial units (Decision 19/2025 codes), drawn offline: one square per
 * unit placed roughly where it lies, north at the top, so the country's S-shape stays recognisable
 * without shipping boundary files. Columns run west -> east (0-4), rows north -> south (0-16).
 */
export const PROVINCE_TILES: ReadonlyArray<{ code: string; row: number; col: number }> = [
  { code: '12', row: 0, col: 1 }, // Lai Châu
  { code: '15', row: 0, col: 2 }, // Lào Cai
  { code: '08', row: 0, col: 3 }, // Tuyên Quang
  { code: '04', row: 0, col: 4 }, // Cao Bằng
  { code: '11', row: 1, col: 0 }, // Điện Biên
  { code: '14', row: 1, col: 1 }, // Sơn La
  { code: '25', row: 1, col: 2 }, // Phú Thọ
  { code: '19', row: 1, col: 3 }, // Thái Nguyên
  { code: '20', row: 1, col: 4 }, // Lạng Sơn
  { code: '01', row: 2, col: 2 }, // Hà Nội
  { code: '24', row: 2, col: 3 }, // Bắc Ninh
  { code: '22', row: 2, col: 4 }, // Quảng Ninh
  { code: '37', row: 3, col: 2 }, // Ninh Bình
  { code: '33', row: 3, col: 3 }, // Hưng Yên
  { code: '31', row: 3, col: 4 }, // Hải Phòng
  { code: '38', row: 4, col: 2 }, // Thanh Hóa
  { code: '40', row: 5, col: 2 }, // Nghệ An
  { code: '42', row: 6, col: 3 }, // Hà Tĩnh
  { code: '44', row: 7, col: 3 }, // Quảng Trị
  { code: '46', row: 8, col: 3 }, // Huế
  { code: '48', row: 9, col: 4 }, // Đà Nẵng
  { code: '51', row: 10, col: 4 }, // Quảng Ngãi
  { code: '52', row: 11, col: 4 }, // Gia Lai
  { code: '66', row: 12, col: 4 }, // Đắk Lắk
  { code: '68', row: 13, col: 3 }, // Lâm Đồng
  { code: '56', row: 13, col: 4 }, // Khánh Hòa
  { code: '80', row: 14, col: 1 }, // Tây Ninh
  { code: '79', row: 14, col: 2 }, // Hồ Chí Minh
  { code: '75', row: 14, col: 3 }, // Đồng Nai
  { code: '91', row: 15, col: 0 }, // An Giang
  { code: '82', row: 15, col: 1 }, // Đồng Tháp
  { code: '86', row: 15, col: 2 }, // Vĩnh Long
  { code: '96', row: 16, col: 0 }, // Cà Mau
  { code: '92', row: 16, col: 1 }, // Cần Thơ
];

/** Size of the grid, for the CSS grid template. */
export const GRID_SIZE = {
  rows: Math.max(...PROVINCE_TILES.map((t) => t.row)) + 1,
  cols: Math.max(...PROVINCE_TILES.map((t) => t.col)) + 1,
};

/** Steps of the sequential colour scale (0 = no activity). */
export const ACTIVITY_LEVELS = 5;

/**
 * Colour step of a value on a square-root scale up to the busiest unit, so one hot province does not
 * wash every other one out to the palest step; any activity at all is at least step 1.
 */
export function activityLevel(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(ACTIVITY_LEVELS, Math.max(1, Math.ceil(Math.sqrt(value / max) * ACTIVITY_LEVELS)));
}
