// What people do with a request, each change with its audit row and its queued mails in one transaction
// (decision 011): the requester's parliament submits, writes, adds files and withdraws; the programme office
// notes, moves, assigns and links outputs. Routes check who may act first (guards.server.ts).
import type { RequestState } from '#db/enums'
import { recordAuditEvent } from '~/utils/audit.server'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import { fail, ok, type Result } from '~/utils/result'
import type { SessionUser } from '~/utils/session.server'
import { atomically, type Tx } from '~/utils/transaction.server'
import { canManageRequests } from './access.server'
import type { RequestError } from './errors'
import { notifyAssignee, notifyCoordinators, notifyRequester } from './mail.server'
import {
  addRequestFiles,
  assignRequest,
  createRequest,
  getRequest,
  listAssignableUsers,
  moveRequest,
  withdrawRequest,
  type RequestDetail,
} from './request.server'
import type { RequestInput } from './schemas'
import { isClosedState } from './states'
import {
  linkRequestOutput,
  listRequestOutputs,
  postRequestMessage,
  postRequestNote,
  unlinkRequestOutput,
} from './thread.server'

type Actor = Pick<SessionUser, 'id' | 'name' | 'role' | 'parliamentId'>

/** The audit row of a change to a request, in the change's transaction. */
function audit(tx: Tx, actor: Actor, action: string, requestId: number, details?: Record<string, unknown>) {
  recordAuditEvent({ actorId: actor.id, action, targetType: 'assistance_request', targetId: requestId, details }, tx)
}

/** A member's request on behalf of their parliament: saved, audited, and told to its requester and the office. */
export function submitRequest(
  input: RequestInput,
  by: Actor & { parliamentId: number },
): Result<{ id: number }, RequestError> {
  return atomically((tx) => {
    const created = createRequest(input, by)
    if (!created.ok) return created
    const saved = getRequest(created.value.id)!
    audit(tx, by, 'request.create', saved.id)
    notifyRequester(tx, saved, saved.requester, { kind: 'submitted' })
    notifyCoordinators(tx, saved, { kind: 'newRequest' })
    return ok({ id: saved.id })
  })
}

/** A message of the thread, unless the request is closed; the other side hears of it. */
export function sendRequestMessage(r: RequestDetail, by: Actor, body: string) {
  return atomically((tx) => {
    const posted = postRequestMessage(r.id, by.id, body)
    if (!posted.ok) return posted
    audit(tx, by, 'request.message', r.id)
    if (canManageRequests(by)) notifyRequester(tx, r, r.requester, { kind: 'message', from: by.name, body })
    else {
      notifyCoordinators(tx, r, { kind: 'reply', from: by.name, body }, r.assignee)
      // A colleague of the same parliament wrote: the requester hears of it too.
      if (r.requesterId !== by.id) notifyRequester(tx, r, r.requester, { kind: 'message', from: by.name, body })
    }
    return posted
  })
}

/** One more attachment (this user's pending upload), unless the request is closed or the upload is gone. */
export function attachRequestFile(r: RequestDetail, by: Actor, uploadId: string): Result<undefined, RequestError> {
  if (isClosedState(r.state)) return fail('requestClosed')
  return atomically((tx) => {
    const added = addRequestFiles(r.id, [uploadId], by.id)
    if (added.ok) audit(tx, by, 'request.file_add', r.id)
    return added
  })
}

/** The requester's parliament withdraws the request; the office (and the requester, if someone else did) hear of it. */
export function withdrawRequestBy(r: RequestDetail, by: Actor) {
  return atomically((tx) => {
    const withdrawn = withdrawRequest(r.id, by.id)
    if (!withdrawn.ok) return withdrawn
    audit(tx, by, 'request.withdraw', r.id, { from: withdrawn.value.from })
    notifyCoordinators(tx, r, { kind: 'withdrawn', from: by.name }, r.assignee)
    if (r.requesterId !== by.id)
      notifyRequester(tx, r, r.requester, { kind: 'state', state: 'withdrawn', reason: null })
    return withdrawn
  })
}

/** A coordinator's internal note. */
export function writeRequestNote(r: RequestDetail, by: Actor, body: string) {
  return atomically((tx) => {
    postRequestNote(r.id, by.id, body)
    audit(tx, by, 'request.note', r.id)
    return ok()
  })
}

/** A coordinator moves the request (declining says why); the requester hears of it. */
export function changeRequestState(r: RequestDetail, by: Actor, to: RequestState, reason: string | null) {
  return atomically((tx) => {
    const moved = moveRequest(r.id, to, by.id, reason)
    if (!moved.ok) return moved
    audit(tx, by, 'request.move', r.id, { from: moved.value.from, to })
    notifyRequester(tx, r, r.requester, { kind: 'state', state: to, reason })
    return moved
  })
}

/** A coordinator puts someone (or nobody) in charge; the requester and the new person in charge hear of it. */
export function assignRequestTo(r: RequestDetail, by: Actor, assigneeId: number | null) {
  return atomically((tx) => {
    const assigned = assignRequest(r.id, assigneeId)
    if (!assigned.ok) return assigned
    audit(tx, by, 'request.assign', r.id, { assigneeId })
    if (assigneeId !== null && assigneeId !== r.assigneeId) {
      const assignee = listAssignableUsers().find((u) => u.id === assigneeId)!
      notifyRequester(tx, r, r.requester, { kind: 'assigned', name: assignee.name })
      if (assignee.id !== by.id) notifyAssignee(tx, r, assignee, by.name)
    }
    return assigned
  })
}

/** A coordinator links a resource, a meeting or a draft that came out of the request; the requester hears of it. */
export function addRequestOutput(
  r: RequestDetail,
  by: Actor,
  target: { kind: 'resource' | 'meeting' | 'draft'; id: number },
  lang: Language,
) {
  return atomically((tx) => {
    const linked = linkRequestOutput(r.id, target)
    if (!linked.ok) return linked
    audit(tx, by, 'request.output_link', r.id, { [target.kind]: target.id })
    const output = listRequestOutputs(r.id).find((o) => o.kind === target.kind && o.targetId === target.id)
    const title = output ? pickLanguage(output.title, r.requester?.locale ?? lang).text : ''
    notifyRequester(tx, r, r.requester, { kind: 'output', title })
    return linked
  })
}

/** A coordinator unlinks an output of the request. */
export function removeRequestOutput(r: RequestDetail, by: Actor, outputId: number) {
  return atomically((tx) => {
    const unlinked = unlinkRequestOutput(r.id, outputId)
    if (unlinked.ok) audit(tx, by, 'request.output_unlink', r.id, { outputId })
    return unlinked
  })
}

/** Records that the programme office exported every request (the export itself changes nothing). */
export function recordRequestsExport(by: Pick<Actor, 'id'>, details: { lang: Language; rows: number }) {
  recordAuditEvent({ actorId: by.id, action: 'coordination.export_requests', details })
}
