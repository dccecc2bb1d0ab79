import { useDebouncedValue } from '@mantine/hooks';
import type { WarningTargeting } from '@lachan/contracts';
import { useRecipientPreview } from './warnings.api.ts';

/**
 * The recipients of a targeting, asked of the server 400 ms after the author stops changing it.
 * Debounces the JSON text, since the form builds a new targeting object on every render.
 */
export function useDebouncedPreview(targeting: WarningTargeting) {
  const [settled] = useDebouncedValue(JSON.stringify(targeting), 400);
  return useRecipientPreview(JSON.parse(settled) as WarningTargeting);
}
