// Reading the file: bad JSON, a wrong shape and an oversized file are refused with a clear message, the database
// unchanged.
import { describe, expect, it } from 'vitest'
import { PopoloImportError, commitPopoloImport, parsePopoloJson, planPopoloImport } from './import.server'
import { fixtureText, memberCount, snapshot } from './import.test-helpers'

describe('a broken file is refused with a clear message and the database unchanged', () => {
  function expectRefused(action: () => unknown, message: RegExp | string) {
    const before = snapshot()
    const members = memberCount()
    expect(action).toThrow(PopoloImportError)
    expect(action).toThrow(message)
    expect(memberCount()).toBe(members)
    expect(snapshot()).toEqual(before)
  }

  it('bad JSON gives the JSON error', () => {
    expectRefused(
      () => commitPopoloImport(parsePopoloJson('{"persons": [{"id": "x",}]}')),
      /^the file is not valid JSON: .+/,
    )
  })

  it('a wrong shape gives the first issues with their paths', () => {
    expectRefused(
      () =>
        commitPopoloImport({
          persons: [
            { id: 'x', name: 'Fine' },
            { id: 7, name: ['not', 'a', 'name'] },
          ],
        }),
      /^the file is not a Popolo document the import can read: persons\[1\]\.id: .*expected string.*; persons\[1\]\.name: /,
    )
    expectRefused(() => planPopoloImport([1, 2, 3]), /\(document\): .*expected object/)
    expectRefused(() => planPopoloImport({ organizations: [] }), /persons: .*expected array/)
    expectRefused(
      () => planPopoloImport({ persons: [{ id: 'x', birth_date: '12/05/1980' }] }),
      /persons\[0\]\.birth_date: expected a date/,
    )
    expectRefused(
      () => planPopoloImport({ persons: [{ id: 'x', name: 'n'.repeat(501) }] }),
      /persons\[0\]\.name: Too big/,
    )
    expectRefused(
      () => planPopoloImport({ persons: [], memberships: Array.from({ length: 200_001 }, () => ({})) }),
      /memberships: Too big: expected array to have <=200000 items/,
    )
  })

  it('an oversized file is refused before parsing', () => {
    expectRefused(
      () => parsePopoloJson(fixtureText, { maxBytes: 1024 }),
      /^the file is \d+\.\d kB, larger than the 1\.0 kB an import accepts/,
    )
    // Bytes, not characters: Arabic letters take two bytes each.
    expect(() => parsePopoloJson('"' + 'ع'.repeat(600) + '"', { maxBytes: 1000 })).toThrow(PopoloImportError)
    expect(parsePopoloJson('\uFEFF{"persons": []}')).toEqual({ persons: [] })
  })
})
