// Runs after `npm install` in this project. Electron's own postinstall is not in allowScripts
// because it downloads a binary, and a failed download would fail the whole install on machines
// without access to the download host. Here the download is attempted and a failure is only a
// warning: the engine, the CLI and the tests never need the Electron binary, and `npm start`
// tries again (scripts/ensure-native-abi.mjs).
import { downloadElectron } from './electron-binary.mjs';

const result = downloadElectron();
if (!result.ok) {
  console.warn(
    `ferry: the Electron binary is not installed (${result.reason}).\n` +
      '       `npx ferry`, `npm test` and `npm run bench` work without it; `npm start` will try the download again.',
  );
}
