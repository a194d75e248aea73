/**
 * One section of the settings: its heading, what it is for, its controls, and its save state.
 * A section with a Save button is a form (Enter saves); one whose controls apply at once has none.
 */
import { useId, type FormEvent, type ReactNode } from 'react';
import type { SectionSave } from './use-section-save';

interface SettingsSectionProps {
  title: string;
  description?: ReactNode;
  save?: Pick<SectionSave, 'status' | 'message' | 'edited'>;
  /** Given, the section is a form with a Save button. */
  onSubmit?(): void;
  children: ReactNode;
}

export function SettingsSection({ title, description, save, onSubmit, children }: SettingsSectionProps) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };
  const body = (
    <>
      {children}
      {(save || onSubmit) && (
        <div className="form-actions">
          {save && <SaveState save={save} />}
          {onSubmit && (
            <button type="submit" className="primary" disabled={save?.status === 'saving'}>
              Save {title.toLowerCase()}
            </button>
          )}
        </div>
      )}
    </>
  );
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {description && <p className="muted">{description}</p>}
      {onSubmit ? (
        // The engine checks the values and says what is wrong, beside each field.
        <form noValidate onSubmit={submit} onChange={save?.edited}>
          {body}
        </form>
      ) : (
        <div className="settings-body">{body}</div>
      )}
    </section>
  );
}

function SaveState({ save }: { save: Pick<SectionSave, 'status' | 'message'> }) {
  return (
    <>
      {/* Always in the page, so a screen reader announces what changes in it. */}
      <span role="status" className={save.status === 'saved' ? 'ok' : 'muted'}>
        {save.status === 'saving' ? 'Saving…' : save.status === 'saved' ? save.message : ''}
      </span>
      {save.status === 'failed' && (
        <span role="alert" className="error">
          {save.message}
        </span>
      )}
    </>
  );
}
