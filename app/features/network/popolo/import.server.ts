// Importing members of a parliament from a Popolo JSON file (http://www.popoloproject.com/specs/), e.g. the
// EveryPolitician exports. Two steps: `planPopoloImport` reads the database and says what would change;
// `commitPopoloImport` plans again inside one write transaction and applies it, so a preview never goes stale.
//
// Decisions (docs/decisions would hold the long form):
// - One legislature per file. The organization with classification "legislature" becomes the target parliament:
//   `parliamentId` when given; else the parliament the file's already-known people belong to (a re-import);
//   else a parliament with the same English or Arabic name (and the same country when `countryCode` is given);
//   else, only when `countryCode` and `region` are given, a new national parliament with the file's names.
//   Anything else refuses the whole import and asks for --parliament. A file without a legislature needs
//   `parliamentId`, and then every person in it is a member of that parliament.
// - People are matched by Popolo id, then by identifiers (scheme + identifier). An identifier of a global scheme
//   (Wikidata, VIAF…) matches in any parliament; any other scheme is a legislature's own (EveryPolitician's
//   `everypolitician_legacy:320` is a different person in Iraq and in Algeria), so it matches only within the target
//   parliament (docs/decisions/021). An import never moves a member between parliaments and never takes an
//   identifier from another member: such a person is rejected, with why.
// - The file says what it knows: a field absent from it keeps the stored value (a coordinator's Arabic name for
//   an Australian senator survives a re-import). For a member with an account, who edits their own profile, the
//   import only fills empty fields.
// - A person's group is the party of their most recent membership (`on_behalf_of` of a legislature membership,
//   or a membership of a party organization); memberships of other organizations (committees…) are ignored.
//
// The modules: import-types (options, plan, result, error), import-parse (reading the file), import-values
// (mapping a person's values), import-match (matching the database), import-plan (the plan); this one commits.
import { eq, sql } from 'drizzle-orm'
import { member, memberIdentifier, parliament } from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb } from '~/utils/db.server'
import { parliamentSearchText } from '../parliament.server'
import { INSERT_BATCH, chunks } from './import-match.server'
import { parsePopoloDocument } from './import-parse.server'
import { buildPlan } from './import-plan.server'
import {
  PLAN,
  type PopoloImportOptions,
  type PopoloImportPlan,
  type PopoloImportResult,
  type PopoloImportSummary,
} from './import-types.server'
import { isGlobalScheme } from './import-values.server'

export { MAX_POPOLO_BYTES, checkPopoloSize, parsePopoloDocument, parsePopoloJson } from './import-parse.server'
export {
  PopoloImportError,
  type ParliamentPlan,
  type PlannedInsert,
  type PlannedUpdate,
  type PopoloImportOptions,
  type PopoloImportPlan,
  type PopoloImportResult,
  type PopoloImportSummary,
  type RejectedMembership,
  type RejectedPerson,
  type UnreadGender,
} from './import-types.server'
export { GLOBAL_IDENTIFIER_SCHEMES, isGlobalScheme } from './import-values.server'

function isPlan(input: unknown): input is PopoloImportPlan {
  return typeof input === 'object' && input !== null && (input as { [PLAN]?: true })[PLAN] === true
}

/** The preview: what an import of this parsed JSON would do, without writing anything. */
export function planPopoloImport(json: unknown, options: PopoloImportOptions = {}): PopoloImportPlan {
  return buildPlan(getDb(), parsePopoloDocument(json), options)
}

/**
 * Applies an import in one write transaction: everything or, on any error, nothing. The plan is made again
 * inside the transaction (a preview's document is reused, its counts are not), so the result is exact.
 */
export function commitPopoloImport(
  input: PopoloImportPlan | unknown,
  options: PopoloImportOptions = {},
  actorId: number | null = null,
): PopoloImportResult {
  const doc = isPlan(input) ? input.document : parsePopoloDocument(input)
  const db = getDb()
  return db.transaction(
    (tx) => {
      const plan = buildPlan(tx, doc, options)
      const { writes } = plan
      let parliamentId: number
      if (writes.parliament) {
        const p = writes.parliament
        parliamentId = tx
          .insert(parliament)
          .values({
            kind: p.kind,
            countryCode: p.countryCode,
            nameEn: p.nameEn,
            nameAr: p.nameAr,
            region: p.region,
            searchText: parliamentSearchText(p),
          })
          .returning({ id: parliament.id })
          .get().id
      } else {
        parliamentId = plan.parliament.match as number
      }
      // Many rows per statement: building and preparing one statement per row was most of an import's time.
      // RETURNING's order is unspecified, so new ids are matched back through the (unique) Popolo id.
      const newIds = new Map<string, number>()
      for (const part of chunks(writes.inserts, INSERT_BATCH)) {
        const rows = tx
          .insert(member)
          .values(part.map((row) => ({ ...row.values, parliamentId, popoloId: row.popoloId })))
          .returning({ id: member.id, popoloId: member.popoloId })
          .all()
        for (const row of rows) newIds.set(row.popoloId!, row.id)
      }
      for (const row of writes.updates) {
        if (Object.keys(row.changes).length === 0) continue
        tx.update(member)
          .set({ ...row.changes, updatedAt: sql`(unixepoch())` })
          .where(eq(member.id, row.memberId))
          .run()
      }
      const identifiers = [
        ...writes.inserts.flatMap((row) => row.identifiers.map((i) => ({ ...i, memberId: newIds.get(row.popoloId)! }))),
        ...writes.updates.flatMap((row) => row.identifiers.map((i) => ({ ...i, memberId: row.memberId }))),
      ].map((i) => ({ ...i, scopeParliamentId: isGlobalScheme(i.scheme) ? null : parliamentId }))
      for (const part of chunks(identifiers, INSERT_BATCH)) tx.insert(memberIdentifier).values(part).run()
      const written = Boolean(writes.parliament) || writes.inserts.length > 0 || writes.updates.length > 0
      const summary = summarize(plan)
      if (written) {
        // The audit row is part of this transaction: the import and its record land together.
        recordAuditEvent(
          {
            actorId,
            action: 'popolo.imported',
            targetType: 'parliament',
            targetId: parliamentId,
            details: {
              source: options.source,
              parliamentCreated: Boolean(writes.parliament),
              persons: { ...summary.persons, rejected: summary.persons.rejected.length },
              memberships: { ...summary.memberships, rejected: summary.memberships.rejected.length },
            },
          },
          tx,
        )
      }
      return { ...summary, parliamentId, written }
    },
    { behavior: 'immediate' },
  )
}

/** A plan without its document and writes (or a result without its ids): what a preview shows. */
export function summarize(plan: PopoloImportSummary): PopoloImportSummary {
  return {
    legislature: plan.legislature,
    parliament: plan.parliament,
    persons: plan.persons,
    memberships: plan.memberships,
  }
}
