/**
 * One step of the keychain tests, run in its own Node process (under a D-Bus session with
 * gnome-keyring): each step opens the engine on the data directory as the app or the CLI would,
 * so that what one process saved is seen by the next. Prints its answer as JSON.
 *
 *   save <dataDir> <name> <credential>   saveTarget, answers the target
 *   read <dataDir> <targetId>            opens the engine (moving clear credentials), answers the credential
 *   remove <dataDir> <targetId>          removeTarget, answers { removed }
 */
import { createEngine } from '../../electron/engine/create-engine';
import { KeychainVault } from '../../electron/engine/delivery/keychain-vault';

const [step, dataDir = '', ...rest] = process.argv.slice(2);
const engine = createEngine({ dataDir });
try {
  let answer: unknown;
  if (step === 'save') {
    const [name = '', credential = ''] = rest;
    answer = await engine.saveTarget({
      name,
      provider: 'tus',
      mode: 'push',
      endpoint: 'https://tus.test/files/',
      credential,
    });
  } else if (step === 'read') {
    answer = { credential: new KeychainVault(dataDir).get(rest[0] ?? '') };
  } else if (step === 'remove') {
    answer = await engine.removeTarget({ id: rest[0] ?? '' });
  } else {
    throw new Error(`unknown step ${step}`);
  }
  process.stdout.write(JSON.stringify(answer));
} finally {
  engine.close();
}
