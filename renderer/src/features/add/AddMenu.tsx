/**
 * The "Add videos" button near the header's right side, and its menu of ways to add. A chosen
 * item runs once the menu has closed and settled focus: a sheet opened while the menu was still
 * giving focus back to the button would take that for a move outside it and close at once. For
 * an item that opens a sheet, the menu leaves focus alone; the sheet gives it back when it closes.
 */
import * as Menu from '@radix-ui/react-dropdown-menu';
import { forwardRef, useRef } from 'react';

interface AddMenuProps {
  onFiles(): void;
  onFolder(): void;
  onPaste(): void;
  onImport(): void;
}

export const AddMenu = forwardRef<HTMLButtonElement, AddMenuProps>(function AddMenu(
  { onFiles, onFolder, onPaste, onImport },
  trigger,
) {
  const chosen = useRef<{ run(): void; sheet: boolean } | null>(null);
  const items = [
    { label: 'Add files…', run: onFiles, sheet: false },
    { label: 'Add folder…', run: onFolder, sheet: false },
    { label: 'Paste links…', run: onPaste, sheet: true },
    { label: 'Import list…', run: onImport, sheet: false },
  ];
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>
        <button ref={trigger} type="button" className="add-primary add-trigger">
          Add videos
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          className="add-menu"
          align="end"
          sideOffset={4}
          onCloseAutoFocus={(event) => {
            const item = chosen.current;
            chosen.current = null;
            if (item?.sheet) event.preventDefault();
            item?.run();
          }}
        >
          {items.map(({ label, run, sheet }) => (
            <Menu.Item
              key={label}
              className="add-menu-item"
              onSelect={() => {
                chosen.current = { run, sheet };
              }}
            >
              {label}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
});
