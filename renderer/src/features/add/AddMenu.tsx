/** The "Add videos" button near the header's right side, and its menu of ways to add. */
import * as Menu from '@radix-ui/react-dropdown-menu';

interface AddMenuProps {
  onFiles(): void;
  onFolder(): void;
  onPaste(): void;
  onImport(): void;
}

export function AddMenu({ onFiles, onFolder, onPaste, onImport }: AddMenuProps) {
  const items = [
    { label: 'Add files…', run: onFiles },
    { label: 'Add folder…', run: onFolder },
    { label: 'Paste links…', run: onPaste },
    { label: 'Import list…', run: onImport },
  ];
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>
        <button type="button" className="add-primary add-trigger">
          Add videos
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="add-menu" align="end" sideOffset={4}>
          {items.map(({ label, run }) => (
            <Menu.Item key={label} className="add-menu-item" onSelect={run}>
              {label}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
