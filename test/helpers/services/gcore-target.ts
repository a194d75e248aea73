/** A Gcore double on 127.0.0.1 and an engine with a Gcore target saved against it, closed after the test. */
import type { Engine } from '../../../electron/engine/create-engine';
import type { DeliveryMode } from '../../../shared/delivery-targets';
import { closers, deliveryTuning, engineWithVault } from '../delivery-engine';
import { startGcoreDouble, type GcoreDouble, type GcoreDoubleOptions } from './gcore-double';

export async function gcoreTarget(
  mode: DeliveryMode,
  options: Omit<GcoreDoubleOptions, 'apiKey'> = {},
): Promise<{ gcore: GcoreDouble; engine: Engine; targetId: string }> {
  const gcore = await startGcoreDouble({ ...options, apiKey: 'key' });
  closers.push(gcore.close);
  const engine = engineWithVault(deliveryTuning);
  const target = await engine.saveTarget({
    name: 'gcore',
    provider: 'gcore',
    mode,
    endpoint: gcore.origin,
    credential: 'key',
  });
  return { gcore, engine, targetId: target.id };
}
