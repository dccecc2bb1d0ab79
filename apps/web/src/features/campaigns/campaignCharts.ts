import { use, type ComposeOption } from 'echarts/core';
import { GraphChart, ScatterChart, type GraphSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { shownCount, type CampaignDetail, type HiddenCount, type MemberCount } from '@lachan/contracts';
import { atLeast, exactTotal } from '../../lib/memberCount.ts';

use([GraphChart, ScatterChart, GridComponent, TooltipComponent]);

/** The ECharts options the campaign page draws. */
export type CampaignChartOption = ComposeOption<GraphSeriesOption | ScatterSeriesOption | GridComponentOption | TooltipComponentOption>;

/** A node of the campaign graph: the campaign, an organisation, a group of hidden ones, or an indicator value. */
export interface GraphNode {
  id: string;
  name: string;
  category: 0 | 1 | 2 | 3;
  value: number;
}

const weight = shownCount;

/** Whether a value is carried by every member: only when both counts are known exactly. */
function everyMember(e: MemberCount, c: MemberCount): boolean {
  const all = exactTotal(c);
  return all !== null && exactTotal(e) === all;
}

/**
 * Organisations and the indicators they share. Hidden members appear as one node per sector ("N
 * organisations in sector S", "fewer than 3" when the server withholds a small count). The detail says
 * how many members carry each evidence value, not which: a value every member carries (known exactly)
 * links to each of them; any other links to the campaign node, weighted by its count, so no edge claims
 * a link the data does not show.
 */
export function campaignGraph(
  c: CampaignDetail,
  hiddenLabel: (hidden: HiddenCount, sector: string) => string,
  /** The campaign's title and organisation names as the reader reads them (as stored by default). */
  worded: { title: string; org: (id: string, name: string) => string } = { title: c.title, org: (_id, name) => name },
): { nodes: GraphNode[]; links: { source: string; target: string; value: number }[] } {
  const hub: GraphNode = { id: 'campaign', name: worded.title, category: 0, value: weight(c.members) };
  const orgs: GraphNode[] = c.orgs.map((o) => ({ id: `org:${o.id}`, name: worded.org(o.id, o.name), category: 1, value: 1 }));
  const hidden: GraphNode[] = c.bySector.filter((s) => s.hidden !== 0).map((s) => ({ id: `hidden:${s.key}`, name: hiddenLabel(s.hidden, s.key), category: 2, value: atLeast(s.hidden) }));
  const members = [...orgs, ...hidden];
  const evidence: GraphNode[] = c.evidence.map((e) => ({ id: `ev:${e.kind}:${e.value}`, name: e.value, category: 3, value: weight(e.members) }));
  const links = [
    ...members.map((m) => ({ source: hub.id, target: m.id, value: m.value })),
    ...c.evidence.flatMap((e) => {
      const id = `ev:${e.kind}:${e.value}`;
      return everyMember(e.members, c.members) ? members.map((m) => ({ source: id, target: m.id, value: weight(e.members) })) : [{ source: id, target: hub.id, value: weight(e.members) }];
    }),
  ];
  return { nodes: [hub, ...members, ...evidence], links };
}

/** The force-directed graph option for `campaignGraph`'s nodes and links. */
export function graphOption(graph: ReturnType<typeof campaignGraph>, categories: string[]): CampaignChartOption {
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        // laid out before the first paint, so the graph opens settled and centred
        force: { repulsion: 220, edgeLength: 90, layoutAnimation: false },
        zoom: 1.4,
        categories: categories.map((name) => ({ name })),
        label: { show: true, position: 'right', fontSize: 10, width: 160, overflow: 'truncate' },
        data: graph.nodes.map((n) => ({ ...n, symbolSize: n.category === 0 ? 22 : n.category === 3 ? 10 : 14 + Math.min(n.value, 10), symbol: n.category === 3 ? 'diamond' : 'circle' })),
        links: graph.links,
        lineStyle: { opacity: 0.5, width: 1 },
      },
    ],
  };
}

/** Scatter of member alerts by last activity (x) and severity (y), one point per alert. */
export function timelineOption(c: CampaignDetail, orgName: (id: string) => string): CampaignChartOption {
  return {
    grid: { left: 32, right: 12, top: 8, bottom: 24 },
    // the third value of each point is its label: alert title and organisation
    tooltip: { trigger: 'item', formatter: (p) => (Array.isArray(p) ? '' : String((p.data as unknown[])[2])) },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', min: 0.5, max: 4.5, interval: 1 },
    series: [{ type: 'scatter', symbolSize: 9, data: c.alerts.map((a) => [a.lastSeen, a.severity, `${a.title} · ${orgName(a.orgId)}`]) }],
  };
}
