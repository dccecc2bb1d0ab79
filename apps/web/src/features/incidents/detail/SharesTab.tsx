import { Badge, Button, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail, IncidentShare } from '@lachan/contracts';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { Section } from '../../../components/Section.tsx';
import { useConfirm } from '../../../components/useConfirm.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { TlpBadge } from '../IncidentBadges.tsx';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys, useIncidentPart } from '../incidents.api.ts';
import { ShareForm } from './ShareForm.tsx';
import { useOrgName } from '../../orgs/useOrgName.ts';

/** Organisations the incident is shared with (revoked shares stay listed, greyed); the owner shares and revokes. */
export function SharesTab({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const { confirm, modal } = useConfirm();
  const shares = useIncidentPart<IncidentShare>(incident.id, 'shares');
  const revoke = useApiMutation((shareId: string) => incidentApi.revokeShare(incident.id, shareId), { invalidate: [incidentKeys.detail(incident.id)], success: t('incidents.shares.revoked') });
  const ask = async (s: IncidentShare) => {
    if (await confirm({ title: t('incidents.shares.revokeTitle'), message: t('incidents.shares.revokeText', { org: nameOf(s.orgId, s.orgName) }), confirmLabel: t('incidents.shares.revoke'), danger: true })) revoke.mutate(s.id);
  };
  const canManage = incident.access.canManage;
  return (
    <Section title={t('incidents.tabs.sharing')} testId="incident-shares">
      <Stack gap="sm">
        <QueryState query={shares}>
          {(list) =>
            list.length === 0 ? (
              <EmptyNote>{t('incidents.shares.none')}</EmptyNote>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing={4} fz="sm" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('incidents.shares.org')}</Table.Th>
                      <Table.Th w={120}>{t('incidents.shares.profile')}</Table.Th>
                      <Table.Th w={130}>{t('incidents.shares.ceiling')}</Table.Th>
                      <Table.Th w={120}>{t('incidents.shares.reason')}</Table.Th>
                      <Table.Th w={200}>{t('incidents.shares.by')}</Table.Th>
                      {canManage && <Table.Th w={90} />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((s) => (
                      <Table.Tr key={s.id} data-testid="share-row" data-effective={s.effective} style={{ opacity: s.revokedAt ? 0.55 : 1 }}>
                        <Table.Td>
                          <Text size="sm">{nameOf(s.orgId, s.orgName)}</Text>
                          {!s.effective && (
                            <Tooltip label={s.revokedAt ? t('incidents.shares.revokedBy', { name: s.revokedByName ?? '', at: fmt.dateTime(s.revokedAt) }) : t('incidents.shares.suspendedHint')}>
                              <Badge size="xs" color={s.revokedAt ? 'gray' : 'orange'} variant="light">{s.revokedAt ? t('incidents.shares.revokedLabel') : t('incidents.shares.suspended')}</Badge>
                            </Tooltip>
                          )}
                        </Table.Td>
                        <Table.Td>{t(`incidents.profiles.${s.profile}`)}</Table.Td>
                        <Table.Td><TlpBadge tlp={s.tlpCeiling} /></Table.Td>
                        <Table.Td><Text size="xs">{t(`incidents.shares.reasons.${s.reason}`)}</Text></Table.Td>
                        <Table.Td><Text size="xs" c="dimmed">{s.createdByName}</Text><Text size="xs" c="dimmed">{fmt.dateTime(s.createdAt)}</Text></Table.Td>
                        {canManage && (
                          <Table.Td ta="right">
                            {!s.revokedAt && <Button size="compact-xs" variant="subtle" color="red" onClick={() => void ask(s)} data-testid="share-revoke">{t('incidents.shares.revoke')}</Button>}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
        {canManage && <ShareForm incidentId={incident.id} ownerId={incident.orgId} tlp={incident.tlp} />}
      </Stack>
      {modal}
    </Section>
  );
}
