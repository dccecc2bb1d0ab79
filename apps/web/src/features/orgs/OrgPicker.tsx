import { useMemo } from 'react';
import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgKind } from '@lachan/contracts';
import { foldText } from '../../lib/text.ts';
import { indexOrgs } from './orgTree.ts';
import { useOrgDirectory } from './orgs.api.ts';
import { orgNameIn } from './useOrgName.ts';

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

/**
 * A searchable organisation select fed by the directory (GET /orgs): each organisation named in the reader's
 * language, found by its Vietnamese name, its English name or its short name, with or without diacritics.
 */
export function OrgPicker({ label, placeholder, value, onChange, exclude, error, required, clearable = true, kinds, includeInactive, size = 'sm', testId }: OrgPickerProps) {
  const { t, i18n } = useTranslation();
  const directory = useOrgDirectory();
  const lang = i18n.language;
  const { data, filter } = useMemo(() => {
    const orgs = directory.data?.items ?? [];
    const { roots, children } = indexOrgs(orgs.filter((o) => includeInactive || o.status === 'active' || o.id === value));
    const out: ComboboxItem[] = [];
    const searched = new Map<string, string>();
    // tree order, so a province's units follow it
    const walk = (list: typeof roots) => {
      for (const org of list) {
        if (!exclude?.has(org.id) && (!kinds || kinds.includes(org.kind))) {
          const name = orgNameIn(lang, org);
          out.push({ value: org.id, label: org.shortName ? `${name} (${org.shortName})` : name });
          searched.set(org.id, foldText([org.name, org.nameEn, org.shortName].filter(Boolean).join(' ')));
        }
        walk(children.get(org.id) ?? []);
      }
    };
    walk(roots);
    const byAnyName: OptionsFilter = ({ options, search }) => {
      const q = foldText(search);
      return q ? options.filter((o) => 'value' in o && (searched.get(o.value)?.includes(q) ?? false)) : options;
    };
    return { data: out, filter: byAnyName };
  }, [directory.data, exclude, kinds, includeInactive, value, lang]);

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
      filter={filter}
      limit={200}
      nothingFoundMessage={t('common.nothingFound')}
      disabled={directory.isPending}
      size={size}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
