/**
 * The delivery targets' names, for the rows' delivery chips: asked once when the queue shows,
 * and given through context so that ten thousand rows do not each ask.
 */
import { createContext, useEffect, useState } from 'react';
import type { FerryApi } from '../../../../shared/api';

export const targetNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

export function useTargetNames(api: Pick<FerryApi, 'listTargets'>): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let current = true;
    // Without the names a chip shows the target's id: worse, but nothing to stop the queue for.
    api.listTargets().then(
      (targets) => current && setNames(new Map(targets.map((t) => [t.id, t.name]))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);
  return names;
}
