import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useProvinces, useSectors } from './orgs.api.ts';

/** Display names of provinces and sectors in the current language (codes until the lists load). */
export function useOrgLabels() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { data: provinces = [] } = useProvinces();
  const { data: sectors = [] } = useSectors();
  return useMemo(() => {
    const provinceNames = new Map(provinces.map((p) => [p.code, en ? p.nameEn : p.nameVi]));
    const sectorNames = new Map(sectors.map((s) => [s.code, en ? s.nameEn : s.nameVi]));
    return {
      provinces,
      sectors,
      province: (code: string | null) => (code ? (provinceNames.get(code) ?? code) : '—'),
      sector: (code: string) => sectorNames.get(code) ?? code,
      provinceOptions: provinces.map((p) => ({ value: p.code, label: en ? p.nameEn : p.nameVi })),
      sectorOptions: sectors
        .filter((s) => s.active)
        .map((s) => ({ value: s.code, label: en ? s.nameEn : s.nameVi }))
        .sort((a, b) => a.label.localeCompare(b.label, en ? 'en' : 'vi')),
    };
  }, [provinces, sectors, en]);
}
