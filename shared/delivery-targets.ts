/**
 * Delivery targets in the contract: the streaming services Ferry delivers to, what each one needs
 * to be saved (an account, a library, an index), how it can ingest (push, pull by link), and the
 * target as listTargets answers it. One table, read by the engine, the CLI and the UI alike.
 */

export type DeliveryProvider = 'cloudflare' | 'gcore' | 'omega' | 'twelvelabs' | 'bunny' | 'vimeo' | 'tus';

/** `push`: Ferry sends the file. `pull`: the service is asked to fetch the video's link itself. */
export const deliveryModes = ['push', 'pull'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

/** What a push sends: the MP4 Ferry made, or the file as it came. */
export const deliverySends = ['mp4', 'original'] as const;
export type DeliverySend = (typeof deliverySends)[number];

/**
 * When a delivery counts as ready: as soon as the service can play it (Cloudflare `readyToStream`,
 * Gcore `viewable`, Bunny's first resolution), or once the service has finished every rendition.
 */
export const deliveryReadyWhens = ['playable', 'complete'] as const;
export type DeliveryReadyWhen = (typeof deliveryReadyWhens)[number];

/** A field a provider needs beside its endpoint and credential. */
export type TargetField = 'account' | 'library' | 'index';

export interface ProviderFacts {
  label: string;
  /** The API base used when a target gives no endpoint; null when the user must give one (a TUS server). */
  defaultEndpoint: string | null;
  modes: readonly DeliveryMode[];
  /** The fields this provider needs, each with what it is called there. */
  needs: Partial<Record<TargetField, string>>;
  /** Where each needed id is found in the service's dashboard, for the sentence that asks for it. */
  whereToFind: Partial<Record<TargetField, string>>;
  /** Whether a pull can carry the link's request headers to the service. */
  pullTakesHeaders: boolean;
  /** The only headers a pull can carry (any case), when the service documents a fixed set; a link needing others is pushed. */
  pullHeaderNames?: readonly string[];
  /** What the credential is, in the provider's words. */
  credential: string;
}

export const providerFacts: Record<DeliveryProvider, ProviderFacts> = {
  cloudflare: {
    label: 'Cloudflare Stream',
    defaultEndpoint: 'https://api.cloudflare.com',
    modes: ['push', 'pull'],
    needs: { account: 'account ID' },
    whereToFind: {
      account: 'in the Cloudflare dashboard, Account Home → the account → "Account ID" (also in the URL)',
    },
    pullTakesHeaders: false,
    credential: 'API token with Stream Write',
  },
  gcore: {
    label: 'Gcore',
    defaultEndpoint: 'https://api.gcore.com',
    modes: ['push', 'pull'],
    needs: {},
    whereToFind: {},
    pullTakesHeaders: true,
    // origin_http_headers is one "Authorization: …" line (gcore-python CreateVideoParam).
    pullHeaderNames: ['Authorization'],
    credential: 'API key',
  },
  omega: {
    label: 'Omega Stream',
    defaultEndpoint: 'https://omegastream.net/company',
    modes: ['pull'],
    needs: {},
    whereToFind: {},
    pullTakesHeaders: true,
    credential: 'API key',
  },
  twelvelabs: {
    label: 'Twelve Labs',
    defaultEndpoint: 'https://api.twelvelabs.io',
    modes: ['push', 'pull'],
    needs: { index: 'index ID' },
    whereToFind: { index: 'in the Twelve Labs Playground, Indexes → the index → its ID' },
    pullTakesHeaders: false,
    credential: 'API key',
  },
  bunny: {
    label: 'Bunny Stream',
    defaultEndpoint: 'https://video.bunnycdn.com',
    modes: ['push', 'pull'],
    needs: { library: 'library ID' },
    whereToFind: { library: 'in the Bunny dashboard, Stream → the video library → API → "Video Library ID"' },
    pullTakesHeaders: true,
    credential: 'library API key',
  },
  vimeo: {
    label: 'Vimeo',
    defaultEndpoint: 'https://api.vimeo.com',
    modes: ['push'],
    needs: {},
    whereToFind: {},
    pullTakesHeaders: false,
    credential: 'access token with upload scope',
  },
  tus: {
    label: 'a TUS server',
    defaultEndpoint: null,
    modes: ['push'],
    needs: {},
    whereToFind: {},
    pullTakesHeaders: false,
    credential: 'Authorization header value',
  },
};

export const deliveryProviders = Object.keys(providerFacts) as DeliveryProvider[];

export interface DeliveryTarget {
  id: string;
  name: string;
  provider: DeliveryProvider;
  mode: DeliveryMode;
  /** The service's API base (or, for a TUS server, its creation endpoint). */
  endpoint: string;
  account: string | null;
  library: string | null;
  index: string | null;
  send: DeliverySend;
  readyWhen: DeliveryReadyWhen;
  /** Whether a credential is stored (the credential itself never leaves main). */
  hasCredential: boolean;
}

export interface DeliveryTargetInput {
  id?: string;
  name: string;
  provider: DeliveryProvider;
  mode: DeliveryMode;
  /** Default: the provider's own API base. */
  endpoint?: string;
  account?: string;
  library?: string;
  index?: string;
  /** Default: mp4. */
  send?: DeliverySend;
  /** Default: complete. */
  readyWhen?: DeliveryReadyWhen;
  /**
   * Stored in the OS keychain; an empty string removes the stored one, none keeps it, unless the
   * endpoint's origin (scheme, host, port) changes: then the stored one is removed, so that a
   * credential is never sent where its owner did not send it.
   */
  credential?: string;
  /**
   * false: the target's requests may reach public addresses only (not loopback, private or
   * link-local ones). The HTTP doors of Ferry set it for every target they save, unless they were
   * allowed; it is kept with the target (see saveTarget for how a re-save keeps or drops it).
   */
  privateNetworks?: boolean;
}

/** What testTarget found: the service answered and took the credential, or why not. */
export interface TargetTest {
  ok: boolean;
  /** One sentence: what was checked, or what went wrong; the same words whichever door asked. */
  message: string;
  /**
   * On failure, what of the target to change, for each door to say how in its own words (the
   * app: edit the target; the CLI: `ferry target add … --credential-env VAR`). Absent when the
   * target may be right and the fault is elsewhere (the network, the service).
   */
  fix?: 'credential' | 'endpoint';
}
