/**
 * The app on its settings or targets screen over the fake transport, with the engine's own check of
 * setSettings in front of the fake (the dispatcher's: the contract's schema, its issues by field),
 * and a platform that can open folders and records what it was asked (the app's, or a browser's on
 * ferry serve with `servedBy`).
 */
import type { FakeTransport } from '../../../renderer/src/transport/fake-transport';
import type { DeliveryTarget } from '../../../shared/delivery-targets';
import { FerryError } from '../../../shared/ferry-error';
import { validateCommand } from '../../../shared/validate-command';
import { renderQueue } from '../support/render-queue';

/** Commands checked as the engine's dispatcher checks them, before the fake answers. */
export function checkLikeTheEngine(fake: FakeTransport): void {
  const { setSettings, saveTarget } = fake.api;
  fake.api.setSettings = async (patch) => {
    const parsed = validateCommand('setSettings', patch);
    if (!parsed.ok) throw new FerryError('INVALID_INPUT', parsed.message, parsed.issues);
    return setSettings(patch);
  };
  fake.api.saveTarget = async (input) => {
    const parsed = validateCommand('saveTarget', input);
    if (!parsed.ok) throw new FerryError('INVALID_INPUT', parsed.message, parsed.issues);
    return saveTarget(input);
  };
}

export interface PlatformCalls {
  opened: (string | undefined)[];
  copied: string[];
}

export function renderScreen(
  hash: '#/settings' | '#/targets',
  options: { prepare?: (fake: FakeTransport) => void; targets?: DeliveryTarget[]; servedBy?: string } = {},
) {
  window.location.hash = hash;
  const calls: PlatformCalls = { opened: [], copied: [] };
  const result = renderQueue([], {
    targets: options.targets,
    prepare: (fake) => {
      checkLikeTheEngine(fake);
      options.prepare?.(fake);
    },
    platform: {
      // The desktop app's window, unless the test is about a page served by ferry serve.
      servedBy: options.servedBy ?? null,
      canOpenFolder: true,
      openFolder: async (uid) => void calls.opened.push(uid),
      copyText: async (text) => void calls.copied.push(text),
    },
  });
  /** The patches the engine accepted, in order. */
  const patches = () => result.fake.calls.filter((c) => c.name === 'setSettings').map((c) => c.input);
  return { ...result, calls, patches };
}
