import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'

// Runs the real CLI as an operator would, against its own throwaway database.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parlnet-popolo-cli-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const sample = path.resolve('app/features/network/popolo/fixtures/popolo-sample.json')

function run(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-popolo.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dir },
    timeout: 30_000,
  })
}

/** Every row an import writes, to compare before and after a refusal. */
function tables() {
  const file = path.join(dir, 'portal.db')
  if (!fs.existsSync(file)) return null
  const db = new Database(file, { readonly: true })
  try {
    return Object.fromEntries(
      ['member', 'member_identifier', 'parliament', 'audit_event'].map((t) => [
        t,
        db.prepare(`select * from ${t} order by rowid`).all(),
      ]),
    )
  } finally {
    db.close()
  }
}

function brokenFile(name: string, content: string) {
  const file = path.join(dir, name)
  fs.writeFileSync(file, content)
  return file
}

describe('npm run import:popolo', () => {
  it('previews without writing on --dry-run, then imports, and a second run says 0 new', () => {
    const dry = run([sample, '--country', 'xe', '--region', 'europe', '--dry-run'])
    expect(dry.stderr).toBe('')
    expect(dry.status).toBe(0)
    expect(dry.stdout).toContain('Parliament: new, House of Examples / مجلس الأمثلة (national, XE, europe)')
    expect(dry.stdout).toMatch(/persons\s+4\s+3\s+0\s+0\s+-\s+1/)
    expect(dry.stdout).toContain(
      'p-layla-rahman (Layla Rahman): identifier example_registry:R-001 is also given to person "p-amina-haddad" in the file',
    )
    expect(dry.stdout).toContain('Dry run, nothing written')
    expect(tables()?.member ?? []).toHaveLength(0)

    const first = run([sample, '--country', 'XE', '--region', 'europe'])
    expect(first.stderr).toBe('')
    expect(first.status).toBe(0)
    expect(first.stdout).toMatch(
      /Imported into parliament #1 in \d+ ms: persons 3 new, 0 updated, 0 unchanged, 1 rejected/,
    )
    expect(tables()!.member).toHaveLength(3)

    const second = run([sample])
    expect(second.stderr).toBe('')
    expect(second.status).toBe(0)
    expect(second.stdout).toContain('Parliament: #1 House of Examples / مجلس الأمثلة (where its people already are)')
    expect(second.stdout).toContain('persons 0 new, 0 updated, 3 unchanged, 1 rejected')
    expect(second.stdout).toContain('Nothing to write')
  }, 60_000)

  it('refuses a broken file with one line, exit code 1 and nothing written', () => {
    const before = tables()
    expect(before!.member).toHaveLength(3)
    const cases: [string[], string][] = [
      [[brokenFile('bad.json', '{"persons": [')], 'import:popolo: the file is not valid JSON: '],
      [
        [brokenFile('shape.json', '{"persons": [{"id": 1}]}')],
        'import:popolo: the file is not a Popolo document the import can read: persons[0].id: ',
      ],
      [[path.join(dir, 'missing.json')], 'import:popolo: cannot read'],
      [[sample, '--parliament', 'abc'], 'import:popolo: --parliament must be'],
      [[sample, '--parliament', '999'], 'import:popolo: there is no parliament with id 999'],
      [[], 'import:popolo: no file given'],
    ]
    // A sparse 100 MB file: refused from its size alone, never read.
    const huge = path.join(dir, 'huge.json')
    fs.writeFileSync(huge, '')
    fs.truncateSync(huge, 100 * 1024 * 1024)
    cases.push([[huge], 'import:popolo: the file is 100.0 MB, larger than the 25.0 MB an import accepts'])

    for (const [args, message] of cases) {
      const result = run(args)
      expect(result.status, args.join(' ')).toBe(1)
      expect(result.stderr.startsWith(message), result.stderr).toBe(true)
      expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1)
      expect(result.stdout).toBe('')
    }
    expect(tables()).toEqual(before)
  }, 120_000)
})
