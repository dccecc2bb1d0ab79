import { createTheme } from '@mantine/core';

/** Calm, dense theme: indigo accents, system fonts only (the platform runs offline). */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '600' },
  cursorType: 'pointer',
});
