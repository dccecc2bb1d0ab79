import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const STATUSES = ['new', 'open', 'in_progress', 'resolved', 'closed', 'rejected'] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

/** Badge colour of an incident status: open work stands out, finished work is grey. */
export const STATUS_COLORS: Record<Status, string> = { new: 'indigo', open: 'blue', in_progress: 'cyan', resolved: 'teal', closed: 'gray', rejected: 'gray' };

/** Translated status; a status the console does not know yet is shown as received. */
export function useStatusLabel() {
  const { t } = useTranslation();
  return useCallback((status: string) => (isStatus(status) ? t(`incidents.statuses.${status}`) : status), [t]);
}

/** Colour for any status string. */
export const statusColor = (status: string): string => (isStatus(status) ? STATUS_COLORS[status] : 'gray');

/** TLP colours as FIRST defines them (RED, AMBER, GREEN, CLEAR). */
export function tlpColor(tlp: string): string {
  const level = tlp.toLowerCase();
  if (level.startsWith('red')) return 'red';
  if (level.startsWith('amber')) return 'orange';
  if (level.startsWith('green')) return 'green';
  return 'gray';
}
