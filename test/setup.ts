import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { closeDb } from '../app/utils/db.server'

// Every test file gets its own throwaway database directory.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parlnet-unit-'))
process.env.DATA_DIR = dir
process.env.DEMO = '0'

afterAll(() => {
  closeDb()
  fs.rmSync(dir, { recursive: true, force: true })
})
