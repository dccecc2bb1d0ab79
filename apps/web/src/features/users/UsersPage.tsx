import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconEdit, IconLock, IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '@lachan/contracts';
import { ListTable } from '../../components/ListTable.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { usePermission } from '../auth/auth.api.ts';
import { OrgPicker } from '../orgs/index.ts';
import { UserCreateModal } from './UserCreateModal.tsx';
import { UserEditModal } from './UserEditModal.tsx';
import { useUsers } from './users.api.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

const isLocked = (u: User) => u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();

/** Users administration: list by organisation and text, create, change role or status, unlock. */
export function UsersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const canManage = usePermission('users.manage');
  const [orgId, setOrgId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const query = useUsers({ orgId, q });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const nameOf = useOrgName();

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('users.title')}
        </Title>
        {canManage && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create')}
          </Button>
        )}
      </Group>
      <Group gap="xs" align="flex-end">
        <TextInput size="xs" w={260} type="search" leftSection={<IconSearch size={14} />} aria-label={t('users.search')} placeholder={t('users.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-testid="user-search" />
        <div style={{ width: 300 }}>
          <OrgPicker size="xs" value={orgId} onChange={setOrgId} placeholder={t('common.allOrgs')} includeInactive testId="user-org-filter" />
        </div>
      </Group>
      <ListTable
        query={query}
        empty={t('users.empty')}
        testId="users-table"
        head={
          <>
            <Table.Th>{t('users.columns.name')}</Table.Th>
            <Table.Th>{t('users.columns.org')}</Table.Th>
            <Table.Th w={170}>{t('users.columns.role')}</Table.Th>
            <Table.Th w={140}>{t('users.columns.status')}</Table.Th>
            <Table.Th w={170}>{t('users.columns.lastLogin')}</Table.Th>
            {canManage && <Table.Th w={60} />}
          </>
        }
      >
        {(items) =>
          items.map((u) => (
            <Table.Tr key={u.id} data-testid="user-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {u.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {u.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${u.orgId}`} size="sm">
                  {nameOf(u.orgId, u.orgName)}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge size="xs" variant="dot" color={u.status === 'active' ? 'teal' : 'gray'} radius="sm">
                    {t(`userStatus.${u.status}`)}
                  </Badge>
                  {isLocked(u) && (
                    <Tooltip label={t('users.lockedUntil', { at: fmt.dateTime(u.lockedUntil) })}>
                      <Badge size="xs" color="red" variant="light" radius="sm" leftSection={<IconLock size={10} />}>
                        {t('users.locked')}
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{u.lastLoginAt ? fmt.dateTime(u.lastLoginAt) : t('users.neverLoggedIn')}</Text>
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(u)} aria-label={t('users.editNamed', { name: u.name })} data-testid="user-edit">
                    <IconEdit size={14} />
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))
        }
      </ListTable>
      {query.data?.nextCursor && (
        <Text size="xs" c="dimmed">
          {t('common.moreResults')}
        </Text>
      )}
      {canManage && <UserCreateModal opened={creating} onClose={() => setCreating(false)} defaultOrgId={orgId} />}
      {canManage && <UserEditModal user={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
