/**
 * One target in the list: what is stored about it (never the credential), and Test, Edit and
 * Remove. A test's answer stays under its buttons, in a live region, so it is read out when it comes.
 */
import { useState } from 'react';
import type { DeliveryTarget, DeliveryTargetInput, TargetTest } from '../../../../shared/delivery-targets';
import { useApp } from '../../app/app-context';
import { RemoveTargetDialog } from './RemoveTargetDialog';
import { TargetDialog } from './TargetDialog';
import { modeLabels, sendLabels, sendMatters, serviceName, targetIds, testAdvice } from './target-text';

type TestState = { status: 'idle' } | { status: 'testing' } | ({ status: 'done' } & TargetTest);

interface TargetRowProps {
  target: DeliveryTarget;
  save(input: DeliveryTargetInput): Promise<DeliveryTarget>;
  remove(id: string): Promise<unknown>;
  test(id: string): Promise<TargetTest>;
}

export function TargetRow({ target, save, remove, test }: TargetRowProps) {
  const { tell } = useApp();
  const [tested, setTested] = useState<TestState>({ status: 'idle' });
  const run = () => {
    setTested({ status: 'testing' });
    test(target.id).then(
      (answer) => setTested({ status: 'done', ...answer }),
      (error: unknown) =>
        setTested({ status: 'done', ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
  };
  const ids = targetIds(target);

  return (
    <tr>
      <th scope="row">{target.name}</th>
      <td>
        {serviceName(target.provider)}
        <span className="target-detail">{target.endpoint}</span>
        {ids.map((id) => (
          <span key={id} className="target-detail">
            {id}
          </span>
        ))}
      </td>
      <td>{modeLabels[target.mode]}</td>
      <td>{sendMatters(target.provider) ? sendLabels[target.send] : '—'}</td>
      <td>{target.hasCredential ? 'Stored' : 'None'}</td>
      <td className="target-actions">
        <div className="target-buttons">
          <button type="button" aria-label={`Test ${target.name}`} disabled={tested.status === 'testing'} onClick={run}>
            Test
          </button>
          <TargetDialog
            target={target}
            save={save}
            onSaved={(saved) => {
              // What was tested before may no longer be what is saved.
              setTested({ status: 'idle' });
              tell(`Saved the delivery target “${saved.name}”.`);
            }}
          />
          <RemoveTargetDialog
            target={target}
            remove={remove}
            onRemoved={(removed) => tell(`Removed the delivery target “${removed.name}”.`)}
          />
        </div>
        {/* Always in the page, so a screen reader announces what appears in it. */}
        <p role="status" className={`target-test ${tested.status === 'done' ? (tested.ok ? 'ok' : 'error') : 'muted'}`}>
          {tested.status === 'testing' && `Testing ${target.name}…`}
          {tested.status === 'done' && (
            <>
              <span className="visually-hidden">{target.name}: </span>
              {tested.ok ? 'Works: ' : 'Failed: '}
              {tested.message}
              {testAdvice(tested)}
            </>
          )}
        </p>
      </td>
    </tr>
  );
}
