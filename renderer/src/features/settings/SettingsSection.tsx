/**
 * One section of the settings: its heading, what it is for, and its controls, which save as they
 * change (use-field-save.ts, use-choice-save.ts): no Save button, nothing to lose by leaving.
 */
import { useId, type ReactNode } from 'react';

interface SettingsSectionProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

export function SettingsSection({ title, description, children }: SettingsSectionProps) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {description && <p className="muted">{description}</p>}
      <div className="settings-body">{children}</div>
    </section>
  );
}
