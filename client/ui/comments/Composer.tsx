import { useMemo, useRef, useState } from 'react';
import { MAX_COMMENT_LENGTH, mentionQueryAt, type Person } from '../../../shared/comments/index.ts';
import { DEPARTMENT_STYLE } from '../../../shared/index.ts';

interface Props {
  readonly people: readonly Person[];
  readonly meId: string;
  readonly placeholder: string;
  readonly submitLabel: string;
  readonly initial?: string;
  readonly autoFocus?: boolean;
  readonly testId: string;
  /** Returns true when the comment was written (the box then empties). */
  readonly onSubmit: (text: string, mentions: string[]) => boolean;
  readonly onCancel?: () => void;
}

/**
 * A comment box: Enter sends, Shift+Enter starts a new line, `@` suggests everyone who has joined
 * the board. The length limit is shown as it nears and enforced before sending, with its reason.
 */
export function Composer({
  people,
  meId,
  placeholder,
  submitLabel,
  initial = '',
  autoFocus,
  testId,
  onSubmit,
  onCancel,
}: Props) {
  const [text, setText] = useState(initial);
  const [mentions, setMentions] = useState<string[]>([]);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const suggestions = useMemo(() => {
    if (!query) return [];
    const q = query.query.toLowerCase();
    return people
      .filter(
        (p) =>
          p.id !== meId &&
          (p.name
            .toLowerCase()
            .split(/\s+/)
            .some((w) => w.startsWith(q)) ||
            p.name.toLowerCase().startsWith(q)),
      )
      .slice(0, 6);
  }, [people, query, meId]);
  const over = text.trim().length > MAX_COMMENT_LENGTH;

  const updateQuery = (value: string, caret: number) => {
    setQuery(mentionQueryAt(value, caret));
    setActive(0);
  };
  const pick = (p: Person) => {
    if (!query) return;
    const caret = box.current?.selectionStart ?? text.length;
    const next = `${text.slice(0, query.start)}@${p.name} ${text.slice(caret)}`;
    setText(next);
    setMentions((m) => (m.includes(p.id) ? m : [...m, p.id]));
    setQuery(null);
    const at = query.start + p.name.length + 2;
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(at, at);
    });
  };
  const submit = () => {
    if (text.trim() === '' || over) return;
    if (onSubmit(text, mentions)) {
      setText('');
      setMentions([]);
    }
  };

  return (
    <div className="composer" data-testid={testId}>
      <textarea
        ref={box}
        value={text}
        rows={2}
        placeholder={placeholder}
        aria-label={placeholder}
        autoFocus={autoFocus}
        data-testid={`${testId}-input`}
        onChange={(e) => {
          setText(e.target.value);
          updateQuery(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={(e) => {
          // The canvas shortcuts (Delete, Ctrl+Z…) must not see typing; an Escape the composer
          // does not use goes on to close the popover.
          if (e.key !== 'Escape' || suggestions.length > 0 || onCancel) e.stopPropagation();
          if (suggestions.length > 0) {
            const n = suggestions.length;
            let used = true;
            if (e.key === 'ArrowDown') setActive((a) => (a + 1) % n);
            else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + n) % n);
            else if (e.key === 'Enter' || e.key === 'Tab') pick(suggestions[active]!);
            else if (e.key === 'Escape') setQuery(null);
            else used = false;
            if (used) {
              e.preventDefault();
              return;
            }
          }
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape' && onCancel) onCancel();
        }}
        onSelect={(e) => updateQuery(e.currentTarget.value, e.currentTarget.selectionStart)}
      />
      {suggestions.length > 0 && (
        <div className="mention-list" role="listbox" aria-label="People to mention" data-testid="mention-suggestions">
          {suggestions.map((p, i) => (
            // The focus stays in the text box (arrows move the highlight); a click picks without taking it.
            <div
              key={p.id}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
            >
              <span className="dept-dot" style={{ background: DEPARTMENT_STYLE[p.department].colour }} aria-hidden />
              {p.name}
              <span className="muted small">{DEPARTMENT_STYLE[p.department].label}</span>
            </div>
          ))}
        </div>
      )}
      <div className="composer-row">
        <span className={over ? 'small error' : 'small muted'} role={over ? 'alert' : undefined}>
          {over
            ? `Too long: ${text.trim().length} of ${MAX_COMMENT_LENGTH} characters. Shorten it or split it into two comments.`
            : text.length > MAX_COMMENT_LENGTH * 0.8
              ? `${MAX_COMMENT_LENGTH - text.trim().length} characters left`
              : text === ''
                ? '@ to mention someone'
                : 'Enter sends · Shift+Enter: new line'}
        </span>
        <span className="composer-buttons">
          {onCancel && (
            <button type="button" className="tb-button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button
            type="button"
            className="btn primary small-btn"
            disabled={text.trim() === '' || over}
            onClick={submit}
            data-testid={`${testId}-send`}
          >
            {submitLabel}
          </button>
        </span>
      </div>
    </div>
  );
}
