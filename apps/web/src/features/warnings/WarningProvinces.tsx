import { useMemo } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section.tsx';
import { ProvinceTileMap } from '../dashboard/ProvinceTileMap.tsx';
import { useOrgLabels } from '../orgs/index.ts';
import { chosenRegions, PROVINCE_CODES, ProvinceMap } from '../map/index.ts';

/** The provinces a warning is addressed to, on the map (the tile grid as fallback); nationwide when it names none. */
export function WarningProvinces({ provinces }: { provinces: string[] }) {
  const { t } = useTranslation();
  const labels = useOrgLabels();
  const key = provinces.join(',');
  const regions = useMemo(
    () => chosenRegions(PROVINCE_CODES, provinces, (code, chosen) => t(chosen ? 'map.targetedTile' : 'map.notTargeted', { name: labels.province(code) })),
    [key, labels, t], // `key` stands for the list of provinces
  );
  const asCounts = provinces.map((code) => ({ key: code, alerts: 1, occurrences: 1 }));
  return (
    <Section title={t('map.targeted')} testId="warning-provinces">
      {provinces.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="warning-nationwide">
          {t('map.nationwide')}
        </Text>
      ) : (
        <ProvinceMap regions={regions} height={360} linkTo={(code) => `/dashboard/province/${code}`}
          tiles={<ProvinceTileMap byProvince={asCounts} name={(code) => labels.province(code)} linkTo={(code) => `/dashboard/province/${code}`}
            describe={(code, name) => t(provinces.includes(code) ? 'map.targetedTile' : 'map.notTargeted', { name })} />} />
      )}
    </Section>
  );
}
