import type { HTMLAttributes, PointerEvent, Ref } from 'react';

type Props = HTMLAttributes<HTMLElement> & {
  readonly as?: 'div' | 'section' | 'aside';
  readonly ref?: Ref<HTMLDivElement>;
  readonly 'data-testid'?: string;
};

const keepOffBoard = (e: PointerEvent) => e.stopPropagation();

/**
 * A bar, panel or toolbar laid over the board: a press inside it stays in it, so the canvas below
 * does not start a pan, a selection or a drag.
 */
export function OverBoard({ as: Tag = 'div', ...props }: Props) {
  return <Tag {...props} onPointerDown={keepOffBoard} />;
}
