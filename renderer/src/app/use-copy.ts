/** Copies a text to the clipboard and says so (`told`), or reports why it could not. */
import { useCallback } from 'react';
import { useApp } from './app-context';

export function useCopy(): (text: string, told: string) => Promise<void> {
  const { platform, tell, report } = useApp();
  return useCallback(
    (text: string, told: string) =>
      platform
        .copyText(text)
        .then(() => tell(told))
        .catch(report),
    [platform, tell, report],
  );
}
