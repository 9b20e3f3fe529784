/**
 * Settings: the theme (system / light / dark) and the interface zoom. The theme lasts between runs (it is
 * a section of the saved state, see shell/persistence.ts); `resolvedTheme` follows the system when asked.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Theme } from '../../../main/contract/state';

export type { Theme };

export const ZOOM_STEPS = [0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;

export const useSettingsStore = defineStore('settings', () => {
  const theme = ref<Theme>('system');
  const systemDark = ref(false);
  const zoom = ref(1);

  const resolvedTheme = computed<'light' | 'dark'>(() =>
    theme.value === 'system' ? (systemDark.value ? 'dark' : 'light') : theme.value,
  );

  function setTheme(next: Theme) {
    theme.value = next;
  }

  /** Follow the operating system's light/dark preference (only matters for theme 'system'). */
  function watchSystemTheme(): () => void {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => undefined;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    systemDark.value = query.matches;
    const onChange = (e: MediaQueryListEvent) => (systemDark.value = e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }

  function zoomBy(direction: 1 | -1) {
    const i = ZOOM_STEPS.findIndex((z) => z >= zoom.value - 1e-9);
    const next = Math.min(ZOOM_STEPS.length - 1, Math.max(0, (i < 0 ? 4 : i) + direction));
    zoom.value = ZOOM_STEPS[next] ?? 1;
  }

  function resetZoom() {
    zoom.value = 1;
  }

  return { theme, systemDark, zoom, resolvedTheme, setTheme, watchSystemTheme, zoomBy, resetZoom };
});
