import { useState } from 'react';
import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@lachan/contracts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { usePermission } from '../auth/auth.api.ts';
import { FocalPointsModal } from './FocalPointsModal.tsx';
import { Section } from '../../components/Section.tsx';

/** The organisation's 24/7 incident-response focal points (primary first). */
export function FocalPointsCard({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const canEdit = usePermission('orgs.update');
  const [editing, setEditing] = useState(false);
  const points = [...org.focalPoints].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  return (
    <Section
      title={t('orgs.focal.title')}
      testId="focal-points"
      actions={
        canEdit && (
          <Button size="compact-xs" variant="light" leftSection={<IconEdit size={12} />} onClick={() => setEditing(true)} data-testid="focal-points-edit">
            {t('orgs.focal.edit')}
          </Button>
        )
      }
    >
      {points.length === 0 ? (
        <EmptyNote>{t('orgs.focal.empty')}</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orgs.focal.name')}</Table.Th>
                <Table.Th>{t('orgs.focal.phone')}</Table.Th>
                <Table.Th>{t('orgs.focal.email')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.map((p) => (
                <Table.Tr key={p.id} data-testid="focal-point">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.position || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={`tel:${p.phone.replace(/\s+/g, '')}`} size="sm">
                      {p.phone}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={`mailto:${p.email}`} size="sm">
                      {p.email}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {p.available247 && (
                        <Badge size="xs" color="teal" variant="light" radius="sm">
                          {t('orgs.focal.badge247')}
                        </Badge>
                      )}
                      {p.isPrimary && (
                        <Badge size="xs" color="indigo" radius="sm">
                          {t('orgs.focal.primary')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && <FocalPointsModal org={org} opened={editing} onClose={() => setEditing(false)} />}
    </Section>
  );
}
