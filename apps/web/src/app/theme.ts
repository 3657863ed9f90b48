// The Mantine theme: one primary colour dark enough for white text (WCAG AA), readable dimmed text.
import { Badge, createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // Sentence case reads better for long French labels; badges never shrink into "AC…".
    Badge: Badge.extend({ defaultProps: { tt: 'none' }, styles: { root: { flexShrink: 0, minWidth: 'max-content' } } }),
  },
});

// Mantine's default dimmed grey (gray.6) is below 4.5:1 on white; gray.7 passes comfortably.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
