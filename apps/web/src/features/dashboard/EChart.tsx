import { useEffect, useRef } from 'react';
import { init, use, type ComposeOption, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// only what the dashboard draws, so the chart chunk stays small
use([LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

/** The ECharts options the dashboard uses. */
export type ChartOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/**
 * An ECharts chart that follows its container's width; `label` names it for screen readers. Other modules
 * register the series they draw with `use` and pass their own option type.
 */
export function EChart<O extends EChartsCoreOption = ChartOption>({ option, height, label, testId }: { option: O; height: number; label: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    const el = ref.current!;
    const c = init(el, undefined, { renderer: 'svg' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={ref} style={{ height, width: '100%' }} role="img" aria-label={label} data-testid={testId} />;
}
