/**
 * The download bandwidth limit as one download takes it: the settings are read again at most
 * twice a second, so a limit set, changed or lifted applies to the downloads already running.
 */
import type { Settings } from '../../../shared/api';
import type { EngineContext } from './engine-context';

const rereadMs = 500;

export function downloadThrottle(
  context: { settings: { get(): Pick<Settings, 'download'> }; downloadLimit: EngineContext['downloadLimit'] },
  now: () => number = Date.now,
): (bytes: number) => Promise<void> | undefined {
  let readAt = -Infinity;
  return (bytes) => {
    const at = now();
    if (at - readAt >= rereadMs) {
      readAt = at;
      context.downloadLimit.setRate(context.settings.get().download.maxBytesPerSecond);
    }
    return context.downloadLimit.admit(bytes);
  };
}
