// What the partners feature's tests share: a form's values, the meetings, resources and programmes to link, the
// viewers (a member of each of two parliaments, a coordinator) and the audit rows about a partner.
import { and, eq } from 'drizzle-orm'
import {
  auditEvent,
  meeting,
  parliament,
  programme,
  resource,
  user,
  type MeetingState,
  type MeetingVisibility,
} from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import type { PartnerViewer } from './initiatives.server'
import type { PartnerInput } from './schemas'

export function partnerInput(overrides: Partial<PartnerInput> = {}): PartnerInput {
  return {
    kind: 'un_entity',
    nameEn: '',
    nameAr: '',
    acronym: '',
    descriptionEn: '',
    descriptionAr: '',
    website: null,
    themes: [],
    position: 0,
    ...overrides,
  }
}

const day = 86_400_000

export function addMeeting(titleEn: string, visibility: MeetingVisibility, state: MeetingState, startsInDays = 30) {
  const startsAt = new Date(Date.now() + startsInDays * day)
  return getDb()
    .insert(meeting)
    .values({
      kind: 'workshop',
      format: 'online',
      titleEn,
      timeZone: 'Asia/Qatar',
      startsAt,
      endsAt: new Date(startsAt.getTime() + day),
      year: startsAt.getUTCFullYear(),
      visibility,
      state,
    })
    .returning({ id: meeting.id })
    .get().id
}

export function addResource(titleEn: string, visibility: 'public' | 'members', state: 'published' | 'draft') {
  return getDb()
    .insert(resource)
    .values({ type: 'report', titleEn, visibility, state, publishedAt: state === 'published' ? new Date() : null })
    .returning({ id: resource.id })
    .get().id
}

export function addProgramme(titleEn: string, isActive: boolean) {
  return getDb().insert(programme).values({ kind: 'training', titleEn, isActive }).returning({ id: programme.id }).get()
    .id
}

/** Two parliaments (Qatar, the UK), a member of each and a coordinator. */
export function addViewers() {
  const db = getDb()
  const addParliament = (countryCode: string, nameEn: string, region: 'middle_east_north_africa' | 'europe') =>
    db.insert(parliament).values({ kind: 'national', countryCode, nameEn, region }).returning().get().id
  const qatar = addParliament('QA', 'Shura', 'middle_east_north_africa')
  const uk = addParliament('GB', 'Commons', 'europe')
  const addUser = (email: string, role: 'member' | 'coordinator', parliamentId: number | null) => ({
    id: db.insert(user).values({ email, name: email, role, parliamentId, passwordHash: 'x' }).returning().get().id,
    role,
    parliamentId,
  })
  return {
    qatar,
    memberQa: addUser('qa@x.org', 'member', qatar) satisfies PartnerViewer,
    memberUk: addUser('uk@x.org', 'member', uk) satisfies PartnerViewer,
    coordinator: addUser('c@x.org', 'coordinator', null) satisfies PartnerViewer,
  }
}

/** The audit rows about one partner, oldest first, as [action, actor, details]. */
export function auditOf(partnerId: number) {
  return getDb()
    .select({ action: auditEvent.action, actorId: auditEvent.actorId, details: auditEvent.details })
    .from(auditEvent)
    .where(and(eq(auditEvent.targetType, 'partner'), eq(auditEvent.targetId, String(partnerId))))
    .orderBy(auditEvent.id)
    .all()
    .map((e) => [e.action, e.actorId, e.details && JSON.parse(e.details)])
}
