/**
 * The delivery targets' names, for the rows' delivery chips: asked once when the queue shows,
 * and given through context so that ten thousand rows do not each ask.
 */
import { createContext, useMemo } from 'react';
import { useTargets } from '../targets/use-targets';

export const targetNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

/** Without the names a chip shows the target's id: worse, but nothing to stop the queue for. */
export function useTargetNames(): ReadonlyMap<string, string> {
  const { state } = useTargets();
  // The same map until the list changes, so the context re-renders no row in between.
  return useMemo(() => new Map(state.status === 'ready' ? state.targets.map((t) => [t.id, t.name]) : []), [state]);
}
