// The walls of docs/architecture.md are ESLint rules; these cases show that `npm run lint` fails on each breach.
// Each case lints a text as if it stood at a path of the app (nothing is written to disk).
import fs from 'node:fs'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() })
})

async function rulesBroken(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('the walls between folders', () => {
  it('a route importing db/ fails', async () => {
    expect(await rulesBroken('app/routes/$lang.wall-test.tsx', "export { user } from '#db/schema/index'\n")).toContain(
      'no-restricted-imports',
    )
    expect(
      await rulesBroken('app/routes/$lang.wall-test.tsx', "export { getDb } from '~/utils/db.server'\n"),
    ).toContain('no-restricted-imports')
  })

  it('a util or a shared component importing a feature fails', async () => {
    expect(await rulesBroken('app/utils/wall-test.ts', "export { getMeeting } from '~/features/meetings'\n")).toContain(
      'no-restricted-imports',
    )
    expect(
      await rulesBroken('app/components/wall-test.tsx', "export { getMeeting } from '~/features/meetings'\n"),
    ).toContain('no-restricted-imports')
  })

  it("a feature reaching into another feature's files fails; its index.ts is fine", async () => {
    const deep = "export { getMeeting } from '~/features/meetings/meeting.server'\n"
    expect(await rulesBroken('app/features/library/wall-test.ts', deep)).toContain('no-restricted-imports')
    expect(await rulesBroken('app/features/library/wall-test.ts', "export { x } from '../meetings/x'\n")).toContain(
      'no-restricted-imports',
    )
    const viaIndex = "export { getMeeting } from '~/features/meetings'\n"
    expect(await rulesBroken('app/features/partners/wall-test.ts', viaIndex)).not.toContain('no-restricted-imports')
  })

  it('a route writing audit rows itself or checking ids by hand fails', async () => {
    const audit = "export { recordAuditEvent } from '~/utils/audit.server'\n"
    expect(await rulesBroken('app/routes/$lang.wall-test.tsx', audit)).toContain('no-restricted-imports')
    const id = 'export const valid = (id: number) => Number.isSafeInteger(id) && id > 0\n'
    expect(await rulesBroken('app/routes/$lang.wall-test.tsx', id)).toContain('no-restricted-properties')
  })

  it('an import cycle fails', async () => {
    // app/utils/i18n.ts imports ./query-string; query-string importing ./i18n back closes a cycle.
    expect(fs.readFileSync('app/utils/i18n.ts', 'utf8')).toContain("from './query-string'")
    const code = "import { languages } from './i18n'\nexport const all = languages\n"
    expect(await rulesBroken('app/utils/query-string.ts', code)).toContain('import-x/no-cycle')
  })

  it('the same files without the breach pass', async () => {
    expect(await rulesBroken('app/routes/$lang.wall-test.tsx', "export { parseId } from '~/utils/ids'\n")).toEqual([])
  })
})
