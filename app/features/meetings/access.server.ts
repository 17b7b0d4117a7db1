import { and, eq, inArray, ne, or, sql, type Placeholder, type SQL } from 'drizzle-orm'
import { meeting, meetingInvitation, meetingRegistration } from '#db/schema/index'
import type { MeetingState, MeetingVisibility, Role } from '#db/enums'
import { hasRole } from '~/utils/auth.server'
import { preparedQuery } from '~/utils/db.server'

/** Who is looking: null for a visitor. */
export type MeetingViewer = { id: number; role: Role; parliamentId: number | null } | null

/**
 * Who may see a meeting:
 * - coordinators (and admins): every meeting, drafts included;
 * - a draft: nobody else;
 * - public: everyone; members only: anyone signed in;
 * - by invitation only: those invited (themselves or through their parliament) and those registered.
 */
export function canViewMeeting(
  m: { state: MeetingState; visibility: MeetingVisibility },
  viewer: MeetingViewer,
  invitedOrRegistered: boolean,
) {
  if (hasRole(viewer, 'coordinator')) return true
  if (m.state === 'draft') return false
  if (m.visibility === 'public') return true
  if (!viewer) return false
  return m.visibility === 'members' || invitedOrRegistered
}

/**
 * Whether a coordinator may manage it (create, edit, publish, invite, see participants, approve, decline and
 * cancel registrations, mark attendance, message participants).
 */
export function canManageMeeting(viewer: MeetingViewer) {
  return hasRole(viewer, 'coordinator')
}

/** Whether the actor may change (cancel) this member's registration: their own, or anyone's for a coordinator. */
export function canChangeRegistration(actor: { id: number; role: Role }, userId: number) {
  return actor.id === userId || hasRole(actor, 'coordinator')
}

/**
 * A viewer as the SQL of a query sees them: their id and parliament are values, or placeholders in a query built
 * once per shape of viewer (see viewerShape) and run with viewerParams.
 */
type SqlViewer = { id: number | Placeholder; role: Role; parliamentId: number | Placeholder | null } | null

/** What the text of a meeting list's WHERE depends on: who looks, and whether they belong to a parliament. */
export type ViewerShape = 'visitor' | 'member' | 'parliamentMember' | 'coordinator'

export function viewerShape(viewer: MeetingViewer): ViewerShape {
  if (hasRole(viewer, 'coordinator')) return 'coordinator'
  if (!viewer) return 'visitor'
  return viewer.parliamentId === null ? 'member' : 'parliamentMember'
}

/** A viewer of that shape with placeholders for their id and parliament: to build a query once per shape. */
export function placeholderViewer(shape: ViewerShape): SqlViewer {
  if (shape === 'visitor') return null
  return {
    id: sql.placeholder('viewerId'),
    role: shape === 'coordinator' ? 'coordinator' : 'member',
    parliamentId: shape === 'parliamentMember' ? sql.placeholder('viewerParliamentId') : null,
  }
}

/** The values of placeholderViewer's placeholders for this viewer. */
export function viewerParams(viewer: MeetingViewer) {
  return { viewerId: viewer?.id ?? null, viewerParliamentId: viewer?.parliamentId ?? null }
}

/** SQL: the viewer (or their parliament) is invited to the meeting `meeting.id`. */
function invitedSql(viewer: { id: number | Placeholder; parliamentId: number | Placeholder | null }) {
  const target = viewer.parliamentId
    ? or(eq(meetingInvitation.userId, viewer.id), eq(meetingInvitation.parliamentId, viewer.parliamentId))
    : eq(meetingInvitation.userId, viewer.id)
  return sql`exists (select 1 from ${meetingInvitation} where ${meetingInvitation.meetingId} = ${meeting.id} and ${target})`
}

/** SQL: the viewer has a registration (in any state) for `meeting.id`. */
function registeredSql(viewer: { id: number | Placeholder }) {
  return sql`exists (select 1 from ${meetingRegistration} where ${meetingRegistration.meetingId} = ${meeting.id} and ${meetingRegistration.userId} = ${viewer.id})`
}

/** The SQL condition of every list of meetings: what canViewMeeting allows, in one WHERE clause. */
export function listedMeetingsWhere(viewer: SqlViewer): SQL {
  if (hasRole(viewer, 'coordinator')) return sql`1 = 1`
  const notDraft = ne(meeting.state, 'draft')
  if (!viewer) return and(notDraft, eq(meeting.visibility, 'public'))!
  return and(
    notDraft,
    or(inArray(meeting.visibility, ['public', 'members']), invitedSql(viewer), registeredSql(viewer)),
  )!
}

const invitedOrRegistered = preparedQuery((db, shape: 'member' | 'parliamentMember') => {
  const viewer = placeholderViewer(shape)!
  return db
    .select({ one: sql<number>`1` })
    .from(meeting)
    .where(and(eq(meeting.id, sql.placeholder('meetingId')), or(invitedSql(viewer), registeredSql(viewer))))
    .prepare()
})

/** Whether the viewer is invited to or registered for one meeting. */
export function isInvitedOrRegistered(meetingId: number, viewer: MeetingViewer) {
  if (!viewer) return false
  // Asked whatever the viewer's role: the shape only names the WHERE (a coordinator's is a member's here).
  const shape = viewer.parliamentId === null ? 'member' : 'parliamentMember'
  return Boolean(invitedOrRegistered(shape).get({ meetingId, ...viewerParams(viewer) }))
}
