import { useState } from 'react';
import { Accordion, Badge, Button, Grid, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail, IncidentReport, ReportContent, ReportKind } from '@lachan/contracts';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { Field } from '../../../components/Field.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { Section } from '../../../components/Section.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useIncidentPart } from '../incidents.api.ts';
import { ClocksCard } from './ClocksCard.tsx';
import { FileReportModal } from './FileReportModal.tsx';

/** What a report said, field by field (only what was filled). */
function ReportBody({ c }: { c: ReportContent }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const l = (key: string) => t(`incidents.report.fields.${key}` as 'incidents.report.fields.unitName');
  const rows: [string, string | undefined][] = [
    [l('unitName'), c.reportingUnit?.name],
    [l('fpName'), [c.focalPoint?.name, c.focalPoint?.phone, c.focalPoint?.email].filter(Boolean).join(' · ')],
    [l('sysName'), c.affectedSystem && `${c.affectedSystem.name}${c.affectedSystem.securityLevel ? ` (${t('incidents.report.level', { n: c.affectedSystem.securityLevel })})` : ''}`],
    [l('discoveredAt'), c.discoveredAt && fmt.dateTime(c.discoveredAt)],
    [l('status'), c.status && t(`incidents.report.statuses.${c.status}`)],
    [l('description'), c.description],
    [l('scopeImpact'), c.scopeImpact],
    [l('iocs'), c.iocs?.join(', ')],
    [l('actionsTaken'), c.actionsTaken],
    [l('supportRequested'), c.supportRequested],
    [t('incidents.reports.rootCause'), c.rootCause],
    [t('incidents.reports.lessons'), c.lessonsLearned],
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="xs">
      {rows.filter(([, v]) => v).map(([label, value]) => (
        <Field key={label} label={label}><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{value}</Text></Field>
      ))}
    </SimpleGrid>
  );
}

/** The reporting clocks and the reports filed, every version with who sent it and when; file the next one. */
export function ReportsTab({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const reports = useIncidentPart<IncidentReport>(incident.id, 'reports');
  const [kind, setKind] = useState<ReportKind | null>(null);
  const due = incident.deadlines.find((d) => d.state === 'due' || d.state === 'overdue')?.kind;
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <ClocksCard deadlines={incident.deadlines} regimes={incident.regimes} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Section
          title={t('incidents.tabs.reports')}
          testId="incident-reports"
          actions={incident.access.canWrite && (
            <Button size="compact-xs" leftSection={<IconFilePlus size={14} />} onClick={() => setKind(due ?? 'update')} data-testid="report-file">
              {t('incidents.reports.file')}
            </Button>
          )}
        >
          <QueryState query={reports}>
            {(list) => (
              <Stack gap="xs">
                {list.length === 0 ? (
                  <EmptyNote>{t('incidents.reports.none')}</EmptyNote>
                ) : (
                  <Accordion variant="separated" chevronPosition="left" multiple>
                    {[...list].reverse().map((r) => (
                      <Accordion.Item key={r.id} value={r.id} data-testid="report-row" data-kind={r.kind}>
                        <Accordion.Control py={4}>
                          <Group gap="xs" wrap="nowrap">
                            <Text size="sm" fw={500}>{t(`incidents.reportKinds.${r.kind}`)} v{r.version}</Text>
                            {r.regimeCode && <Badge size="xs" variant="light" color="grape" tt="none">{r.regimeCode}</Badge>}
                            <Text size="xs" c="dimmed">{r.submittedByName} · {fmt.dateTime(r.submittedAt)}</Text>
                          </Group>
                        </Accordion.Control>
                        <Accordion.Panel>
                          <ReportBody c={r.content} />
                        </Accordion.Panel>
                      </Accordion.Item>
                    ))}
                  </Accordion>
                )}
                {kind && <FileReportModal incident={incident} reports={list} kind={kind} onClose={() => setKind(null)} />}
              </Stack>
            )}
          </QueryState>
        </Section>
      </Grid.Col>
    </Grid>
  );
}
