import { useState } from 'react';
import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../lib/clipboard.ts';

interface CopyButtonProps {
  value: string;
  /** Shown as a small labelled button; without it, an icon with `ariaLabel`. */
  label?: string;
  ariaLabel?: string;
  testId?: string;
}

/** Copies a value to the clipboard and confirms for a moment. */
export function CopyButton({ value, label, ariaLabel, testId }: CopyButtonProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const ok = await copyText(value);
    setCopied(ok);
    if (ok) setTimeout(() => setCopied(false), 1500);
  };
  const icon = copied ? <IconCheck size={14} /> : <IconCopy size={14} />;
  if (label)
    return (
      <Button size="compact-xs" variant="light" color={copied ? 'teal' : undefined} leftSection={icon} onClick={() => void copy()} data-testid={testId}>
        {copied ? t('common.copied') : label}
      </Button>
    );
  return (
    <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
      <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={() => void copy()} aria-label={ariaLabel ?? t('common.copy')} data-testid={testId}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
}
