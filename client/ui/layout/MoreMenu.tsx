import { useEffect, useId, type KeyboardEvent, type ReactNode } from 'react';
import './moreMenu.css';
import { usePopover } from '../usePopover.ts';
import { OverBoard } from '../OverBoard.tsx';

/** One control of a bar as it stands in a "More" menu. `checked` makes it a toggle (a panel that is open). */
export interface MenuAction {
  readonly id: string;
  readonly label: string;
  readonly onSelect: () => void;
  readonly checked?: boolean;
  readonly disabled?: boolean;
  readonly icon?: ReactNode;
  /** The same test id the control has in the bar: a test finds it wherever it stands. */
  readonly testId?: string;
}

/**
 * The overflow menu of a bar: the controls that did not fit, in priority order (WAI-ARIA menu
 * button: arrows move, Escape closes and gives the focus back). Choosing an item closes the menu.
 */
export function MoreMenu({
  items,
  label = 'More',
  title,
  testId,
  opens = 'down',
  header,
  icon = <MoreIcon />,
}: {
  items: readonly MenuAction[];
  label?: ReactNode;
  title: string;
  testId: string;
  opens?: 'down' | 'up';
  header?: ReactNode;
  icon?: ReactNode;
}) {
  const { open, setOpen, root, button } = usePopover<HTMLDivElement>();
  const menuId = useId();
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>('[role^="menuitem"]:not(:disabled)')?.focus();
  }, [open, root]);
  if (items.length === 0 && !header) return null;
  const onKeyDown = (e: KeyboardEvent) => {
    // Keys inside the menu are the menu's, not the board's shortcuts.
    e.stopPropagation();
    if (e.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const all = [...(root.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not(:disabled)') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    all[(at + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
  };
  return (
    // The keys of the menu inside it, caught once for all its items.
    <OverBoard className="more-menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className={open ? 'btn ghost more-button active' : 'btn ghost more-button'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={title}
        aria-label={title}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
      >
        {icon}
        {label && <span className="more-word">{label}</span>}
      </button>
      {open && (
        <div className={`more-list opens-${opens}`} role="menu" id={menuId} aria-label={title}>
          {header && <div className="more-header">{header}</div>}
          {items.map((item) => (
            <MenuItem key={item.id} item={item} onChosen={() => setOpen(false)} />
          ))}
        </div>
      )}
    </OverBoard>
  );
}

function MenuItem({ item, onChosen }: { item: MenuAction; onChosen: () => void }) {
  // A toggle (a panel that is open or not) says so: a checkbox item with its state.
  const role =
    item.checked === undefined ? { role: 'menuitem' } : { role: 'menuitemcheckbox', 'aria-checked': item.checked };
  return (
    <button
      type="button"
      {...role}
      className="more-item"
      disabled={item.disabled}
      data-testid={item.testId}
      onClick={() => {
        onChosen();
        item.onSelect();
      }}
    >
      {item.icon && (
        <span className="more-item-icon" aria-hidden>
          {item.icon}
        </span>
      )}
      <span className="more-item-label">{item.label}</span>
      {item.checked && (
        <span className="more-item-check" aria-hidden>
          ✓
        </span>
      )}
    </button>
  );
}

function MoreIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 16 16" fill="currentColor" aria-hidden>
      <circle cx="3" cy="8" r="1.5" />
      <circle cx="8" cy="8" r="1.5" />
      <circle cx="13" cy="8" r="1.5" />
    </svg>
  );
}
