import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyField } from './CopyField.tsx';

interface SecretOnceModalProps {
  secret: string | null;
  title: string;
  label: string;
  description?: string;
  onClose: () => void;
}

/** Shows a secret (generated password, API key) exactly once, with a copy button and a warning. */
export function SecretOnceModal({ secret, title, label, description, onClose }: SecretOnceModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} closeOnClickOutside={false} size="lg">
      {secret !== null && (
        <Stack gap="sm">
          {description && <Text size="sm">{description}</Text>}
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
            {t('secret.warning')}
          </Alert>
          <CopyField value={secret} label={label} testId="secret-value" />
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('secret.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
