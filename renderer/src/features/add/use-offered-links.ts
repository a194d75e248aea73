/**
 * Opens what ferry:// links handed the desktop app: takes main's offered links when the window
 * comes up (a link may have launched Ferry) and each time main says there are more.
 */
import { useEffect, useRef } from 'react';
import type { OfferedLinks } from '../../../../shared/platform-bridge';
import type { Platform } from '../../platform/platform';

export function useOfferedLinks(
  source: Platform['offeredLinks'],
  onOffer: (offered: OfferedLinks) => void,
  onFailure: (error: Error) => void,
): void {
  const handlers = useRef({ onOffer, onFailure });
  useEffect(() => {
    handlers.current = { onOffer, onFailure };
  }, [onOffer, onFailure]);

  useEffect(() => {
    if (!source) return;
    // Not dropped on unmount: a take empties main's box, so its answer must reach a sheet.
    const take = () =>
      void source.take().then(
        (offered) => offered && handlers.current.onOffer(offered),
        (error: unknown) =>
          handlers.current.onFailure(
            new Error(
              `Ferry could not show the links a ferry:// link brought: ${error instanceof Error ? error.message : String(error)}`,
            ),
          ),
      );
    take();
    return source.onOffer(take);
  }, [source]);
}
