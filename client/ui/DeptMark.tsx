import { DEPARTMENT_STYLE, type Department } from '../../shared/index.ts';

/**
 * A department's coloured letter mark. The letter is drawn by CSS (`data-mark`) and the mark is
 * hidden from assistive technology, so the label next to it reads "Marketing", not "MMarketing",
 * to a screen reader and to a script reading the text. Where no label is shown next to it, `spoken`
 * adds the department name for screen readers only.
 */
export function DeptMark({ department, spoken = false }: { department: Department; spoken?: boolean }) {
  const style = DEPARTMENT_STYLE[department];
  return (
    <>
      <span
        className="dept-mark"
        style={{ background: style.colour }}
        data-mark={style.mark}
        title={spoken ? style.label : undefined}
        aria-hidden
      />
      {spoken && <span className="sr-only">{style.label} </span>}
    </>
  );
}
