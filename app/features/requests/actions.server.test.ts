// The requests feature's actions: each change comes with its audit row (and its mails) in one transaction, and a
// refusal writes none of them.
import { desc, eq, sql } from 'drizzle-orm'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, outbox } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import {
  addRequestOutput,
  assignRequestTo,
  attachRequestFile,
  changeRequestState,
  recordRequestsExport,
  removeRequestOutput,
  sendRequestMessage,
  submitRequest,
  withdrawRequestBy,
  writeRequestNote,
} from './actions.server'
import { getRequest, type RequestDetail } from './request.server'
import { listRequestOutputs } from './thread.server'
import { addPeople, addPendingUpload, addResource, counts, input, rowOf, type Person } from './request.test-helpers'

let qatar: number
let member: Person & { parliamentId: number }
let colleague: Person
let coordinator: Person

beforeAll(() => {
  const people = addPeople()
  qatar = people.qatar
  member = { ...people.member, parliamentId: qatar }
  colleague = people.colleague
  coordinator = people.coordinator
})

const size = (table: typeof auditEvent | typeof outbox) =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n
const lastAudit = () => getDb().select().from(auditEvent).orderBy(desc(auditEvent.id)).get()!
const sizes = () => ({ ...counts(), audit: size(auditEvent), mail: size(outbox) })

function submitted(): RequestDetail {
  const made = submitRequest(input(), member)
  if (!made.ok) throw new Error(made.error)
  return getRequest(made.value.id)!
}

const sqlite = () => getDb().$client
afterEach(() => sqlite().exec('DROP TRIGGER IF EXISTS fail_audit_event'))

describe('submitRequest', () => {
  it('saves the request with its audit row and its mails to the requester and the office', () => {
    const before = sizes()
    const r = submitted()
    expect(lastAudit()).toMatchObject({
      actorId: member.id,
      action: 'request.create',
      targetType: 'assistance_request',
      targetId: String(r.id),
      details: null,
    })
    const after = sizes()
    expect(after.request - before.request).toBe(1)
    expect(after.audit - before.audit).toBe(1)
    // The requester, and each active coordinator and admin.
    expect(after.mail - before.mail).toBeGreaterThanOrEqual(2)
  })

  it('refuses an attachment that is gone, and writes nothing: no request, no audit row, no mail', () => {
    const theirs = addPendingUpload(colleague.id)
    const before = sizes()
    expect(submitRequest(input({ attachments: [theirs.id] }), member)).toEqual({ ok: false, error: 'uploadGone' })
    expect(sizes()).toEqual(before)
  })

  it('writes nothing when its audit row cannot be written', () => {
    const before = sizes()
    sqlite().exec(
      `CREATE TRIGGER fail_audit_event BEFORE INSERT ON audit_event BEGIN SELECT RAISE(ABORT, 'simulated'); END`,
    )
    expect(() => submitRequest(input(), member)).toThrow('simulated')
    expect(sizes()).toEqual(before)
  })
})

describe('the thread and the files', () => {
  it('audits a message, and refuses one on a closed request without an audit row or a mail', () => {
    const r = submitted()
    expect(sendRequestMessage(r, member, 'When could you start?')).toEqual({ ok: true })
    expect(lastAudit()).toMatchObject({ action: 'request.message', targetId: String(r.id) })
    expect(changeRequestState(r, coordinator, 'declined', 'Outside the mandate').ok).toBe(true)
    const before = sizes()
    expect(sendRequestMessage(getRequest(r.id)!, member, 'But why?')).toEqual({ ok: false, error: 'requestClosed' })
    expect(sizes()).toEqual(before)
  })

  it('audits a file added later, and refuses a gone upload or a closed request', () => {
    const r = submitted()
    const mine = addPendingUpload(member.id, 'annex.pdf')
    expect(attachRequestFile(r, member, mine.id)).toEqual({ ok: true })
    expect(lastAudit()).toMatchObject({ action: 'request.file_add', targetId: String(r.id) })
    const before = sizes()
    expect(attachRequestFile(r, member, addPendingUpload(colleague.id).id)).toEqual({ ok: false, error: 'uploadGone' })
    withdrawRequestBy(r, member)
    const closed = getRequest(r.id)!
    const afterWithdrawal = sizes()
    expect(afterWithdrawal.audit - before.audit).toBe(1)
    expect(attachRequestFile(closed, member, addPendingUpload(member.id).id)).toEqual({
      ok: false,
      error: 'requestClosed',
    })
    expect(sizes().audit).toBe(afterWithdrawal.audit)
  })

  it('audits a coordinator’s note', () => {
    const r = submitted()
    expect(writeRequestNote(r, coordinator, 'Check the budget line first')).toEqual({ ok: true })
    expect(lastAudit()).toMatchObject({ actorId: coordinator.id, action: 'request.note', targetId: String(r.id) })
  })
})

