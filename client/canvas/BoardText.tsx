import type { ComponentProps } from 'react';
import { Text } from 'react-konva';
import { THEME } from './theme.ts';

type Props = ComponentProps<typeof Text> & {
  /** One line, cut with an ellipsis where it does not fit. */
  readonly oneLine?: boolean;
};

const ONE_LINE = { wrap: 'none', ellipsis: true } as const;

/** Text on the board: the theme's font, and its ink unless a fill is given, so the board reads as one product. */
export function BoardText({ oneLine = false, ...props }: Props) {
  return <Text fontFamily={THEME.font} fill={THEME.ink} {...(oneLine ? ONE_LINE : undefined)} {...props} />;
}
