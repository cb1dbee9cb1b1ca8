import { DeptMark } from './DeptMark.tsx';
import { useEffect, useState } from 'react';
import { DEPARTMENT_STYLE, DEPARTMENTS, type Department } from '../../shared/index.ts';
import { fetchMe } from '../api/account.ts';
import type { Identity } from '../identity/identity.ts';
import { Dialog } from './Dialog.tsx';
import { TextField } from './TextField.tsx';

/**
 * Asked once per device: the name and team shown on your notes and cursor. Opened again from the
 * top bar, it also offers to take this identity to another device (`onAnotherDevice`).
 */
export function JoinDialog({
  initial,
  onJoin,
  onCancel,
  onAnotherDevice,
}: {
  initial: Identity | null;
  onJoin: (name: string, department: Department) => void;
  onCancel?: () => void;
  onAnotherDevice?: () => void;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [department, setDepartment] = useState<Department>(initial?.department ?? 'marketing');
  useEffect(() => {
    // Signed in with a company account: offer the name the company knows (still editable).
    if (initial) return;
    let live = true;
    fetchMe().then(
      (me) => live && me.person?.name && setName((typed) => typed || me.person!.name!),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [initial]);
  return (
    <Dialog title={initial ? 'Your name and team' : 'Join the workshop'} onClose={onCancel}>
      <form
        className="join-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onJoin(name.trim(), department);
        }}
      >
        <p className="muted">Colleagues see this on your cursor and on the notes you write.</p>
        <TextField
          id="join-name"
          label="Display name"
          data-testid="join-name"
          autoFocus
          required
          maxLength={60}
          value={name}
          onValue={setName}
          placeholder="e.g. Priya Shah"
        />
        <span className="field-label">Department</span>
        <div className="dept-choices" role="radiogroup" aria-label="Department">
          {DEPARTMENTS.map((d) => (
            <label key={d} className={`dept-choice ${department === d ? 'active' : ''}`}>
              <input
                type="radio"
                name="department"
                value={d}
                checked={department === d}
                onChange={() => setDepartment(d)}
              />
              <DeptMark department={d} />
              {DEPARTMENT_STYLE[d].label}
            </label>
          ))}
        </div>
        <div className="dialog-actions">
          {onAnotherDevice && (
            <button
              type="button"
              className="btn ghost device-other"
              onClick={onAnotherDevice}
              data-testid="use-on-another-device"
            >
              Use this identity on another device
            </button>
          )}
          {onCancel && (
            <button type="button" className="btn" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="btn primary" data-testid="join-submit" disabled={!name.trim()}>
            {initial ? 'Save' : 'Join board'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
