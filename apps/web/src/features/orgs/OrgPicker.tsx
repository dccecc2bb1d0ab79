import { useMemo } from 'react';
import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgKind } from '@lachan/contracts';
import { foldText } from '../../lib/text.ts';
import { indexOrgs } from './orgTree.ts';
import { useOrgDirectory } from './orgs.api.ts';

interface OrgPickerProps {
  label?: string;
  placeholder?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** Ids that may not be chosen (the org itself, its descendants). */
  exclude?: ReadonlySet<string>;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  /** Only organisations of these kinds (e.g. the teams support may be asked of). */
  kinds?: readonly OrgKind[];
  /** Include retired and merged organisations (filters want them, targets do not). */
  includeInactive?: boolean;
  size?: 'xs' | 'sm';
  testId?: string;
}

/** Diacritic-insensitive option filter, so "ha noi" finds "Hà Nội". */
export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const q = foldText(search);
  if (!q) return options;
  return options.filter((o) => 'label' in o && foldText((o as ComboboxItem).label).includes(q));
};

/** A searchable organisation select fed by the directory (GET /orgs). */
export function OrgPicker({ label, placeholder, value, onChange, exclude, error, required, clearable = true, kinds, includeInactive, size = 'sm', testId }: OrgPickerProps) {
  const { t } = useTranslation();
  const directory = useOrgDirectory();
  const data = useMemo(() => {
    const orgs = directory.data?.items ?? [];
    const { roots, children } = indexOrgs(orgs.filter((o) => includeInactive || o.status === 'active' || o.id === value));
    const out: ComboboxItem[] = [];
    // tree order, so a province's units follow it
    const walk = (list: typeof roots) => {
      for (const org of list) {
        if (!exclude?.has(org.id) && (!kinds || kinds.includes(org.kind))) out.push({ value: org.id, label: org.shortName ? `${org.name} (${org.shortName})` : org.name });
        walk(children.get(org.id) ?? []);
      }
    };
    walk(roots);
    return out;
  }, [directory.data, exclude, kinds, includeInactive, value]);

  return (
    <Select
      label={label}
      placeholder={placeholder ?? t('orgs.pickerPlaceholder')}
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      searchable
      clearable={clearable}
      required={required}
      error={error}
      filter={foldedFilter}
      limit={200}
      nothingFoundMessage={t('common.nothingFound')}
      disabled={directory.isPending}
      size={size}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
