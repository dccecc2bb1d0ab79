import type { Ref } from 'react';
import { Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, ORG_STATUSES } from '@lachan/contracts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useOrgLabels } from './useOrgLabels.ts';
import type { useDirectoryFilters } from './useDirectoryFilters.ts';

type Directory = ReturnType<typeof useDirectoryFilters>;

/** Search box (diacritics ignored) and sector, province, kind and status filters of the directory. */
export function OrgFilterBar({ directory, ref }: { directory: Directory; ref?: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  const labels = useOrgLabels();
  const { raw, set, narrowing, reset } = directory;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <SearchInput ref={ref} w={280} label={t('orgs.search')} placeholder={t('orgs.searchPlaceholder')} value={raw.q} onChange={(q) => set('q', q)} testId="org-search" />
      <FilterSelect w={200} label={t('orgs.filters.sector')} data={labels.sectorOptions} value={raw.sector} onChange={(v) => set('sector', v)} searchable testId="org-filter-sector" />
      <FilterSelect w={200} label={t('orgs.filters.province')} data={labels.provinceOptions} value={raw.province} onChange={(v) => set('province', v)} searchable testId="org-filter-province" />
      <FilterSelect w={190} label={t('orgs.filters.kind')} data={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))} value={raw.kind} onChange={(v) => set('kind', v)} testId="org-filter-kind" />
      <Select
        size="xs"
        w={150}
        aria-label={t('orgs.filters.status')}
        data={[...ORG_STATUSES.map((s) => ({ value: s, label: t(`orgStatus.${s}`) })), { value: 'all', label: t('orgs.filters.allStatuses') }]}
        value={raw.status}
        onChange={(v) => set('status', v)}
        allowDeselect={false}
        data-testid="org-filter-status"
      />
      {narrowing && (
        <Button size="xs" variant="subtle" onClick={reset}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
