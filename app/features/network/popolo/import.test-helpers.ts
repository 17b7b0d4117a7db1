// Helpers shared by the Popolo import's tests: the sample file (with prefixed ids), a parliament to import into,
// and the rows an import can touch, to prove a refusal or an unchanged re-import writes nothing.
import fs from 'node:fs'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { member, parliament } from '#db/schema/index'
import { normalizeForSearch } from '~/utils/arabic'
import { getDb } from '~/utils/db.server'
import { commitPopoloImport, type PopoloImportOptions } from './import.server'

const fixturePath = path.resolve('app/features/network/popolo/fixtures/popolo-sample.json')
export const fixtureText = fs.readFileSync(fixturePath, 'utf8')

export type Doc = {
  persons: { id: string; name?: string; email?: string; identifiers?: { scheme: string; identifier: string }[] }[]
  memberships: { person_id: string; on_behalf_of_id?: string }[]
}

/**
 * The sample with its Popolo ids and identifiers prefixed: Popolo ids and identifiers are unique across the
 * database, so each test that wants a fresh start imports its own copy of the same people.
 */
export function sample(prefix: string): Doc {
  const doc = JSON.parse(fixtureText) as Doc
  for (const p of doc.persons) {
    p.id = `${prefix}-${p.id}`
    for (const i of p.identifiers ?? []) i.identifier = `${prefix}-${i.identifier}`
  }
  for (const m of doc.memberships) m.person_id = `${prefix}-${m.person_id}`
  return doc
}

let countrySeq = 0
export function addParliament(nameEn: string, nameAr = '') {
  countrySeq += 1
  // User-assigned ISO codes (XA…XZ) cannot collide with the real files' KW, IQ, AU.
  const countryCode = `X${String.fromCharCode(64 + countrySeq)}`
  return getDb()
    .insert(parliament)
    .values({ kind: 'national', countryCode, nameEn, nameAr, region: 'europe', searchText: normalizeForSearch(nameEn) })
    .returning()
    .get()
}

export function memberCount(parliamentId?: number) {
  const q = getDb().select({ n: count() }).from(member)
  return (parliamentId === undefined ? q : q.where(eq(member.parliamentId, parliamentId))).get()!.n
}

export function membersOf(parliamentId: number) {
  return getDb().select().from(member).where(eq(member.parliamentId, parliamentId)).orderBy(member.id).all()
}

/** Every row an import can touch, to prove that "unchanged" and "refused" write nothing. */
export function snapshot() {
  const sqlite = getDb().$client
  return ['member', 'member_identifier', 'parliament', 'audit_event'].map((t) =>
    sqlite.prepare(`select * from ${t} order by rowid`).all(),
  )
}

export function importSample(prefix: string, options: PopoloImportOptions) {
  return commitPopoloImport(sample(prefix), options)
}
