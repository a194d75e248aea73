/** Compact rows on or off: saved in the settings (`ui.density`), so every window and browser of this Ferry shows the same. */
import { useDensity } from './density';
import { useQueue } from './queue-context';

export function DensityToggle() {
  const { settings, report } = useQueue();
  const density = useDensity();
  const compact = density === 'compact';
  const toggle = () => {
    const current = settings.getState().settings;
    if (!current) return;
    settings
      .getState()
      .save({ ui: { ...current.ui, density: compact ? 'comfortable' : 'compact' } })
      .catch(report);
  };
  return (
    <button type="button" className="density-toggle" aria-pressed={compact} onClick={toggle}>
      Compact rows
    </button>
  );
}
