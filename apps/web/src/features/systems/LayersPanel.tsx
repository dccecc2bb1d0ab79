import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SystemLayers } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useSystemLayers } from './systems.api.ts';
import { LayerEditModal, type DeclaredLayer } from './LayerEditModal.tsx';

const STATE_COLOR = { in_place: 'teal', missing: 'red', stale: 'orange' } as const;
type Recorded = SystemLayers['onSite']['record'];

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed" w={130} style={{ flexShrink: 0 }}>{label}</Text>
      <Text size="xs" component="div">{children ?? '—'}</Text>
    </Group>
  );
}

/** One layer's card: number, name, state, its facts, and who recorded what when. */
function LayerCard({ n, layer, state, record, onEdit, children }: { n: number; layer: string; state: keyof typeof STATE_COLOR; record?: Recorded; onEdit?: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Paper withBorder p="xs" data-testid="layer" data-layer={layer} data-state={state}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Title order={4} size="h6">{n}. {t(`systems.layers.${layer as 'onSite'}`)}</Title>
        <Group gap={4}>
          <Badge size="sm" variant="light" color={STATE_COLOR[state]}>{t(`systems.layerState.${state}`)}</Badge>
          {onEdit && <Button size="compact-xs" variant="subtle" onClick={onEdit} data-testid={`layer-edit-${layer}`}>{t('systems.layers.edit')}</Button>}
        </Group>
      </Group>
      <Stack gap={2}>
        {children}
        {record !== undefined && (
          <Row label={t('systems.layers.evidence')}>
            {record ? `${record.evidence ?? '—'} · ${f.date(record.recordedOn)} · ${record.recordedBy}` : null}
          </Row>
        )}
      </Stack>
    </Paper>
  );
}

/** The four layers of Directive 14/CT-TTg: three the owner declares (editable), the fourth measured from alerts. */
export function LayersPanel({ systemId, mayEdit }: { systemId: string; mayEdit: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const layers = useSystemLayers(systemId);
  const [editing, setEditing] = useState<DeclaredLayer | null>(null);
  const edit = (l: DeclaredLayer) => (mayEdit ? () => setEditing(l) : undefined);
  return (
    <Paper withBorder p="sm" data-testid="layers-panel">
      <Title order={3} size="h5" mb="xs">{t('systems.layers.title')}</Title>
      <QueryState query={layers}>
        {(l) => (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
              <LayerCard n={1} layer="onSite" state={l.onSite.state} record={l.onSite.record} onEdit={edit('onSite')}>
                <Row label={t('systems.layers.unit')}>{l.onSite.unit}</Row>
                <Row label={t('systems.layers.contact')}>{l.onSite.contact}</Row>
                <Row label={t('systems.layers.staff')}>{l.onSite.staff}</Row>
              </LayerCard>
              <LayerCard n={2} layer="monitoring" state={l.monitoring.state} record={l.monitoring.record} onEdit={edit('monitoring')}>
                <Row label={t('systems.layers.providers')}>
                  {l.monitoring.providers.length ? l.monitoring.providers.map((p) => (
                    <div key={p.orgId + p.forOrgId} data-testid="layer-provider">{p.name} · {t('systems.layers.since', { date: f.date(p.since) })}</div>
                  )) : t('systems.layers.noProvider')}
                </Row>
                <Row label={t('systems.layers.contract')}>{l.monitoring.contractFrom || l.monitoring.contractTo ? `${f.date(l.monitoring.contractFrom)} – ${f.date(l.monitoring.contractTo)}` : null}</Row>
                <Row label={t('systems.layers.note')}>{l.monitoring.note}</Row>
              </LayerCard>
              <LayerCard n={3} layer="assessment" state={l.assessment.state} record={l.assessment.record} onEdit={edit('assessment')}>
                <Row label={t('systems.layers.assessor')}>{l.assessment.assessor}</Row>
                <Row label={t('systems.layers.date')}>{l.assessment.date ? f.date(l.assessment.date) : null}</Row>
                <Row label={t('systems.layers.result')}>{l.assessment.result ? t(`systems.assessmentResult.${l.assessment.result as 'passed'}`, { defaultValue: l.assessment.result }) : null}</Row>
                <Row label={t('systems.layers.source')}>{l.assessment.source ? t(`systems.layers.sourceKind.${l.assessment.source}`) : null}</Row>
              </LayerCard>
              <LayerCard n={4} layer="connection" state={l.connection.state}>
                <Row label={t('systems.layers.lastAlert')}>{l.connection.lastAlertAt ? f.dateTime(l.connection.lastAlertAt) : t('systems.layers.noAlert', { days: l.connection.windowDays })}</Row>
                <Row label={t('systems.layers.measuredAt')}>{f.dateTime(l.connection.measuredAt)}</Row>
                {l.connection.connectors.length > 0 && (
                  <Table fz="xs" verticalSpacing={2} data-testid="layer-connectors">
                    <Table.Thead><Table.Tr><Table.Th>{t('systems.layers.connector')}</Table.Th><Table.Th>{t('systems.layers.format')}</Table.Th><Table.Th ta="right">{t('systems.layers.alerts')}</Table.Th><Table.Th>{t('systems.layers.lastAlert')}</Table.Th></Table.Tr></Table.Thead>
                    <Table.Tbody>
                      {l.connection.connectors.map((c) => (
                        <Table.Tr key={c.sourceId}><Table.Td>{c.name}</Table.Td><Table.Td>{c.format}</Table.Td><Table.Td ta="right">{f.number(c.alerts)}</Table.Td><Table.Td>{f.dateTime(c.lastAlertAt)}</Table.Td></Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </LayerCard>
            </SimpleGrid>
            {editing && <LayerEditModal systemId={systemId} layer={editing} layers={l} onClose={() => setEditing(null)} />}
          </>
        )}
      </QueryState>
    </Paper>
  );
}
