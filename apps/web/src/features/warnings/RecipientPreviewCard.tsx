import { Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useOrgLabels } from '../orgs/useOrgLabels.ts';
import type { useDebouncedPreview } from './useDebouncedPreview.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

const SHOWN = 12;

/** Who the warning will reach, as the server computed it for the settled targeting. */
export function RecipientPreviewCard({ preview }: { preview: ReturnType<typeof useDebouncedPreview> }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const labels = useOrgLabels();
  const data = preview.data;
  return (
    <Paper withBorder p="xs" data-testid="recipient-preview" data-count={data?.count ?? ''} aria-live="polite">
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          {t('warnings.preview.title')}
        </Text>
        {preview.isFetching ? (
          <Loader size="xs" aria-label={t('warnings.preview.loading')} />
        ) : (
          data && (
            <Badge size="sm" variant="light" data-testid="recipient-count">
              {t('warnings.preview.count', { count: data.count })}
            </Badge>
          )
        )}
      </Group>
      {preview.error ? <ErrorAlert error={preview.error} /> : null}
      {data && (
        <Stack gap={2}>
          {data.orgs.slice(0, SHOWN).map((o) => (
            <Text key={o.id} size="xs" truncate data-testid="recipient-org">
              {nameOf(o.id, o.name)}{' '}
              <Text span c="dimmed" size="xs">
                · {labels.province(o.provinceCode)} · {o.sectors.map(labels.sector).join(', ')}
              </Text>
            </Text>
          ))}
          {data.count > SHOWN && (
            <Text size="xs" c="dimmed">
              {t('warnings.preview.more', { count: data.count - SHOWN })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
