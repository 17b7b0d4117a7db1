import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'

// One throwaway database for the run. Set once in the main process; workers inherit the variable.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `parlnet-e2e-${Date.now()}-${process.pid}`)
const dataDir = process.env.E2E_DATA_DIR
const port = Number(process.env.E2E_PORT ?? 3210)
// Debian's chromium-headless-shell (the "old" headless Chromium, what Playwright itself runs headless) when it is
// installed: the same Blink at a third of the CPU of the full browser for every new page and navigation.
const chromium =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((file) => fs.existsSync(file)) ??
  '/usr/bin/chromium'
export const baseURL = `http://127.0.0.1:${port}`

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    // A failed test keeps its trace (DOM snapshots, network, console) and a screenshot of its end; the trace's
    // running screencast is left out: it cost about 7% of the suite's CPU.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The built app in production mode (Secure cookies included) on a fresh database with the demo data.
    command: `rm -rf "${dataDir}" && node server.mjs`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO: '1',
      LOG_REQUESTS: '0',
    },
  },
})
