// The route guards of drafts: each throws the response a loader or action answers (decision 011). A draft the
// viewer may not see answers 404 (a forged address learns nothing); one they see but may not act on answers 403.
import type { SessionUser } from '~/utils/session.server'
import { getUser, requireRole, requireUser } from '~/utils/auth.server'
import { parseId } from '~/utils/ids'
import { canDecideAmendments, canEditDraft, canManageDraft, canParticipate, canViewDraft } from './access.server'
import { getDraft, type DraftDetail } from './draft.server'

const notFound = () => new Response('Not Found', { status: 404 })
const forbidden = () => new Response('Forbidden', { status: 403 })

/** The draft of a route's `id` parameter, for anyone who may see it (a visitor too), and who is looking. */
export function requireVisibleDraft(request: Request, idParam: string | undefined) {
  const user = getUser(request)
  const draft = getDraft(parseId(idParam))
  if (!draft || !canViewDraft(draft, user)) throw notFound()
  return { user, draft }
}

/** A signed-in user who may see the draft (visitors are sent to sign in first). */
function requireSignedInDraft(
  request: Request,
  idParam: string | undefined,
): { user: SessionUser; draft: DraftDetail } {
  const user = requireUser(request)
  const draft = getDraft(parseId(idParam))
  if (!draft || !canViewDraft(draft, user)) throw notFound()
  return { user, draft }
}

/** Coordinators create drafts. */
export function requireDraftCreator(request: Request) {
  return requireRole(request, 'coordinator')
}

/** The working group and coordinators edit the text and save versions (not in a final stage). */
export function requireDraftEditor(request: Request, idParam: string | undefined) {
  const found = requireSignedInDraft(request, idParam)
  if (!canEditDraft(found.draft, found.user)) throw forbidden()
  return found
}

/** The working group and coordinators accept or reject amendments and resolve comments, in consultation or revision. */
export function requireAmendmentDecider(request: Request, idParam: string | undefined) {
  const found = requireSignedInDraft(request, idParam)
  if (!canDecideAmendments(found.draft, found.user)) throw forbidden()
  return found
}

/** The coordinator in charge and coordinators: the draft's fields, stage moves, the working group. */
export function requireDraftManager(request: Request, idParam: string | undefined) {
  const found = requireSignedInDraft(request, idParam)
  if (!canManageDraft(found.draft, found.user)) throw forbidden()
  return found
}

/** Those who may comment and amend now (the consultation is open and its scope includes them). */
export function requireDraftParticipant(request: Request, idParam: string | undefined, now = new Date()) {
  const found = requireSignedInDraft(request, idParam)
  if (!canParticipate(found.draft, found.user, now)) throw forbidden()
  return found
}
