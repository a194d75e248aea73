/**
 * The settings, in sections whose fields save as they change (no Save buttons, nothing lost by
 * leaving): typed values once the typing pauses or the field is left, choices at once. The
 * engine checks every value, and a refusal appears beside the field it is about.
 */
import { useStore } from 'zustand';
import { useApp } from '../../app/app-context';
import { AppearanceSection } from './AppearanceSection';
import { BrowserAccessSection } from './BrowserAccessSection';
import { ClipboardSection } from './ClipboardSection';
import { DeliverySection } from './DeliverySection';
import { DownloadsSection } from './DownloadsSection';
import { EncodingSection } from './EncodingSection';
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
  const saving = useStore(store, (s) => s.saving > 0);
  const saved = useStore(store, (s) => s.saved);

  return (
    <main className="screen settings-screen">
      <h2>Settings</h2>
      {/* Always in the page, so a screen reader announces what changes in it. */}
      <p role="status" className="muted settings-status">
        {settings && (saving ? 'Saving…' : saved ? 'All changes saved.' : 'Changes are saved as you make them.')}
      </p>
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
          <EncodingSection settings={settings} />
          <WorkSection settings={settings} />
          <DownloadsSection settings={settings} />
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
