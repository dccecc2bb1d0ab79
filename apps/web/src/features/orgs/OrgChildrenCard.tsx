import { useState } from 'react';
import { Anchor, Button, Group, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Organization, OrgSummary } from '@lachan/contracts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { usePermission } from '../auth/auth.api.ts';
import { OrgKindBadge, OrgStatusBadge } from './OrgBadges.tsx';
import { OrgFormModal } from './OrgFormModal.tsx';
import { Section } from '../../components/Section.tsx';

/** The organisations directly under this one, and a way to add one. */
export function OrgChildrenCard({ org, childOrgs }: { org: Organization; childOrgs: OrgSummary[] }) {
  const { t } = useTranslation();
  const canCreate = usePermission('orgs.create');
  const [adding, setAdding] = useState(false);
  return (
    <Section
      title={t('orgs.children', { count: childOrgs.length })}
      testId="org-children"
      actions={
        canCreate &&
        org.status === 'active' && (
          <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={() => setAdding(true)} data-testid="org-add-child">
            {t('orgs.actions.addChild')}
          </Button>
        )
      }
    >
      {childOrgs.length === 0 ? (
        <EmptyNote>{t('orgs.noChildren')}</EmptyNote>
      ) : (
        <Stack gap={4}>
          {childOrgs.map((child) => (
            <Group key={child.id} gap={6} wrap="nowrap">
              <Anchor component={Link} to={`/orgs/${child.id}`} size="sm">
                {child.name}
              </Anchor>
              <OrgKindBadge kind={child.kind} />
              <OrgStatusBadge status={child.status} />
            </Group>
          ))}
        </Stack>
      )}
      {canCreate && <OrgFormModal opened={adding} onClose={() => setAdding(false)} mode={{ type: 'create', parentId: org.id }} />}
    </Section>
  );
}
