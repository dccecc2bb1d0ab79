import { Component, lazy, Suspense, useState, type ReactNode } from 'react';
import { Anchor, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MapRegion } from './mapModel.ts';

const GeoProvinceMap = lazy(() => import('./GeoProvinceMap.tsx').then((m) => ({ default: m.GeoProvinceMap })));

const VIEW_KEY = 'lachan.provinceView';
type View = 'map' | 'tiles';
const storedView = (): View => (localStorage.getItem(VIEW_KEY) === 'tiles' ? 'tiles' : 'map');

/** Shows `fallback` when the map chunk cannot be loaded or drawn (offline, an old browser). */
class MapBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * The provinces as a geographic map (the default) or as the tile grid, which the reader may choose
 * instead (it is a list of keyboard-reachable links) and which stands in while the map loads or when it
 * cannot. The boundaries' source is credited under the map.
 */
export function ProvinceMap({ regions, tiles, linkTo, selected, height = 420, label }: { regions: MapRegion[]; tiles: ReactNode; linkTo?: (code: string) => string; selected?: string | undefined; height?: number; label?: string }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>(storedView);
  const choose = (v: string) => {
    setView(v as View);
    localStorage.setItem(VIEW_KEY, v);
  };
  return (
    <Stack gap={6} data-testid="province-view" data-view={view}>
      <Group justify="flex-end">
        <SegmentedControl size="xs" value={view} onChange={choose} data-testid="province-view-switch"
          data={[{ value: 'map', label: t('map.switchToMap') }, { value: 'tiles', label: t('map.switchToGrid') }]} />
      </Group>
      {view === 'tiles' ? tiles : (
        <MapBoundary fallback={tiles}>
          <Suspense fallback={tiles}>
            <GeoProvinceMap regions={regions} height={height} label={label ?? t('map.label')} linkTo={linkTo} selected={selected} />
            <Text size="xs" c="dimmed" data-testid="map-credit">
              <Anchor href="https://github.com/thanglequoc/vietnamese-provinces-database" target="_blank" rel="noopener" size="xs" c="dimmed">
                {t('map.credit')}
              </Anchor>
            </Text>
          </Suspense>
        </MapBoundary>
      )}
    </Stack>
  );
}
