import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import { hiddenText } from '../../lib/memberCount.ts';
import type { CampaignDetail } from '@lachan/contracts';
import { EChart } from '../dashboard/EChart.tsx';
import { useOrgLabels } from '../orgs/useOrgLabels.ts';
import { useOrgName } from '../orgs/useOrgName.ts';
import { useCampaignTitle } from './campaignTitle.ts';
import { campaignGraph, graphOption, type CampaignChartOption } from './campaignCharts.ts';

/** Organisations (hidden ones grouped by sector) and the indicator values that link them. */
export function CampaignGraph({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const labels = useOrgLabels();
  const fmt = useFormat();
  const title = useCampaignTitle();
  const nameOf = useOrgName();
  const option = useMemo(() => {
    const graph = campaignGraph(campaign, (hidden, sector) => t('campaigns.hiddenGroup', { n: hiddenText(hidden, t, fmt.number), sector: labels.sector(sector) }), { title: title(campaign), org: nameOf });
    return graphOption(graph, [t('campaigns.title'), t('campaigns.orgsTitle'), t('campaigns.orgsTitle'), t('campaigns.evidence')]);
  }, [campaign, labels, t, fmt, title, nameOf]);
  return <EChart<CampaignChartOption> option={option} height={360} label={t('campaigns.graph')} testId="campaign-graph" />;
}
