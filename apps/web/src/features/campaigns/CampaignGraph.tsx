import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '@lachan/contracts';
import { EChart } from '../dashboard/EChart.tsx';
import { useOrgLabels } from '../orgs/useOrgLabels.ts';
import { campaignGraph, graphOption, type CampaignChartOption } from './campaignCharts.ts';

/** Organisations (hidden ones grouped by sector) and the indicator values that link them. */
export function CampaignGraph({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const labels = useOrgLabels();
  const option = useMemo(() => {
    const graph = campaignGraph(campaign, (count, sector) => t('campaigns.hiddenGroup', { count, sector: labels.sector(sector) }));
    return graphOption(graph, [t('campaigns.title'), t('campaigns.orgsTitle'), t('campaigns.orgsTitle'), t('campaigns.evidence')]);
  }, [campaign, labels, t]);
  return <EChart<CampaignChartOption> option={option} height={360} label={t('campaigns.graph')} testId="campaign-graph" />;
}
