// Shared by the drafts feature's model tests: people and parliaments written straight into the test database, a
// valid draft's input, and the row counts of every table a change might write.
import { sql } from 'drizzle-orm'
import {
  auditEvent,
  draft,
  draftAmendment,
  draftComment,
  draftEditor,
  draftLead,
  draftPillar,
  draftResolution,
  draftTheme,
  draftVersion,
  outbox,
  parliament,
  provision,
  provisionChange,
  provisionText,
  user,
} from '#db/schema/index'
import type { Locale, Role } from '#db/enums'
import { getDb } from '~/utils/db.server'
import { createDraft, getDraft, type DraftDetail } from './draft.server'

export type Person = { id: number; role: Role; parliamentId: number | null; name: string }

let n = 0
export function addUser(parliamentId: number | null, role: Role = 'member', locale: Locale = 'en'): Person {
  n++
  return getDb()
    .insert(user)
    .values({ email: `drafter${n}@example.org`, name: `Drafter ${n}`, role, parliamentId, locale, passwordHash: 'x' })
    .returning({ id: user.id, role: user.role, parliamentId: user.parliamentId, name: user.name })
    .get()
}

let c = 0
export function addParliament(nameEn: string, nameAr: string) {
  c++
  return getDb()
    .insert(parliament)
    .values({
      kind: 'national',
      countryCode: `Q${String.fromCharCode(65 + (c % 26))}`,
      chamber: c > 26 ? 'upper' : 'single',
      nameEn,
      nameAr,
      region: 'middle_east_north_africa',
      joinedAt: '2021-12-13',
    })
    .returning({ id: parliament.id })
    .get().id
}

export function addPeople() {
  const jordan = addParliament('House of Representatives of Jordan', 'مجلس النواب الأردني')
  const iraq = addParliament('Council of Representatives of Iraq', 'مجلس النواب العراقي')
  return {
    jordan,
    iraq,
    coordinator: addUser(null, 'coordinator', 'en'),
    otherCoordinator: addUser(null, 'coordinator', 'ar'),
    admin: addUser(null, 'admin'),
    editor: addUser(jordan, 'member', 'ar'),
    secondEditor: addUser(iraq, 'member', 'en'),
    leadMember: addUser(jordan),
    otherMember: addUser(iraq),
    homeless: addUser(null),
  }
}

export function draftInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'model_law',
    titleEn: 'Model law on countering the financing of terrorism',
    titleAr: 'القانون النموذجي لمكافحة تمويل الإرهاب',
    summaryEn: 'Written for the demo.',
    summaryAr: 'كُتب للعرض.',
    originalLanguage: 'ar',
    pillars: [2],
    resolutions: ['2462'],
    themes: ['terrorism_financing'],
    visibility: 'members',
    consultationScope: 'members',
    editorIds: [],
    ...overrides,
  }
}

/** A draft made through the model (a refusal fails the test). */
export function addDraft(
  by: Person,
  overrides: Record<string, unknown> & { coordinatorId: number; leadParliamentIds: number[] },
): DraftDetail {
  const made = createDraft(draftInput(overrides), by)
  if (!made.ok) throw new Error(`createDraft refused: ${made.error}`)
  return getDraft(made.value.id)!
}

/** Sets a draft's stage straight in the database (for tests of what a stage allows, not of the moves). */
export function forceStage(id: number, stage: DraftDetail['stage'], closesAt: Date | null = null) {
  getDb()
    .update(draft)
    .set({ stage, consultationClosesAt: closesAt })
    .where(sql`${draft.id} = ${id}`)
    .run()
  return getDraft(id)!
}

export const tables = {
  draft,
  lead: draftLead,
  editor: draftEditor,
  pillar: draftPillar,
  resolution: draftResolution,
  theme: draftTheme,
  provision,
  text: provisionText,
  change: provisionChange,
  version: draftVersion,
  comment: draftComment,
  amendment: draftAmendment,
  audit: auditEvent,
  mail: outbox,
}

/** How many rows each table holds: a refusal leaves them all as they were. */
export function counts() {
  const db = getDb()
  return Object.fromEntries(
    Object.entries(tables).map(([name, table]) => [
      name,
      db
        .select({ n: sql<number>`count(*)` })
        .from(table)
        .get()!.n,
    ]),
  ) as Record<keyof typeof tables, number>
}
