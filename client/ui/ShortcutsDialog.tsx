import { useSession } from '../board/hooks.ts';
import { Dialog } from './Dialog.tsx';

const SHORTCUTS: readonly [string, string][] = [
  ['Double-click a cell', 'Add a note there'],
  ['Double-click a note / Enter', 'Edit its text (Enter or Esc to finish, Shift+Enter for a new line)'],
  ['Click, Shift+click', 'Select a note, add to the selection'],
  ['Shift+drag on empty space', 'Select notes in a rectangle'],
  ['Drag a note', 'Move it (and the other selected notes) to a cell'],
  ['Delete / Backspace', 'Delete the selected notes'],
  ['Ctrl+C, Ctrl+X, Ctrl+V', 'Copy, cut, paste notes'],
  ['Ctrl+D', 'Duplicate the selected notes'],
  ['Ctrl+A', 'Select every note'],
  ['Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y', 'Undo, redo (your own changes only)'],
  ['Drag empty space, scroll', 'Pan'],
  ['Ctrl+scroll, pinch, + and −', 'Zoom'],
  ['Shift+1', 'Fit the whole board'],
  ['Esc', 'Clear the selection'],
  ['?', 'This list'],
];

export function ShortcutsDialog() {
  const session = useSession();
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => session.editor.update({ panel: null })}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
