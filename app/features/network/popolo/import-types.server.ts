// The import's vocabulary: its options, what a plan and a result hold, and the error that refuses a whole import.
// Shared by the reading, planning and committing modules; import.server.ts re-exports the public names.
import type { Gender, Position, Region } from '#db/schema/index'
import type { PopoloDocument } from './schemas'

/** A refusal of the whole import; its message is one line meant for the operator. */
export class PopoloImportError extends Error {
  override name = 'PopoloImportError'
}

export type PopoloImportOptions = {
  /** The parliament the file's legislature is. */
  parliamentId?: number
  /** ISO 3166-1 alpha-2: narrows the match by name, and allows creating the parliament (with `region`). */
  countryCode?: string
  region?: Region
  /** Where the data came from (a file name), kept in the audit record. */
  source?: string
}

export type Identifier = { scheme: string; identifier: string }

export type MemberValues = {
  nameEn: string
  nameAr: string
  searchText: string
  position: Position
  groupName: string
  gender: Gender | null
  birthYear: number | null
  imageUrl: string | null
  email: string | null
  phone: string | null
  website: string | null
}
/** What the file says about a person; a missing key means the file does not say. */
export type Incoming = Partial<Omit<MemberValues, 'searchText' | 'position'>> & { position: Position }

export type RejectedPerson = { id: string; name: string; reason: string }
export type RejectedMembership = { id: string; personId: string; organizationId: string; reason: string }

export type PlannedInsert = { popoloId: string; values: MemberValues; identifiers: Identifier[] }
export type PlannedUpdate = {
  memberId: number
  popoloId: string
  changes: Partial<MemberValues & { popoloId: string }>
  identifiers: Identifier[]
}

export type ParliamentPlan =
  | { match: number; nameEn: string; nameAr: string; matchedBy: 'option' | 'members' | 'name' }
  | { match: 'new'; nameEn: string; nameAr: string; kind: 'national'; countryCode: string; region: Region }

/** A gender value the import could not read, and how many persons have it (stored as unknown). */
export type UnreadGender = { value: string; persons: number }

export type PopoloImportSummary = {
  /** The file's legislature organization, when it has one. */
  legislature: { id: string; nameEn: string; nameAr: string } | null
  parliament: ParliamentPlan
  persons: {
    total: number
    new: number
    updated: number
    unchanged: number
    rejected: RejectedPerson[]
    unreadGenders: UnreadGender[]
  }
  memberships: {
    total: number
    new: number
    updated: number
    unchanged: number
    /** Memberships of organizations that are neither the legislature nor a party (committees…). */
    ignored: number
    rejected: RejectedMembership[]
  }
}

/** Marks a plan made by planPopoloImport, so a commit can reuse its document. */
export const PLAN = Symbol('popolo-import-plan')

export type PopoloImportPlan = PopoloImportSummary & {
  [PLAN]: true
  document: PopoloDocument
  /** What a commit would write. */
  writes: {
    parliament: Extract<ParliamentPlan, { match: 'new' }> | null
    inserts: PlannedInsert[]
    updates: PlannedUpdate[]
  }
}

export type PopoloImportResult = PopoloImportSummary & {
  parliamentId: number
  /** False when the database already held everything the file says. */
  written: boolean
}
