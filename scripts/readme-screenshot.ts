// `npm run screenshot:readme`: the README's picture of the home page, taken from the built portal on a fresh
// database with the demo data only (never from test data). Run after `npm run build`.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'

const port = Number(process.env.PORT ?? 3277)
const base = `http://127.0.0.1:${port}`
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parlnet-readme-'))
const executablePath =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'].find((f) => fs.existsSync(f))

const server = spawn(process.execPath, ['server.mjs'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO: '1',
    LOG_REQUESTS: '0',
  },
  stdio: 'inherit',
})

try {
  const until = Date.now() + 30_000
  for (;;) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    if (Date.now() > until) throw new Error('the portal did not answer /healthz within 30 s')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const browser = await chromium.launch({ executablePath })
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(`${base}/en`)
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: 'docs/screenshot.png' })
  await browser.close()
  console.log('docs/screenshot.png: /en with the demo data')
} finally {
  server.kill()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
