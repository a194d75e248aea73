/**
 * The IPC channels by which a window gets its own MessagePort to the engine's process: the
 * preload asks on `engineConnectChannel`, main checks the frame is Ferry's and posts a port on
 * `enginePortChannel`, and posts a fresh one whenever the engine was restarted.
 */
export const engineConnectChannel = 'ferry:engine-connect';
export const enginePortChannel = 'ferry:engine-port';
