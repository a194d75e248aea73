/**
 * The keyboard inside a row: its controls (checkbox, name, buttons) are out of the tab order, so
 * Right and Left walk them from the row, and the menu key opens its "More actions" menu.
 */

function controlsOf(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>('input, a[href], button')].filter(
    (element) => !element.hasAttribute('disabled'),
  );
}

/** Moves the focus to the next (`step` 1) or previous (-1) control of the row; before the first, to the row itself. */
export function stepControl(row: HTMLElement, from: Element, step: 1 | -1): void {
  const controls = controlsOf(row);
  const at = from === row ? -1 : controls.indexOf(from as HTMLElement);
  const next = at + step;
  if (next < 0) row.focus();
  else controls[Math.min(next, controls.length - 1)]?.focus();
}

/**
 * Opens the row's actions menu as its button's own keyboard would (Radix opens a menu on
 * ArrowDown, with the first item focused), so the menu is the same one a click shows.
 */
export function openRowMenu(row: Element): void {
  const button = row.querySelector<HTMLElement>('.more-actions');
  if (!button) return;
  button.focus();
  button.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
}
