/**
 * Follows the engine's process through its `engine` events: the banner to show, and once it is
 * back, the store resumed (video-store.ts `resume`, as when the socket comes back), which reloads
 * the list, the totals and an open video's page, and a passing "back" for a few seconds. Retry
 * asks the engine to start again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { runningEngine, type EngineStatus } from '../../../../shared/engine-status';
import { useApp } from '../../app/app-context';
import { backShownMs, engineChange, isNewStatus, type EngineBanner } from './engine-banner';

export interface EngineView {
  banner: EngineBanner;
  /** Retry was pressed and the engine has not answered yet. */
  retrying: boolean;
  retry(): void;
}

export function useEngineStatus(): EngineView {
  const { api, store, report } = useApp();
  const [banner, setBanner] = useState<EngineBanner>(null);
  const [retrying, setRetrying] = useState(false);
  // The page was loaded while the engine answered, so it starts as running.
  const known = useRef<EngineStatus>(runningEngine);

  const apply = useCallback(
    (status: EngineStatus) => {
      if (!isNewStatus(known.current, status)) return;
      known.current = status;
      const change = engineChange(status);
      setBanner(change.banner);
      if (change.reload) void store.getState().resume();
    },
    [store],
  );

  useEffect(() => api.on('engine', apply), [api, apply]);

  useEffect(() => {
    if (banner?.kind !== 'back') return;
    const timer = setTimeout(() => setBanner(null), backShownMs);
    return () => clearTimeout(timer);
  }, [banner]);

  const retry = useCallback(() => {
    setRetrying(true);
    api
      .restartEngine()
      .then(apply, report)
      .finally(() => setRetrying(false));
  }, [api, apply, report]);

  return { banner, retrying, retry };
}
