/**
 * A Node script run under a private D-Bus session whose gnome-keyring Secret Service is unlocked
 * (Debian packages gnome-keyring and dbus-daemon, see .ci/run), with HOME in a temporary folder so
 * that successive runs share one keyring and never touch this machine's own.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { finished, repoRoot, type Finished } from './spawn-ts';

/**
 * gnome-keyring unlocks (and on first use creates) the login keyring with the password on its
 * stdin, here an empty one; its secrets component then answers on the session bus.
 */
const unlockThenRun = `printf '\\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$0" --import tsx "$@"`;

/** `node --import tsx <script> <args>` under the keyring of `home`. */
export function runUnderKeyring(
  home: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<Finished> {
  const merged: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), ...env };
  // The child must find the keychain, never a file store or a bus of this machine's own session.
  delete merged.FERRY_CREDENTIALS;
  delete merged.DBUS_SESSION_BUS_ADDRESS;
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', unlockThenRun, process.execPath, script, ...args], {
    cwd: repoRoot,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return finished(child, 120_000);
}
