// Who may see and do what with a draft (issue 15, "Who may do what"; decision 025). Pure functions of the viewer
// and a few facts of the draft, and `listedDraftsWhere`, the same visibility as one SQL condition for lists.
//
//   visitor            public drafts in consultation, and public adopted ones
//   member             drafts out of preparation (consultation, revision, adopted, withdrawn after a consultation);
//                      comments and amends in consultation until it closes (only members of the lead parliaments
//                      when the draft's scope says so)
//   editor             sees the draft at every stage; edits its text, saves versions, accepts and rejects
//                      amendments, resolves comments (not once the draft is adopted or withdrawn)
//   coordinator in charge, coordinators (and admins): all of that, plus the draft's fields, stage moves and the
//                      working group
import { and, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm'
import { draft, draftEditor } from '#db/schema/index'
import type { Role } from '#db/enums'
import { hasRole } from '~/utils/auth.server'
import { isFinalStage } from './stages'
import type { ConsultationScope, DraftStage, DraftVisibility } from './vocabulary'

/** Who is looking: null for a visitor. */
export type DraftViewer = { id: number; role: Role; parliamentId: number | null } | null

/** What the rules read of a draft. */
export type DraftAccessFacts = {
  stage: DraftStage
  visibility: DraftVisibility
  consultationScope: ConsultationScope
  consultationClosesAt: Date | null
  coordinatorId: number | null
  editorIds: readonly number[]
  leadParliamentIds: readonly number[]
}

/** The viewer's part in this draft, from the most to the least. */
export type DraftRole = 'coordinator' | 'inCharge' | 'editor' | 'member' | 'visitor'

export function draftRoleOf(d: DraftAccessFacts, viewer: DraftViewer): DraftRole {
  if (!viewer) return 'visitor'
  if (hasRole(viewer, 'coordinator')) return 'coordinator'
  if (d.coordinatorId === viewer.id) return 'inCharge'
  if (d.editorIds.includes(viewer.id)) return 'editor'
  return 'member'
}

const managers: readonly DraftRole[] = ['coordinator', 'inCharge']
const workingGroup: readonly DraftRole[] = ['coordinator', 'inCharge', 'editor']

/** Drafts members see: out of preparation, and withdrawn ones only if they were once in consultation. */
function seenByMembers(d: Pick<DraftAccessFacts, 'stage' | 'consultationClosesAt'>) {
  if (d.stage === 'preparation') return false
  if (d.stage === 'withdrawn') return d.consultationClosesAt !== null
  return true
}

export function canViewDraft(d: DraftAccessFacts, viewer: DraftViewer) {
  const role = draftRoleOf(d, viewer)
  if (workingGroup.includes(role)) return true
  if (role === 'member') return seenByMembers(d)
  return d.visibility === 'public' && (d.stage === 'consultation' || d.stage === 'adopted')
}

/** Coordinators create drafts (and put someone in charge of them). */
export function canCreateDraft(viewer: DraftViewer) {
  return hasRole(viewer, 'coordinator')
}

/** The draft's fields, its stage moves and its working group: the coordinator in charge and coordinators. */
export function canManageDraft(d: DraftAccessFacts, viewer: DraftViewer) {
  return managers.includes(draftRoleOf(d, viewer))
}

/** Add, edit, move and delete provisions; save versions; accept or reject amendments; resolve comments. */
export function canEditDraft(d: DraftAccessFacts, viewer: DraftViewer) {
  return !isFinalStage(d.stage) && workingGroup.includes(draftRoleOf(d, viewer))
}

/** Accept or reject amendments and resolve comments: the working group, while there is a consultation to answer. */
export function canDecideAmendments(d: DraftAccessFacts, viewer: DraftViewer) {
  return (d.stage === 'consultation' || d.stage === 'revision') && workingGroup.includes(draftRoleOf(d, viewer))
}

/** Whether the consultation is open at `now`: the stage, and a closing date not yet passed. */
export function isConsultationOpen(d: Pick<DraftAccessFacts, 'stage' | 'consultationClosesAt'>, now = new Date()) {
  return d.stage === 'consultation' && d.consultationClosesAt !== null && now < d.consultationClosesAt
}

/**
 * Comment on a provision and propose amendments: signed-in people who see the draft, while the consultation is
 * open; with the scope "lead parliaments", only members of those parliaments (and the working group).
 */
export function canParticipate(d: DraftAccessFacts, viewer: DraftViewer, now = new Date()) {
  if (!viewer || !isConsultationOpen(d, now) || !canViewDraft(d, viewer)) return false
  const role = draftRoleOf(d, viewer)
  if (workingGroup.includes(role) || d.consultationScope === 'members') return true
  return viewer.parliamentId !== null && d.leadParliamentIds.includes(viewer.parliamentId)
}

/** The SQL condition of every list of drafts: what canViewDraft allows, in one WHERE clause over `draft`. */
export function listedDraftsWhere(viewer: DraftViewer): SQL {
  if (hasRole(viewer, 'coordinator')) return sql`1 = 1`
  if (!viewer) {
    return and(eq(draft.visibility, 'public'), inArray(draft.stage, ['consultation', 'adopted']))!
  }
  return or(
    inArray(draft.stage, ['consultation', 'revision', 'adopted']),
    and(eq(draft.stage, 'withdrawn'), isNotNull(draft.consultationClosesAt)),
    eq(draft.coordinatorId, viewer.id),
    sql`EXISTS (SELECT 1 FROM ${draftEditor} WHERE ${draftEditor.draftId} = ${draft.id} AND ${draftEditor.userId} = ${viewer.id})`,
  )!
}
