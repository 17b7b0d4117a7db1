import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'

// The built server refuses to start on a bad configuration, with one line naming the variable.
test.describe('server start-up', () => {
  const cases = [
    { env: { PORT: 'abc' }, name: 'PORT' },
    { env: { PORT: '70000' }, name: 'PORT' },
    { env: { SMTP_URL: 'http://user:hunter2-secret@mail.example' }, name: 'SMTP_URL', secret: 'hunter2-secret' },
    { env: { DEMO: 'maybe' }, name: 'DEMO' },
    { env: { PUBLIC_URL: 'not a url' }, name: 'PUBLIC_URL' },
  ]
  for (const c of cases) {
    test(`${c.name}=${Object.values(c.env)[0]} stops the server with one line`, () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parlnet-config-'))
      const result = spawnSync(process.execPath, ['server.mjs'], {
        env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, ...c.env },
        encoding: 'utf8',
        timeout: 20_000,
      })
      fs.rmSync(dataDir, { recursive: true, force: true })
      expect(result.status).toBe(1)
      const lines = result.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${c.name} `))
      if (c.secret) expect(result.stderr + result.stdout).not.toContain(c.secret)
    })
  }
})
