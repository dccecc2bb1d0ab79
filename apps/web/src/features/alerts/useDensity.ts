import { useLocalStorage } from '@mantine/hooks';

export type Density = 'compact' | 'comfortable';

/** Row density of the alert tables, remembered on this browser. */
export function useDensity() {
  return useLocalStorage<Density>({
    key: 'lachan.alerts.density',
    defaultValue: 'compact',
    getInitialValueInEffect: false,
    deserialize: (value) => (value === 'comfortable' ? 'comfortable' : 'compact'),
    serialize: (value) => value,
  });
}
