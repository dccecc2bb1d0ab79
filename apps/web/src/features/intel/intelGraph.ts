import { use, type ComposeOption } from 'echarts/core';
import { GraphChart, type GraphSeriesOption } from 'echarts/charts';
import { LegendComponent, TooltipComponent, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import type { IntelObjectDetail } from '@lachan/contracts';

use([GraphChart, TooltipComponent, LegendComponent]);

/** The ECharts options of the relationship graph. */
export type IntelGraphOption = ComposeOption<GraphSeriesOption | TooltipComponentOption | LegendComponentOption>;

/**
 * The object at the centre and its related objects, one category per STIX type (so the legend reads as
 * a key of types); edges carry the relationship type as their label.
 */
export function relationshipGraph(d: IntelObjectDetail, typeLabel: (type: string) => string): IntelGraphOption {
  const types = [...new Set(d.nodes.map((n) => n.type))];
  return {
    tooltip: { trigger: 'item' },
    legend: { data: types.map(typeLabel), bottom: 0, textStyle: { fontSize: 10 }, itemWidth: 10, itemHeight: 10 },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 260, edgeLength: 110, layoutAnimation: false },
        zoom: 1.3,
        categories: types.map((t) => ({ name: typeLabel(t) })),
        label: { show: true, position: 'right', fontSize: 10, width: 160, overflow: 'truncate' },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 6,
        edgeLabel: { show: d.edges.length <= 40, fontSize: 9, formatter: (p) => String((p.data as { relationship?: string }).relationship ?? '') },
        data: d.nodes.map((n) => ({ id: n.id, name: n.name, category: types.indexOf(n.type), symbolSize: n.id === d.id ? 26 : 14, value: typeLabel(n.type) })),
        links: d.edges.map((e) => ({ source: e.source, target: e.target, relationship: e.relationshipType })),
        lineStyle: { opacity: 0.6, width: 1, curveness: 0.1 },
      },
    ],
  };
}

/** A related object seen from the centre: which way the relationship points and what is at its other end. */
export interface RelationRow { edgeId: string; direction: 'out' | 'in'; relationshipType: string; other: IntelObjectDetail['nodes'][number] }

/** The relationships as rows of a list, outgoing first, then by type and name. */
export function relationRows(d: IntelObjectDetail): RelationRow[] {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  return d.edges
    .map((e): RelationRow | null => {
      const out = e.source === d.id;
      const other = byId.get(out ? e.target : e.source);
      return other ? { edgeId: e.id, direction: out ? 'out' : 'in', relationshipType: e.relationshipType, other } : null;
    })
    .filter((r): r is RelationRow => r !== null)
    .sort((a, b) => a.direction.localeCompare(b.direction) * -1 || a.relationshipType.localeCompare(b.relationshipType) || a.other.name.localeCompare(b.other.name));
}

/** A link for an external reference: its own URL, or ATT&CK's page for a technique / group / software id. */
export function referenceUrl(r: { source_name?: string; external_id?: string; url?: string }): string | null {
  if (r.url) return r.url;
  const id = r.external_id ?? '';
  if (r.source_name === 'mitre-attack' || /^T\d{4}(\.\d{3})?$/.test(id)) {
    if (/^T\d{4}(\.\d{3})?$/.test(id)) return `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
    if (/^G\d{4}$/.test(id)) return `https://attack.mitre.org/groups/${id}/`;
    if (/^S\d{4}$/.test(id)) return `https://attack.mitre.org/software/${id}/`;
    if (/^TA\d{4}$/.test(id)) return `https://attack.mitre.org/tactics/${id}/`;
  }
  return null;
}
