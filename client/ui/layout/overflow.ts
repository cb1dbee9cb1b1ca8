/**
 * A control of a bar that gives way when the screen is narrow: it stands in the bar from
 * `inlineFrom` CSS px of window width up, and in the bar's "More" menu below that. The widths are
 * chosen per bar (by priority: the most used stay longest) so that nothing is ever cut off at 360 px.
 */
export interface Collapsible {
  readonly id: string;
  readonly inlineFrom: number;
}

export interface Split<T> {
  readonly inline: readonly T[];
  readonly overflow: readonly T[];
}

/** Which controls stand in the bar at `width` and which go into its "More" menu, each in the given order. */
export function splitByWidth<T extends Collapsible>(items: readonly T[], width: number): Split<T> {
  return {
    inline: items.filter((i) => width >= i.inlineFrom),
    overflow: items.filter((i) => width < i.inlineFrom),
  };
}
