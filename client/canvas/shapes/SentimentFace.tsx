import { Circle, Group, Shape } from 'react-konva';

/** A face drawn with shapes (no emoji font needed): the mouth curves with the score -2..+2. */
export function SentimentFace({ x, y, r, sentiment }: { x: number; y: number; r: number; sentiment: number }) {
  const fill = ['#f87171', '#fdba74', '#fde68a', '#bef264', '#4ade80'][sentiment + 2] ?? '#fde68a';
  const curve = sentiment * 0.22 * r;
  return (
    <Group x={x} y={y} listening={false}>
      <Circle radius={r} fill={fill} stroke="#1f2430" strokeWidth={1} perfectDrawEnabled={false} />
      <Circle x={-r * 0.35} y={-r * 0.25} radius={r * 0.11} fill="#1f2430" perfectDrawEnabled={false} />
      <Circle x={r * 0.35} y={-r * 0.25} radius={r * 0.11} fill="#1f2430" perfectDrawEnabled={false} />
      <Shape
        sceneFunc={(ctx, shape) => {
          ctx.beginPath();
          ctx.moveTo(-r * 0.45, r * 0.3);
          ctx.quadraticCurveTo(0, r * 0.3 + curve * 2, r * 0.45, r * 0.3);
          ctx.strokeShape(shape);
        }}
        stroke="#1f2430"
        strokeWidth={1.4}
        lineCap="round"
      />
    </Group>
  );
}
