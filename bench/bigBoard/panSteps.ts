/**
 * Panning as a person does it, measured the way issue 26 asks: wheel steps sent as real input
 * (CDP `Input.dispatchMouseEvent`), one every 16 ms; per step, ALL main-thread task time
 * (Chromium's `TaskDuration` counter over the pan and until the page is quiet again, so work the
 * app defers past the input's frame is counted), and the gaps between animation frames over 20 ms.
 * Timing the input's own frame alone said "9 ms" where the page really spent ~45 ms a step.
 */
import type { CDPSession, Page } from '@playwright/test';

export interface PanFigures {
  /** Main-thread task time per step (ms), from the first step until the page settled. */
  readonly taskMsPerStep: number;
  /** Animation frames more than 20 ms apart, during the pan. */
  readonly gapsOver20: number;
  /** The longest gap between two frames during the pan (ms). */
  readonly longestGapMs: number;
}

const STEP_MS = 16;
/** After the last step: deferred work (idle caching of the notes that came into view) is counted. */
const SETTLE_MS = 500;

/**
 * A CDP session of `page` counting task time as the main thread's CPU time (`threadTicks`): on a
 * shared machine, wall time would also count the time other processes held the core.
 */
export async function taskCounter(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return cdp;
}

async function canvasCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('no board canvas');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

/**
 * `steps` wheel pans over the canvas, alternating left and right while going down. `still`: the
 * same time with no input at all, the control: on a shared machine, frames go missing without
 * any work of the page's own. `zoom`: a trackpad pinch instead (Ctrl+wheel), zooming in by 3 %
 * a step around the canvas's centre. `drag`: the left button pressed at `at` (a note), then
 * `steps` moves of 3 px right and a few down; released after the figures are taken.
 * `at`: where the input goes, by default the middle of Journeyboard's canvas.
 */
export async function panSteps(
  page: Page,
  cdp: CDPSession,
  steps = 30,
  input: 'pan' | 'zoom' | 'still' | 'drag' = 'pan',
  at?: { x: number; y: number },
): Promise<PanFigures> {
  at ??= await canvasCentre(page);
  const mouse = (
    type: 'mouseMoved' | 'mousePressed' | 'mouseReleased',
    x: number,
    y: number,
    button: 'left' | 'none',
  ) => cdp.send('Input.dispatchMouseEvent', { type, x, y, button, buttons: button === 'left' ? 1 : 0, clickCount: 1 });
  if (input === 'drag') {
    await mouse('mouseMoved', at.x, at.y, 'none');
    await mouse('mousePressed', at.x, at.y, 'left');
    // Past any drag threshold before the measured moves.
    for (let k = 1; k <= 3; k++) await mouse('mouseMoved', at.x + 4 * k, at.y + 4 * k, 'left');
  }
  await page.evaluate(() => {
    const w = window as unknown as { panFrames: number[]; panFramesOn: boolean };
    w.panFrames = [];
    w.panFramesOn = true;
    const tick = (t: number) => {
      w.panFrames.push(t);
      if (w.panFramesOn) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const before = await taskSeconds(cdp);
  const start = performance.now();
  const sent: Promise<unknown>[] = [];
  for (let i = 0; i < steps; i++) {
    if (input === 'drag') sent.push(mouse('mouseMoved', at.x + 12 + 3 * i, at.y + 12 + (i % 7), 'left'));
    else if (input !== 'still')
      sent.push(
        cdp.send('Input.dispatchMouseEvent', {
          type: 'mouseWheel',
          x: at.x,
          y: at.y,
          ...(input === 'zoom' ? { deltaX: 0, deltaY: -3, modifiers: 2 } : { deltaX: i % 2 ? 25 : -25, deltaY: 30 }),
        }),
      );
    const next = start + (i + 1) * STEP_MS;
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  await Promise.all(sent);
  // The frames of the pan: until the first frame after the last step's input was handled.
  const frames = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const w = window as unknown as { panFrames: number[]; panFramesOn: boolean };
            w.panFramesOn = false;
            resolve(w.panFrames);
          }),
        ),
      ),
  );
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const after = await taskSeconds(cdp);
  if (input === 'drag') await mouse('mouseReleased', at.x + 12 + 3 * steps, at.y + 12, 'left');
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  return {
    taskMsPerStep: ((after - before) * 1000) / steps,
    gapsOver20: gaps.filter((g) => g > 20).length,
    longestGapMs: Math.max(0, ...gaps),
  };
}
