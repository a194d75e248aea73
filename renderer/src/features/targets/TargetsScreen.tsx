/**
 * Delivery targets: the streaming services Ferry sends finished videos to. Listed with what is
 * stored about each (never the credential), added and edited in a dialog, tested against the
 * service, removed after a confirmation.
 */
import { useApp } from '../../app/app-context';
import { deliveryProviders, providerFacts } from '../../../../shared/delivery-targets';
import { TargetDialog } from './TargetDialog';
import { TargetRow } from './TargetRow';
import { useTargets } from './use-targets';
import './targets.css';

/** "Cloudflare Stream, Gcore, … or a TUS server": every service the contract has, in its words. */
const services = new Intl.ListFormat('en', { type: 'disjunction' }).format(
  deliveryProviders.map((provider) => providerFacts[provider].label),
);

export function TargetsScreen() {
  const { tell } = useApp();
  const { state, reload, save, remove, test } = useTargets();
  const addButton = (
    <TargetDialog save={save} onSaved={(target) => tell(`Added the delivery target “${target.name}”.`)} />
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
            A delivery target is a streaming service Ferry sends finished videos to: {services}. Ferry uploads each
            video there when it is ready (or has the service fetch its link), and resumes if the connection drops.
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
              <th scope="col">Service</th>
              <th scope="col">Mode</th>
              <th scope="col">Sends</th>
              <th scope="col">Credential</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.targets.map((target) => (
              <TargetRow key={target.id} target={target} save={save} remove={remove} test={test} />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
