import { useState } from 'react';
import { Anchor, Button, Group, Progress, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable.tsx';
import { usePermission } from '../auth/auth.api.ts';
import { useCampaigns } from './assessments.api.ts';
import { DueBadge } from './DueBadge.tsx';
import { LaunchCampaignModal } from './LaunchCampaignModal.tsx';
import { TasksTable } from './TasksTable.tsx';

/** Assessment campaigns with their progress, and the tasks the user's organisation answers or reviews. */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const mayLaunch = usePermission('campaigns.manage');
  const campaigns = useCampaigns();
  const [launching, setLaunching] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">{t('assessments.title')}</Title>
        <Group gap="xs">
          <Button size="xs" variant="default" component={Link} to="/assessments/catalogues">{t('assessments.catalogue.title')}</Button>
          {mayLaunch && <Button size="xs" onClick={() => setLaunching(true)} data-testid="campaign-launch">{t('assessments.launch.open')}</Button>}
        </Group>
      </Group>
      <Tabs defaultValue="campaigns" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="campaigns">{t('assessments.tabs.campaigns')}</Tabs.Tab>
          <Tabs.Tab value="owner" data-testid="tab-owner">{t('assessments.tabs.owner')}</Tabs.Tab>
          <Tabs.Tab value="assessor" data-testid="tab-assessor">{t('assessments.tabs.assessor')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="campaigns" pt="sm">
          <ListTable
            query={campaigns}
            empty={t('assessments.campaigns.empty')}
            testId="assessment-campaigns"
            head={
              <>
                <Table.Th>{t('assessments.campaigns.col.title')}</Table.Th>
                <Table.Th w={240}>{t('assessments.campaigns.col.progress')}</Table.Th>
                <Table.Th w={180}>{t('assessments.campaigns.col.due')}</Table.Th>
              </>
            }
          >
            {(items) => items.map((c) => (
              <Table.Tr key={c.id} data-testid="assessment-campaign-row" data-id={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/assessments/campaigns/${c.id}`} size="sm" fw={500}>{c.title}</Anchor>
                  {c.description && <Text size="xs" c="dimmed" lineClamp={1}>{c.description}</Text>}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{t('assessments.campaigns.submittedOf', { submitted: c.submitted, tasks: c.tasks })}</Text>
                  <Progress size="sm" value={c.tasks ? (100 * c.submitted) / c.tasks : 0} color="teal" />
                </Table.Td>
                <Table.Td><DueBadge dueDate={c.dueDate} done={c.tasks > 0 && c.submitted === c.tasks} /></Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </Tabs.Panel>
        <Tabs.Panel value="owner" pt="sm"><TasksTable role="owner" /></Tabs.Panel>
        <Tabs.Panel value="assessor" pt="sm"><TasksTable role="assessor" /></Tabs.Panel>
      </Tabs>
      {launching && <LaunchCampaignModal onClose={() => setLaunching(false)} />}
    </Stack>
  );
}
