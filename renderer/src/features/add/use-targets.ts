/** The delivery targets a sheet offers, asked for when it opens; null until they are in. */
import { useEffect, useState } from 'react';
import type { FerryApi } from '../../../../shared/api';
import type { DeliveryTarget } from '../../../../shared/delivery-targets';

export function useTargets(api: Pick<FerryApi, 'listTargets'>): {
  targets: DeliveryTarget[] | null;
  error: string | null;
} {
  const [state, setState] = useState<{ targets: DeliveryTarget[] | null; error: string | null }>({
    targets: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    api.listTargets().then(
      (targets) => current && setState({ targets, error: null }),
      (error: unknown) =>
        current && setState({ targets: [], error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [api]);
  return state;
}
