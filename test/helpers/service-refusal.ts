import { ServiceError } from '../../electron/engine/delivery/providers/service-request';

/** What a provider call that should be refused failed with; a success or another error fails the test. */
export const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      if (!(error instanceof ServiceError)) throw error;
      return error.failure;
    },
  );
