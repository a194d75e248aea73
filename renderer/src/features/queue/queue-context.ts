/**
 * What the queue screen adds to the app's shared context: the selection. Made once per session
 * and never changed, so giving it through context re-renders nothing.
 */
import { createContext, useContext } from 'react';
import type { AppContext } from '../../app/app-context';
import type { SelectionStore } from './selection-store';

export interface QueueContext extends AppContext {
  selection: SelectionStore;
}

export const queueContext = createContext<QueueContext | null>(null);

export function useQueue(): QueueContext {
  const context = useContext(queueContext);
  if (!context) throw new Error('useQueue outside the queue screen');
  return context;
}
