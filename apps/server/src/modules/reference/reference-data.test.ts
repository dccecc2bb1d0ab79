import { describe, it, expect } from 'vitest';
import { PROVINCES } from './provinces.data.ts';
import { SECTORS } from './sectors.data.ts';

describe('PROVINCES', () => {
  it('has 34 units with unique two-digit codes', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
    for (const p of PROVINCES) expect(p.code).toMatch(/^\d{2}$/);
  });

  it('has the 6 cities of July 2025', () => {
    const cities = PROVINCES.filter((p) => p.type === 'city').map((p) => p.nameVi);
    expect(cities.sort()).toEqual(['Cần Thơ', 'Hà Nội', 'Hải Phòng', 'Huế', 'Hồ Chí Minh', 'Đà Nẵng'].sort());
  });

  it('uses the Decision 19/2025 codes', () => {
    const code = (nameVi: string) => PROVINCES.find((p) => p.nameVi === nameVi)?.code;
    expect(code('Hà Nội')).toBe('01');
    expect(code('Hồ Chí Minh')).toBe('79');
    expect(code('Đà Nẵng')).toBe('48');
  });

  it('has 11 unchanged and 23 merged units covering the 63 former units', () => {
    expect(PROVINCES.filter((p) => p.formedFrom.length === 0)).toHaveLength(11);
    const merged = PROVINCES.filter((p) => p.formedFrom.length > 0);
    expect(merged).toHaveLength(23);
    for (const p of merged) {
      expect(p.seat).not.toBeNull();
      for (const f of p.formedFrom) expect(f).toMatch(/ \(\d{2}\)$/);
    }
    expect(11 + merged.reduce((n, p) => n + p.formedFrom.length, 0)).toBe(63);
  });

  it('has display orders 1..34 with the Ministry of Home Affairs anchors', () => {
    expect(PROVINCES.map((p) => p.displayOrder).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 34 }, (_, i) => i + 1),
    );
    const order = (nameVi: string) => PROVINCES.find((p) => p.nameVi === nameVi)?.displayOrder;
    expect(order('Hà Nội')).toBe(1);
    expect(order('Bắc Ninh')).toBe(2);
    expect(order('Quảng Ninh')).toBe(3);
    expect(order('Hải Phòng')).toBe(4);
    expect(order('Hồ Chí Minh')).toBe(29);
    expect(order('Cà Mau')).toBe(34);
  });
});

describe('SECTORS', () => {
  it('has 17 sectors with unique, well-formed codes', () => {
    expect(SECTORS).toHaveLength(17);
    expect(new Set(SECTORS.map((s) => s.code)).size).toBe(17);
    for (const s of SECTORS) {
      expect(s.code).toMatch(/^[A-Z][A-Z0-9_]{1,39}$/);
      expect(s.active).toBe(true);
    }
  });

  it('marks only the Art. 10 sectors as statutory', () => {
    const statutory = SECTORS.filter((s) => s.statutory).map((s) => s.code);
    expect(statutory).not.toContain('EGOV');
    expect(statutory).not.toContain('MANUFACTURING');
    expect(statutory).not.toContain('WATER');
    expect(statutory).toContain('BANKING');
    expect(statutory).toContain('ENERGY');
  });
});