describe('the workflow', () => {
  it('audits a move with where it came from, and refuses one the workflow does not allow', () => {
    const r = submitted()
    expect(changeRequestState(r, coordinator, 'under_review', null)).toEqual({ ok: true, value: { from: 'submitted' } })
    expect(JSON.parse(lastAudit().details!)).toEqual({ from: 'submitted', to: 'under_review' })
    const before = sizes()
    expect(changeRequestState(r, coordinator, 'completed', null)).toEqual({ ok: false, error: 'stateNotAllowed' })
    expect(sizes()).toEqual(before)
  })

  it('audits a withdrawal, then refuses a second one', () => {
    const r = submitted()
    expect(withdrawRequestBy(r, member)).toEqual({ ok: true, value: { from: 'submitted' } })
    expect(lastAudit()).toMatchObject({ action: 'request.withdraw', details: JSON.stringify({ from: 'submitted' }) })
    expect(rowOf(r.id).state).toBe('withdrawn')
    const before = sizes()
    expect(withdrawRequestBy(r, member)).toEqual({ ok: false, error: 'stateNotAllowed' })
    expect(sizes()).toEqual(before)
  })

  it('audits an assignment and tells the person put in charge; refuses someone who cannot handle requests', () => {
    const r = submitted()
    const before = sizes()
    expect(assignRequestTo(r, coordinator, coordinator.id)).toEqual({ ok: true })
    expect(JSON.parse(lastAudit().details!)).toEqual({ assigneeId: coordinator.id })
    // The requester hears of it; the coordinator assigned themselves, so nobody else.
    expect(sizes().mail - before.mail).toBe(1)
    const after = sizes()
    expect(assignRequestTo(r, coordinator, member.id)).toEqual({ ok: false, error: 'invalidChoice' })
    expect(sizes()).toEqual(after)
  })

  it('audits linking and unlinking an output; unlinking one that is not there is refused', () => {
    const r = submitted()
    const published = addResource('published', 'A published report')
    expect(addRequestOutput(r, coordinator, { kind: 'resource', id: published }, 'en')).toEqual({ ok: true })
    expect(JSON.parse(lastAudit().details!)).toEqual({ resource: published })
    const output = listRequestOutputs(r.id)[0]!
    expect(removeRequestOutput(r, coordinator, output.id)).toEqual({ ok: true })
    expect(lastAudit()).toMatchObject({
      action: 'request.output_unlink',
      details: JSON.stringify({ outputId: output.id }),
    })
    const before = sizes()
    expect(removeRequestOutput(r, coordinator, output.id)).toEqual({ ok: false, error: 'outputUnknown' })
    expect(addRequestOutput(r, coordinator, { kind: 'resource', id: 999_999 }, 'en')).toEqual({
      ok: false,
      error: 'outputUnknown',
    })
    expect(sizes()).toEqual(before)
  })

  it('records an export of the requests', () => {
    recordRequestsExport(coordinator, { lang: 'ar', rows: 3 })
    expect(lastAudit()).toMatchObject({ action: 'coordination.export_requests', targetType: null, targetId: null })
    expect(JSON.parse(lastAudit().details!)).toEqual({ lang: 'ar', rows: 3 })
    expect(
      getDb().select().from(auditEvent).where(eq(auditEvent.action, 'coordination.export_requests')).all(),
    ).toHaveLength(1)
  })
})
