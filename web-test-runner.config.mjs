// Element tests run in a real Chromium: the one named by CHROME_PATH, else Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { tallyReporter } from './scripts/wtr-tally-reporter.mjs';
import { defaultReporter } from '@web/test-runner';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(
    `No Chromium found at ${executablePath}.\n` +
      'Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or point CHROME_PATH at a Chrome/Chromium binary.',
  );
  process.exit(1);
}

export default {
  files: ['test/elements/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 240000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [
    chromeLauncher({
      // Each test file gets its own browser context: a page left in a background tab runs no
      // IntersectionObserver, ResizeObserver or animation frame, and charts would never draw.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), tallyReporter()],
};
