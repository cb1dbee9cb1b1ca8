import type { ButtonHTMLAttributes } from 'react';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'aria-label'> & {
  /** What the button does, in words: its glyph alone says nothing to a screen reader. */
  readonly label: string;
  readonly 'data-testid'?: string;
};

/** A small square button showing a glyph (×, ↶, +), named by `label`. */
export function IconButton({ label, className, ...props }: Props) {
  return (
    <button
      type="button"
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      {...props}
    />
  );
}

/** The × that closes a panel, a popover or a notice. */
export function CloseButton(props: Omit<Props, 'children'>) {
  return <IconButton {...props}>×</IconButton>;
}
