import { expect } from 'vitest';
import { ServiceError } from '../../electron/engine/delivery/providers/service-request';

/** The ServiceError a provider call that should be refused failed with; a success or another error fails the test. */
export async function serviceError(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

/** What such a refused call failed with. */
export const refusal = async (promise: Promise<unknown>) => (await serviceError(promise)).failure;
