/** Puts the chosen theme on <html data-theme>; "system" follows the OS's light or dark setting as it changes. */
import { useEffect } from 'react';
import type { Settings } from '../../../shared/api';

type Theme = Settings['ui']['theme'];

export function resolveTheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}

export function useTheme(theme: Theme): void {
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    const apply = () => {
      const resolved = resolveTheme(theme, query?.matches ?? false);
      document.documentElement.dataset.theme = resolved;
      document.documentElement.style.colorScheme = resolved;
    };
    apply();
    query?.addEventListener('change', apply);
    return () => query?.removeEventListener('change', apply);
  }, [theme]);
}
