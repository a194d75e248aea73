/**
 * Opening an engine on a data directory: the database and its stores, the credential vault (clear
 * credentials moved into it), and the context every command and stage shares. No work starts here.
 */
import type { EventEmitter } from 'node:events';
import os from 'node:os';
import { hostPaths } from '../../shared/hide-host-paths';
import { dataPaths, type DataPaths } from './data-paths';
import type { EngineContext } from './context/engine-context';
import { HostSlowdown } from './context/host-slowdown';
import { VideoChangeFeed } from './context/video-change-feed';
import { WorkRates } from './context/work-rates';
import { defaultFetchTuning, type FetchTuning } from './stages/fetch-stage';
import { defaultDeliveryTuning, type DeliveryTuning } from './delivery-steps/delivery-tuning';
import { queueTotals } from './run/queue-totals';
import { QueueBatchStore } from './store/queue-batch';
import { QueueControlStore } from './store/queue-control';
import { QueueEdits } from './store/queue-edits';
import { QueueWork } from './store/queue-work';
import { guardedAgent, privateAddressRefusal } from './sources/private-network-guard';
import { newLeaseOwner } from './store/lease-owner';
import { openDatabase } from './store/open-database';
import { LibraryPathsStore } from './store/library-paths';
import { SettingsStore } from './store/settings-store';
import { TargetStore } from './store/target-store';
import { BandwidthLimit } from './delivery/bandwidth-limit';
import { openCredentialVault } from './delivery/open-credential-vault';
import { moveClearCredentials } from './delivery/target-credentials';
import { moveClearRequestHeaders } from './delivery/link-header-secrets';
import { VideoStore } from './store/video-store';
import type { EngineOptions } from './engine-options';

const leaseMs = 5 * 60_000;

export interface OpenedEngine {
  context: EngineContext;
  paths: DataPaths;
  schemaVersion: number;
  fetchTuning: FetchTuning;
  deliveryTuning: DeliveryTuning;
  /** Where `ferry serve` serves, for the URLs webhooks carry; null when it does not run. */
  serveAt(baseUrl: string | null): void;
  /** The base URL `serveAt` was last told, or null: where shareLinks finds the media's URLs. */
  servedAt(): string | null;
  closeDatabase(): void;
}

export function openEngineContext(options: EngineOptions, events: EventEmitter): OpenedEngine {
  const paths = dataPaths(options.dataDir);
  const { db, schemaVersion } = openDatabase(paths.database);
  const store = new VideoStore(db, newLeaseOwner());
  const fetchTuning: FetchTuning = { ...defaultFetchTuning, ...options.fetch };
  const deliveryTuning: DeliveryTuning = { ...defaultDeliveryTuning, ...options.delivery };
  const env = options.env ?? process.env;
  const targets = new TargetStore(db);
  const credentials = options.credentials ?? openCredentialVault(paths.dataDir, env);
  moveClearCredentials(targets, credentials);
  moveClearRequestHeaders(store.headerSecrets, credentials);
  const context: EngineContext = {
    store,
    edits: new QueueEdits(db, store.changes),
    control: new QueueControlStore(db),
    settings: new SettingsStore(db, () => paths.library),
    targets,
    credentials,
    deliveries: store.deliveries,
    paths,
    libraryPaths: new LibraryPathsStore(db),
    feed: new VideoChangeFeed(
      store,
      (event, payload) => events.emit(event, payload),
      () => queueTotals(context),
      100,
      (event) => events.listenerCount(event) > 0,
    ),
    env,
    running: new Map(),
    leaseMs,
    hosts: new HostSlowdown(),
    deliveryHosts: new HostSlowdown(),
    uploadLimit: new BandwidthLimit(),
    downloadLimit: new BandwidthLimit(),
    work: new QueueWork(db),
    batch: new QueueBatchStore(db),
    rates: new WorkRates(),
    lowDiskSpace: false,
    housekeeping: { diskCheckedAt: 0, deletionsCheckedAt: 0 },
    onWorkDone: () => {},
    // What a caller over ferry serve saved connects through the fetcher's guarded agents, with the
    // same allow list (--allow-address) as its links.
    publicOnly: {
      agent: (protocol) => guardedAgent(protocol, fetchTuning.allowAddresses ?? []),
      refused: (error) => privateAddressRefusal(error) !== undefined,
      allowAddresses: fetchTuning.allowAddresses ?? [],
    },
  };
  let serverUrl: string | null = null;
  store.outbox.showAs({ baseUrl: () => serverUrl, hidden: hostPaths(paths.dataDir, os.homedir()) });
  return {
    context,
    paths,
    schemaVersion,
    fetchTuning,
    deliveryTuning,
    serveAt: (baseUrl) => {
      serverUrl = baseUrl;
    },
    servedAt: () => serverUrl,
    closeDatabase: () => db.close(),
  };
}
