/** The delivery targets as the engine has them, read again after each change this screen makes. */
import { useEffect, useState } from 'react';
import type { DeliveryTarget, DeliveryTargetInput } from '../../../../shared/delivery-targets';
import { useApp } from '../../app/app-context';

export type TargetsState =
  { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; targets: DeliveryTarget[] };

/** The targets once in, for a form that offers them: null while loading, none when they could not be read. */
export const loadedTargets = (state: TargetsState): DeliveryTarget[] | null =>
  state.status === 'ready' ? state.targets : state.status === 'failed' ? [] : null;

export function useTargets() {
  const { api } = useApp();
  const [state, setState] = useState<TargetsState>({ status: 'loading' });
  // Each change asks for the list again; the answer of a screen that has gone is dropped.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    api.listTargets().then(
      (targets) => live && setState({ status: 'ready', targets }),
      (error: unknown) =>
        live && setState({ status: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, version]);

  const reload = () => setVersion((v) => v + 1);

  /** Adds or (with an id) changes a target. Throws the engine's FerryError for the form to show. */
  const save = async (input: DeliveryTargetInput) => {
    const saved = await api.saveTarget(input);
    reload();
    return saved;
  };

  const remove = async (id: string) => {
    const result = await api.removeTarget({ id });
    reload();
    return result;
  };

  /** The service's answer; a test that could not be asked at all (the engine refused) throws. */
  const test = (id: string) => api.testTarget({ id });

  return { state, reload, save, remove, test };
}
