import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOR = ['gray', 'blue', 'cyan', 'yellow', 'orange', 'red'] as const;

/** A security level (1-5) as a badge, or "not classified". */
export function LevelBadge({ level }: { level: number | null }) {
  const { t } = useTranslation();
  if (level === null) return <Badge variant="outline" color="gray" size="sm">{t('systems.unclassified')}</Badge>;
  return <Badge variant="light" color={COLOR[level] ?? 'gray'} size="sm" data-level={level}>{t('systems.levelN', { n: level })}</Badge>;
}
