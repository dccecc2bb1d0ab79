import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { init, registerMap, use, type ComposeOption } from 'echarts/core';
import { MapChart, type MapSeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import geo from './vn-provinces.json';
import { MAP_FILL, type MapRegion } from './mapModel.ts';

use([MapChart, TooltipComponent, SVGRenderer]);
registerMap('vn-provinces', geo as never);

type Option = ComposeOption<MapSeriesOption | TooltipComponentOption>;

/**
 * The 34 provinces drawn from their boundaries (July 2025, vietnamese-provinces-database, MIT), coloured
 * by level, each region naming itself in a tooltip and opening `linkTo` when clicked. Loaded on demand:
 * ECharts' map and the boundaries are their own chunk, never in the first page's bundle.
 */
export function GeoProvinceMap({ regions, height, label, linkTo, selected }: { regions: MapRegion[]; height: number; label: string; linkTo?: ((code: string) => string) | undefined; selected?: string | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const byCode = useRef(new Map<string, MapRegion>());
  byCode.current = new Map(regions.map((r) => [r.code, r]));
  const link = useRef(linkTo);
  link.current = linkTo;
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const el = ref.current!;
    const c = init(el, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (e) => {
      const to = link.current?.(String(e.name));
      if (to) navigate(to);
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [navigate]);

  // Redrawn when what it shows changes, not on every render of the page around it.
  const shown = `${selected ?? ''}|${regions.map((r) => `${r.code}:${r.level}:${r.text}`).join('|')}`;
  useEffect(() => {
    const option: Option = {
      tooltip: { trigger: 'item', formatter: (p) => byCode.current.get(String((p as { name: string }).name))?.text ?? '' },
      series: [{
        type: 'map', map: 'vn-provinces', nameProperty: 'code', roam: false, selectedMode: false, layoutCenter: ['50%', '50%'], layoutSize: '98%',
        itemStyle: { borderColor: '#868e96', borderWidth: 0.5, areaColor: MAP_FILL[0] },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd43b' } },
        label: { show: false },
        data: regions.map((r) => ({ name: r.code, value: r.level, itemStyle: { areaColor: MAP_FILL[r.level], ...(r.code === selected ? { borderColor: '#fd7e14', borderWidth: 2 } : {}) } })),
      }],
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [shown]);

  const levels = regions.map((r) => `${r.code}:${r.level}`).join(',');
  return <div ref={ref} style={{ height, width: '100%', cursor: linkTo ? 'pointer' : undefined }} role="img" aria-label={label} data-testid="province-geo" data-levels={levels} data-selected={selected} />;
}
