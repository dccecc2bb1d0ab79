import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';

const DAY = 86_400_000;

/** The due date with its state: overdue (red), due within a week (orange), or later. */
export function DueBadge({ dueDate, done, overdue }: { dueDate: string; done?: boolean; overdue?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const days = Math.ceil((Date.parse(`${dueDate}T23:59:59+07:00`) - Date.now()) / DAY);
  const late = overdue ?? days < 0;
  if (done) return <Badge size="sm" variant="light" color="teal">{t('assessments.due.done', { date: f.date(dueDate) })}</Badge>;
  if (late) return <Badge size="sm" color="red" data-testid="overdue-badge">{t('assessments.due.overdue', { date: f.date(dueDate) })}</Badge>;
  return <Badge size="sm" variant="light" color={days <= 7 ? 'orange' : 'gray'}>{t('assessments.due.on', { date: f.date(dueDate) })}</Badge>;
}
