import { useState } from 'react';
import { ActionIcon, Button, Group, Menu, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconBookmarkPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { loadViews, storeViews, withoutView, withView, type SavedView } from './savedViews.ts';

/** Named filter sets kept in this browser: one click applies a view; the current filters can be saved under a name. */
export function SavedViewsMenu({ search, onApply }: { search: string; onApply: (search: string) => void }) {
  const { t } = useTranslation();
  const [views, setViews] = useState<SavedView[]>(() => loadViews());
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const update = (next: SavedView[]) => {
    setViews(next);
    storeViews(next);
  };
  const save = () => {
    if (!name.trim()) return;
    update(withView(views, { name, search }));
    setName('');
    setSaving(false);
  };
  return (
    <Group gap={4} wrap="nowrap">
      <Menu position="bottom-start" withinPortal shadow="sm">
        <Menu.Target>
          <Button size="xs" variant="default" leftSection={<IconBookmark size={14} />} data-testid="saved-views">
            {t('incidents.views.title')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={220}>
          {views.length === 0 && <Menu.Label>{t('incidents.views.none')}</Menu.Label>}
          {views.map((v) => (
            <Menu.Item
              key={v.name}
              onClick={() => onApply(v.search)}
              data-testid="saved-view"
              rightSection={
                <ActionIcon size="xs" variant="subtle" color="gray" aria-label={t('incidents.views.remove', { name: v.name })} onClick={(e) => { e.stopPropagation(); update(withoutView(views, v.name)); }}>
                  <IconX size={12} />
                </ActionIcon>
              }
            >
              {v.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Popover opened={saving} onChange={setSaving} position="bottom-start" withinPortal trapFocus shadow="sm">
        <Popover.Target>
          <ActionIcon size="md" variant="default" aria-label={t('incidents.views.save')} onClick={() => setSaving((o) => !o)} data-testid="save-view">
            <IconBookmarkPlus size={16} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap={6} w={240}>
            <Text size="xs" c="dimmed">{t('incidents.views.saveHint')}</Text>
            <TextInput size="xs" value={name} onChange={(e) => setName(e.currentTarget.value)} placeholder={t('incidents.views.namePlaceholder')} onKeyDown={(e) => e.key === 'Enter' && save()} data-testid="view-name" />
            <Button size="xs" onClick={save} disabled={!name.trim()}>{t('common.save')}</Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
