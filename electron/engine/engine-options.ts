/** What an engine is opened with: its data directory, and tuning the tests and benchmarks shorten. */
import type { CredentialVault } from './delivery/credential-vault';
import type { DeliveryTuning } from './delivery-steps/delivery-tuning';
import type { WebhookTuning } from './notify/webhook-retry';
import type { FetchTuning } from './stages/fetch-stage';
import type { StageWrapper } from './stages/stage-outcome';

export interface EngineOptions {
  dataDir: string;
  /** Where FFMPEG_PATH and friends are read from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Download behaviour (connections, retries, timeouts); the defaults suit real origins. */
  fetch?: Partial<FetchTuning>;
  /** Upload retries, chunk size and stall timeout; the defaults suit real providers. */
  delivery?: Partial<DeliveryTuning>;
  /** Webhook retries and timeout; the defaults suit real receivers. */
  webhooks?: Partial<WebhookTuning>;
  /** How long a run without `watch` waits at its end for webhooks still being retried (default 60 s). */
  webhookDrainMs?: number;
  /**
   * Where the targets' credentials and links' credential headers are kept (tests). Default: the OS
   * keychain, or the 0600 file in the data directory when the environment says FERRY_CREDENTIALS=file.
   */
  credentials?: CredentialVault;
  /** Wraps each stage's runner, between its work and the commit of its outcome (tracing, tests). */
  wrapStage?: StageWrapper;
}
