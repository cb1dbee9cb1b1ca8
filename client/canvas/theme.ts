/** Canvas colours and type, kept in one place so the board reads as one product. */
export const THEME = {
  // Emoji: the machine's colour emoji font if it has one, else the one exports load (client/exports/emojiFont.ts).
  font: 'Inter, "Segoe UI", system-ui, -apple-system, "DejaVu Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", "Journeyboard Emoji"',
  ink: '#1f2430',
  inkSoft: '#5b6372',
  // 4.6:1 on white, ~4.3:1 on the tinted lanes: the canvas hints were #9aa1ad (2.6:1).
  inkFaint: '#6b7280',
  grid: '#e3e6eb',
  gridStrong: '#cfd4dc',
  panel: '#ffffff',
  headerFill: '#f7f8fa',
  selection: '#2563eb',
  dropFill: 'rgba(37, 99, 235, 0.08)',
} as const;

/** A drop shadow in the theme's slate, straight down: cards, badges and the board's sheet lift the same way. */
export function slateShadow(opacity: number, blur: number, offsetY: number) {
  return { shadowColor: '#0f172a', shadowOpacity: opacity, shadowBlur: blur, shadowOffsetY: offsetY } as const;
}
