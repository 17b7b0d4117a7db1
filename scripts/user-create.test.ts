import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'

// Runs the real CLI as an operator would, against its own throwaway database.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parlnet-cli-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function run(args: string[], input: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dir },
    timeout: 30_000,
  })
}

function users() {
  const db = new Database(path.join(dir, 'portal.db'), { readonly: true })
  try {
    return db.prepare('select email, name, role, password_hash from user').all() as {
      email: string
      name: string
      role: string
      password_hash: string
    }[]
  } finally {
    db.close()
  }
}

describe('npm run user:create', () => {
  it('creates the first admin with the password read from standard input', () => {
    const result = run(
      ['--email', 'First.Admin@Example.org', '--name', 'First Admin', '--role', 'admin'],
      'a strong admin password\n',
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('created admin first.admin@example.org')
    const [row] = users()
    expect(row).toMatchObject({ email: 'first.admin@example.org', name: 'First Admin', role: 'admin' })
    expect(row!.password_hash).toMatch(/^\$argon2id\$/)
    expect(row!.password_hash).not.toContain('a strong admin password')
  }, 30_000)

  it('refuses a short password, a bad role and a duplicate address, creating nothing', () => {
    const short = run(['--email', 'x@example.org', '--name', 'X', '--role', 'member'], 'short\n')
    expect(short.status).toBe(1)
    expect(short.stderr).toContain('at least 12 characters')
    const role = run(['--email', 'y@example.org', '--name', 'Y', '--role', 'king'], 'a strong password here\n')
    expect(role.status).toBe(1)
    expect(role.stderr).toContain('--role must be one of member, coordinator, admin')
    const dup = run(
      ['--email', 'first.admin@example.org', '--name', 'Again', '--role', 'admin'],
      'a strong password here\n',
    )
    expect(dup.status).toBe(1)
    expect(dup.stderr).toContain('already exists')
    expect(users()).toHaveLength(1)
  }, 60_000)
})
