import { defineConfig, devices } from '@playwright/test';

/** Specs for phones and tablets (`*.touch.spec.ts`) and for phones only (`*.phone.spec.ts`). */
const TOUCH = /\.touch\.spec\.ts$/;
const PHONE = /\.(touch|phone)\.spec\.ts$/;

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser). Each spec starts its own
 * Journeyboard server (see e2e/fixtures.ts), serving the test build from dist/client-test. The
 * phone and tablet projects emulate the devices (viewport, touch, mobile layout) in that same
 * Chromium: a device's own browser (Safari on an iPhone) is not what is tested.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Two-person tests take 15–35 s on a quiet 2-core machine and twice that at load 18 (measured);
  // a test that waits on conditions only gets slower under load, never wrong, so leave it room.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', testIgnore: PHONE },
    { name: 'phone', testMatch: PHONE, use: { ...devices['iPhone 13'], browserName: 'chromium' } },
    { name: 'tablet', testMatch: TOUCH, use: { ...devices['iPad Mini'], browserName: 'chromium' } },
  ],
});
