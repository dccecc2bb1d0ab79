import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconArrowsMove, IconArchive, IconChevronDown, IconEdit, IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@lachan/contracts';
import { usePermission } from '../auth/auth.api.ts';
import { OrgEndModal } from './OrgEndModal.tsx';
import { OrgFormModal } from './OrgFormModal.tsx';
import { OrgMoveModal } from './OrgMoveModal.tsx';
import type { OrgIndex } from './orgTree.ts';

type Dialog = 'edit' | 'move' | 'merge' | 'retire' | null;

/** The actions the user may take on an organisation; hidden entirely when there are none. */
export function OrgActions({ org, index }: { org: Organization; index: OrgIndex }) {
  const { t } = useTranslation();
  const canUpdate = usePermission('orgs.update');
  const canRestructure = usePermission('orgs.restructure');
  const [dialog, setDialog] = useState<Dialog>(null);
  const active = org.status === 'active';
  if (!canUpdate && !canRestructure) return null;
  const close = () => setDialog(null);

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />} data-testid="org-actions">
            {t('common.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {canUpdate && (
            <Menu.Item leftSection={<IconEdit size={16} />} onClick={() => setDialog('edit')} data-testid="org-edit">
              {t('orgs.actions.edit')}
            </Menu.Item>
          )}
          {canRestructure && (
            <>
              <Menu.Divider />
              <Menu.Label>{t('orgs.actions.restructure')}</Menu.Label>
              <Menu.Item leftSection={<IconArrowsMove size={16} />} onClick={() => setDialog('move')} disabled={!active} data-testid="org-move">
                {t('orgs.actions.move')}
              </Menu.Item>
              <Menu.Item leftSection={<IconGitMerge size={16} />} onClick={() => setDialog('merge')} disabled={!active} data-testid="org-merge">
                {t('orgs.actions.merge')}
              </Menu.Item>
              <Menu.Item leftSection={<IconArchive size={16} />} color="red" onClick={() => setDialog('retire')} disabled={!active} data-testid="org-retire">
                {t('orgs.actions.retire')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {canUpdate && <OrgFormModal opened={dialog === 'edit'} onClose={close} mode={{ type: 'edit', org }} />}
      {canRestructure && (
        <>
          <OrgMoveModal org={org} index={index} opened={dialog === 'move'} onClose={close} />
          <OrgEndModal org={org} index={index} kind="merge" opened={dialog === 'merge'} onClose={close} />
          <OrgEndModal org={org} index={index} kind="retire" opened={dialog === 'retire'} onClose={close} />
        </>
      )}
    </>
  );
}
