import { Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/auth.api.ts';
import { availableNav } from './navItems.ts';

/** The keyboard shortcuts of the console, opened with `?` (or the navbar's button). */
export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const goTo = availableNav(me.permissions).filter((item) => item.shortcut);
  const rows: { keys: string[]; text: string }[] = [
    { keys: ['?'], text: t('shell.shortcuts.help') },
    { keys: ['/'], text: t('shell.shortcuts.search') },
    ...goTo.map((item) => ({ keys: ['g', item.shortcut!], text: t('shell.shortcuts.goTo', { page: t(`nav.${item.key}`) }) })),
    { keys: ['j', 'k'], text: t('shell.shortcuts.listNext') },
    { keys: ['Enter'], text: t('shell.shortcuts.listOpen') },
  ];
  return (
    <Modal opened={opened} onClose={onClose} title={t('shell.shortcuts.title')} size="md" closeButtonProps={{ 'aria-label': t('shell.shortcuts.close') }}>
      <Stack gap="xs" data-testid="shortcut-help">
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.keys.join(' ')}>
                <Table.Td w={110}>
                  <Group gap={4} wrap="nowrap">
                    {r.keys.map((k) => (
                      <Kbd key={k} size="xs">
                        {k}
                      </Kbd>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.text}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Modal>
  );
}
