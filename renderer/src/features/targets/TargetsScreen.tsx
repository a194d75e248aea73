/**
 * Delivery targets: the streaming services Ferry sends finished videos to. Listed with what is
 * stored about each (never the credential), added in a dialog, removed after a confirmation.
 */
import { useApp } from '../../app/app-context';
import { AddTargetDialog } from './AddTargetDialog';
import { RemoveTargetDialog } from './RemoveTargetDialog';
import { modeLabels, providerLabels } from './target-text';
import { useTargets } from './use-targets';
import './targets.css';

export function TargetsScreen() {
  const { tell } = useApp();
  const { state, reload, add, remove } = useTargets();
  const addButton = (
    <AddTargetDialog add={add} onAdded={(target) => tell(`Added the delivery target “${target.name}”.`)} />
  );

  return (
    <main className="screen targets-screen">
      <div className="screen-title">
        <h2>Delivery targets</h2>
        {state.status === 'ready' && state.targets.length > 0 && addButton}
      </div>
      {state.status === 'loading' && <p className="muted">Loading the targets…</p>}
      {state.status === 'failed' && (
        <div role="alert" className="error">
          <p>Could not load the delivery targets: {state.error}</p>
          <button type="button" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {state.status === 'ready' && state.targets.length === 0 && (
        <section className="empty targets-empty" aria-labelledby="targets-empty">
          <h3 id="targets-empty">No delivery targets yet</h3>
          <p>
            A delivery target is a streaming service Ferry sends finished videos to, such as a TUS server. Ferry uploads
            each video there when it is ready, and resumes if the connection drops.
          </p>
          {addButton}
        </section>
      )}
      {state.status === 'ready' && state.targets.length > 0 && (
        <table className="targets-table">
          <caption className="muted">Where Ferry can send finished videos.</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Provider</th>
              <th scope="col">Mode</th>
              <th scope="col">Endpoint</th>
              <th scope="col">Credential</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.targets.map((target) => (
              <tr key={target.id}>
                <th scope="row">{target.name}</th>
                <td>{providerLabels[target.provider]}</td>
                <td>{modeLabels[target.mode]}</td>
                <td className="endpoint">{target.endpoint}</td>
                <td>{target.hasCredential ? 'Stored' : 'None'}</td>
                <td>
                  <RemoveTargetDialog
                    target={target}
                    remove={remove}
                    onRemoved={(removed) => tell(`Removed the delivery target “${removed.name}”.`)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
