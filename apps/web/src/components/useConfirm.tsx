import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
}

/** Asks for confirmation before a destructive action: `await confirm({...})` resolves true or false. */
export function useConfirm() {
  const { t } = useTranslation();
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);

  const confirm = useCallback((next: ConfirmOptions) => {
    setOptions(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const settle = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setOptions(null);
  };

  const modal = (
    <Modal opened={options !== null} onClose={() => settle(false)} title={options?.title} size="md">
      <Stack gap="md">
        <Text size="sm">{options?.message}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => settle(false)} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={options?.danger ? 'red' : undefined} onClick={() => settle(true)} data-testid="confirm-button">
            {options?.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );

  return { confirm, modal };
}
