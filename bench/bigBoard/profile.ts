/**
 * CPU profiles of the big-board benchmark's phases (`--profile DIR`): each phase is recorded with
 * the Chrome DevTools Protocol's sampling profiler and written as DIR/<notes>-<phase>.cpuprofile
 * (open it in Chromium's DevTools, Performance panel), and its heaviest functions are printed.
 * Build the client with `npx vite build --mode test --minify false` first for readable names.
 */
import type { CDPSession, Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export class PhaseProfiler {
  private cdp: CDPSession | null = null;
  private readonly dir: string | undefined;

  constructor(dir: string | undefined) {
    this.dir = dir;
    if (dir) mkdirSync(dir, { recursive: true });
  }

  async start(page: Page): Promise<void> {
    if (!this.dir) return;
    this.cdp ??= await page.context().newCDPSession(page);
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await this.cdp.send('Profiler.start');
  }

  async stop(name: string): Promise<void> {
    if (!this.dir || !this.cdp) return;
    const { profile } = (await this.cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    writeFileSync(join(this.dir, `${name}.cpuprofile`), JSON.stringify(profile));
    const rows = heaviest(profile);
    const print = (title: string, list: typeof rows) => {
      console.log(`\n${name}: ${title} (self ms / total ms)`);
      for (const r of list.slice(0, 25))
        console.log(`  ${r.self.toFixed(1).padStart(8)} ${r.total.toFixed(1).padStart(8)}  ${r.name}`);
    };
    print(
      'most time in the function itself',
      [...rows].sort((a, b) => b.self - a.self),
    );
    print(
      'most time including callees',
      [...rows].sort((a, b) => b.total - a.total),
    );
  }
}

/** Self and inclusive time per function (recursion counted once), from the sampled call tree. */
export function heaviest(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
  const rows = new Map<string, { self: number; total: number }>();
  for (const [id, ms] of selfMs) {
    const leaf = byId.get(id)!;
    const row = rows.get(key(leaf)) ?? { self: 0, total: 0 };
    row.self += ms;
    rows.set(key(leaf), row);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const k = key(byId.get(n)!);
      if (seen.has(k)) continue;
      seen.add(k);
      const r = rows.get(k) ?? { self: 0, total: 0 };
      r.total += ms;
      rows.set(k, r);
    }
  }
  return [...rows].map(([name, r]) => ({ name, ...r })).filter((r) => !/^\((root|program|idle)\)/.test(r.name));
}
