/**
 * The settings, in sections that each save on their own and say whether they did; the theme and
 * the clipboard apply as they are chosen. The engine checks every value and its messages appear
 * beside the fields it refused.
 */
import { useStore } from 'zustand';
import { useApp } from '../../app/app-context';
import { AppearanceSection } from './AppearanceSection';
import { BrowserAccessSection } from './BrowserAccessSection';
import { ClipboardSection } from './ClipboardSection';
import { DeliverySection } from './DeliverySection';
import { LibrarySection } from './LibrarySection';
import { NewVideosSection } from './NewVideosSection';
import { WebhooksSection } from './WebhooksSection';
import { WorkSection } from './WorkSection';
import './settings.css';

export function SettingsScreen() {
  const { settings: store } = useApp();
  const settings = useStore(store, (s) => s.settings);
  const status = useStore(store, (s) => s.status);
  const error = useStore(store, (s) => s.error);

  return (
    <main className="screen settings-screen">
      <h2>Settings</h2>
      {!settings && status === 'loading' && <p className="muted">Loading the settings…</p>}
      {!settings && status === 'failed' && (
        <div role="alert" className="error">
          <p>Could not load the settings: {error}</p>
          <button type="button" onClick={() => void store.getState().load()}>
            Try again
          </button>
        </div>
      )}
      {settings && (
        <>
          <LibrarySection settings={settings} />
          <NewVideosSection settings={settings} />
          <WorkSection settings={settings} />
          <DeliverySection settings={settings} />
          <WebhooksSection settings={settings} />
          <BrowserAccessSection settings={settings} />
          <AppearanceSection settings={settings} />
          <ClipboardSection settings={settings} />
        </>
      )}
    </main>
  );
}
