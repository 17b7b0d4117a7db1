import { count, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { seedDemoPartners } from '#db/seed-partners'
import {
  meeting,
  meetingInvitation,
  parliament,
  partner,
  partnerInitiative,
  partnerTheme,
  programme,
  resource,
  user,
  type MeetingState,
  type MeetingVisibility,
} from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { parseInitiativeReference, PartnerFormSchema, type PartnerInput } from './schemas'
import {
  createPartner,
  deletePartner,
  getPartner,
  groupPartnersByKind,
  linkInitiative,
  listInitiativeChoices,
  listPartnerInitiatives,
  listPartners,
  listPartnersOfMeeting,
  unlinkInitiative,
  updatePartner,
  type PartnerViewer,
} from './partner.server'

function input(overrides: Partial<PartnerInput> = {}): PartnerInput {
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

function errorsOf(form: Record<string, unknown>) {
  const parsed = PartnerFormSchema.safeParse({ kind: 'academic', nameEn: 'Centre', ...form })
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
}

const day = 86_400_000

function addMeeting(titleEn: string, visibility: MeetingVisibility, state: MeetingState, startsInDays = 30) {
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

function addResource(titleEn: string, visibility: 'public' | 'members', state: 'published' | 'draft') {
  return getDb()
    .insert(resource)
    .values({ type: 'report', titleEn, visibility, state, publishedAt: state === 'published' ? new Date() : null })
    .returning({ id: resource.id })
    .get().id
}

function addProgramme(titleEn: string, isActive: boolean) {
  return getDb().insert(programme).values({ kind: 'training', titleEn, isActive }).returning({ id: programme.id }).get()
    .id
}

let unWomen: number
let ipu: number
let undp: number
let qatar: number
let memberQa: PartnerViewer
let memberUk: PartnerViewer
let coordinator: PartnerViewer

beforeAll(() => {
  const db = getDb()
  qatar = db
    .insert(parliament)
    .values({ kind: 'national', countryCode: 'QA', nameEn: 'Shura', region: 'middle_east_north_africa' })
    .returning()
    .get().id
  const uk = db
    .insert(parliament)
    .values({ kind: 'national', countryCode: 'GB', nameEn: 'Commons', region: 'europe' })
    .returning()
    .get().id
  const addUser = (email: string, role: 'member' | 'coordinator', parliamentId: number | null) =>
    db.insert(user).values({ email, name: email, role, parliamentId, passwordHash: 'x' }).returning().get()
  memberQa = { id: addUser('qa@x.org', 'member', qatar).id, role: 'member', parliamentId: qatar }
  memberUk = { id: addUser('uk@x.org', 'member', uk).id, role: 'member', parliamentId: uk }
  coordinator = { id: addUser('c@x.org', 'coordinator', null).id, role: 'coordinator', parliamentId: null }
  // Inserted out of order: the list sorts them by kind, position, then name.
  ipu = createPartner(
    input({
      kind: 'parliamentary_assembly',
      nameEn: 'Inter-Parliamentary Union',
      acronym: 'IPU',
      themes: ['youth', 'women'],
    }),
  ).id
  undp = createPartner(
    input({
      nameEn: 'United Nations Development Programme',
      nameAr: 'برنامج الأمم المتحدة الإنمائي',
      position: 30,
      themes: ['youth'],
    }),
  ).id
  unWomen = createPartner(
    input({ nameEn: 'UN Women', nameAr: 'هيئة الأمم المتحدة للمرأة', position: 20, themes: ['women', 'prevention'] }),
  ).id
  createPartner(input({ kind: 'civil_society', nameAr: 'شبكة', themes: [] }))
  createPartner(input({ nameEn: 'Alpha office', position: 30 }))
})

describe('the partner form', () => {
  it('accepts a partner with a focus and an https site, and defaults the position', () => {
    const parsed = PartnerFormSchema.parse({
      kind: 'un_entity',
      nameAr: 'هيئة',
      website: 'https://www.unwomen.org',
      themes: ['women', 'women', 'youth'],
    })
    expect(parsed).toMatchObject({
      nameEn: '',
      nameAr: 'هيئة',
      website: 'https://www.unwomen.org',
      themes: ['women', 'youth'],
      position: 0,
    })
  })

  it('refuses no name, a site that is not https, a forged kind or focus, and a bad position', () => {
    expect(errorsOf({ nameEn: '', nameAr: '  ' })).toEqual(['nameEn:nameOneLanguage'])
    expect(errorsOf({ website: 'http://example.org' })).toEqual(['website:urlInvalid'])
    expect(errorsOf({ website: 'javascript:alert(1)' })).toEqual(['website:urlInvalid'])
    expect(errorsOf({ kind: 'government' })).toEqual(['kind:invalidChoice'])
    expect(errorsOf({ themes: ['women', 'astrology'] })).toEqual(['themes.1:invalidChoice'])
    expect(errorsOf({ position: -1 })).toEqual(['position:positionInvalid'])
    expect(errorsOf({ position: 2.5 })).toEqual(['position:positionInvalid'])
    // Every message at once: the missing name shows beside a bad kind.
    expect(errorsOf({ kind: 'x', nameEn: '' })).toEqual(['kind:invalidChoice', 'nameEn:nameOneLanguage'])
  })

  it('reads a linked initiative from a number with its kind, or from a page address', () => {
    expect(parseInitiativeReference('meeting', '12')).toEqual({ kind: 'meeting', id: 12 })
    expect(parseInitiativeReference('meeting', '/ar/resources/5')).toEqual({ kind: 'resource', id: 5 })
    expect(parseInitiativeReference(null, 'https://parlnet.example.org/en/programmes/7?x=1')).toEqual({
      kind: 'programme',
      id: 7,
    })
    expect(parseInitiativeReference('meeting', '')).toBeNull()
    expect(parseInitiativeReference('partner', '3')).toBeNull()
    expect(parseInitiativeReference('meeting', '0')).toBeNull()
    expect(parseInitiativeReference('meeting', '1e3')).toBeNull()
  })
})

describe('partners', () => {
  it('lists by kind, position and name, with their focus, in one query', () => {
    const spy = vi.spyOn(getDb().$client, 'prepare')
    const rows = listPartners()
    expect(spy).toHaveBeenCalledTimes(1)
    spy.mockRestore()
    expect(rows.map((p) => p.nameEn || p.nameAr)).toEqual([
      'UN Women',
      'Alpha office',
      'United Nations Development Programme',
      'Inter-Parliamentary Union',
      'شبكة',
    ])
    // Themes in the enum's order, whatever the order they were chosen in.
    expect(rows.find((p) => p.id === ipu)!.themes).toEqual(['youth', 'women'])
    expect(groupPartnersByKind(rows).map((g) => [g.kind, g.partners.length])).toEqual([
      ['un_entity', 3],
      ['parliamentary_assembly', 1],
      ['civil_society', 1],
    ])
  })

  it('sorts by the Arabic name on Arabic pages', () => {
    const names = listPartners({ lang: 'ar' })
      .filter((p) => p.kind === 'un_entity' && p.position === 30)
      .map((p) => p.nameEn)
    expect(names).toEqual(['United Nations Development Programme', 'Alpha office'])
  })

  it('filters by focus and keeps every focus of those listed', () => {
    const women = listPartners({ theme: 'women' })
    expect(women.map((p) => p.id)).toEqual([unWomen, ipu])
    expect(women[0]!.themes).toEqual(['women', 'prevention'])
    expect(listPartners({ theme: 'border_security' })).toEqual([])
  })

  it('updates fields and replaces the focus; deleting removes focus and links', () => {
    const { id } = createPartner(input({ kind: 'academic', nameEn: 'Centre', themes: ['victims'] }))
    expect(
      updatePartner(
        id,
        input({
          kind: 'academic',
          nameEn: 'Centre for Research',
          acronym: 'CR',
          website: 'https://cr.example.org',
          themes: ['human_rights', 'youth'],
        }),
      ),
    ).toBe(true)
    expect(getPartner(id)).toMatchObject({
      nameEn: 'Centre for Research',
      acronym: 'CR',
      website: 'https://cr.example.org',
      themes: ['youth', 'human_rights'],
    })
    expect(updatePartner(999_999, input({ nameEn: 'Nobody' }))).toBe(false)
    const m = addMeeting('Seminar of the centre', 'public', 'published')
    expect(linkInitiative(id, { meetingId: m }).ok).toBe(true)
    expect(deletePartner(id)).toBe(true)
    expect(getPartner(id)).toBeUndefined()
    const db = getDb()
    expect(db.select({ n: count() }).from(partnerTheme).where(eq(partnerTheme.partnerId, id)).get()!.n).toBe(0)
    expect(db.select({ n: count() }).from(partnerInitiative).where(eq(partnerInitiative.partnerId, id)).get()!.n).toBe(
      0,
    )
    expect(deletePartner(id)).toBe(false)
  })
})

describe('joint initiatives', () => {
  let publicMeeting: number
  let membersMeeting: number
  let invitationMeeting: number
  let draftMeeting: number
  let publicResource: number
  let membersResource: number
  let activeProgramme: number
  let retiredProgramme: number

  beforeAll(() => {
    publicMeeting = addMeeting('Regional dialogue', 'public', 'completed', -60)
    membersMeeting = addMeeting('Members workshop', 'members', 'published', 20)
    invitationMeeting = addMeeting('Closed consultation', 'invitation', 'published', 40)
    draftMeeting = addMeeting('Planned seminar', 'public', 'draft', 60)
    getDb().insert(meetingInvitation).values({ meetingId: invitationMeeting, parliamentId: qatar }).run()
    publicResource = addResource('Public guide', 'public', 'published')
    membersResource = addResource('Members report', 'members', 'published')
    activeProgramme = addProgramme('Training for women parliamentarians', true)
    retiredProgramme = addProgramme('An old course', false)
    for (const target of [
      { meetingId: publicMeeting },
      { meetingId: membersMeeting },
      { meetingId: invitationMeeting },
      { meetingId: draftMeeting },
      { resourceId: publicResource },
      { resourceId: membersResource },
      { programmeId: activeProgramme },
      { programmeId: retiredProgramme },
    ]) {
      expect(linkInitiative(unWomen, target).ok).toBe(true)
    }
  })

  const seen = (viewer: PartnerViewer) => {
    const i = listPartnerInitiatives(unWomen, viewer)
    return {
      meetings: i.meetings.map((m) => m.titleEn),
      programmes: i.programmes.map((p) => p.titleEn),
      resources: i.resources.map((r) => r.titleEn),
    }
  }

  it('shows each viewer what they may see: visitors the public ones only', () => {
    expect(seen(null)).toEqual({
      meetings: ['Regional dialogue'],
      programmes: ['Training for women parliamentarians'],
      resources: ['Public guide'],
    })
  })

  it('members see members-only ones, and by-invitation ones only when invited', () => {
    expect(seen(memberUk).meetings).toEqual(['Members workshop', 'Regional dialogue'])
    expect(seen(memberQa).meetings).toEqual(['Closed consultation', 'Members workshop', 'Regional dialogue'])
    expect(seen(memberQa).resources.sort()).toEqual(['Members report', 'Public guide'])
    expect(seen(memberQa).programmes).toEqual(['Training for women parliamentarians'])
  })

  it('coordinators also see drafts and retired programmes', () => {
    const s = seen(coordinator)
    expect(s.meetings).toEqual(['Planned seminar', 'Closed consultation', 'Members workshop', 'Regional dialogue'])
    expect(s.programmes.sort()).toEqual(['An old course', 'Training for women parliamentarians'])
  })

  it('lists them in three queries whatever their number', () => {
    const spy = vi.spyOn(getDb().$client, 'prepare')
    listPartnerInitiatives(unWomen, memberQa)
    expect(spy).toHaveBeenCalledTimes(3)
    spy.mockRestore()
  })

  it('refuses unknown targets, unpublished resources and duplicates, writing nothing', () => {
    const before = getDb().select({ n: count() }).from(partnerInitiative).get()!.n
    expect(linkInitiative(unWomen, { meetingId: 999_999 })).toEqual({ ok: false, reason: 'unknown' })
    expect(linkInitiative(unWomen, { programmeId: 999_999 })).toEqual({ ok: false, reason: 'unknown' })
    expect(linkInitiative(999_999, { meetingId: publicMeeting })).toEqual({ ok: false, reason: 'unknown' })
    expect(linkInitiative(unWomen, { resourceId: addResource('Draft note', 'public', 'draft') })).toEqual({
      ok: false,
      reason: 'unpublished',
    })
    expect(linkInitiative(unWomen, { meetingId: publicMeeting })).toEqual({ ok: false, reason: 'duplicate' })
    expect(getDb().select({ n: count() }).from(partnerInitiative).get()!.n).toBe(before)
  })

  it('unlinks a link of this partner only', () => {
    const link = linkInitiative(undp, { meetingId: publicMeeting })
    if (!link.ok) throw new Error('not linked')
    expect(unlinkInitiative(unWomen, link.id)).toBeNull()
    expect(unlinkInitiative(undp, link.id)).toEqual({ meetingId: publicMeeting, programmeId: null, resourceId: null })
    expect(unlinkInitiative(undp, link.id)).toBeNull()
  })

  it('names the partners of a meeting', () => {
    linkInitiative(ipu, { meetingId: publicMeeting })
    expect(listPartnersOfMeeting(publicMeeting).map((p) => p.acronym || p.nameEn)).toEqual(['UN Women', 'IPU'])
    expect(listPartnersOfMeeting(draftMeeting + 1000)).toEqual([])
  })

  it('offers recent and upcoming meetings, active programmes and published resources not yet linked', () => {
    const old = addMeeting('A meeting of long ago', 'public', 'completed', -3 * 365)
    const cancelled = addMeeting('A cancelled meeting', 'public', 'cancelled', 10)
    const fresh = addMeeting('Next webinar', 'public', 'published', 5)
    const choices = listInitiativeChoices(unWomen)
    const meetingIds = choices.meetings.map((m) => m.id)
    expect(meetingIds).toContain(fresh)
    expect(meetingIds).not.toContain(old)
    expect(meetingIds).not.toContain(cancelled)
    expect(meetingIds).not.toContain(publicMeeting)
    expect(choices.programmes.map((p) => p.id)).not.toContain(activeProgramme)
    expect(choices.programmes.map((p) => p.id)).not.toContain(retiredProgramme)
    expect(choices.resources.map((r) => r.id)).not.toContain(publicResource)
    expect(choices.resources.every((r) => r.titleEn !== 'Draft note')).toBe(true)
    // Another partner is offered what this one has.
    expect(listInitiativeChoices(ipu).resources.map((r) => r.id)).toContain(publicResource)
  })
})

describe('the demo partners', () => {
  it('are added once, even without meetings or programmes to link', () => {
    const db = getDb()
    seedDemoPartners(db)
    seedDemoPartners(db)
    const unoct = db.select().from(partner).where(eq(partner.acronym, 'UNOCT')).all()
    expect(unoct).toHaveLength(1)
    expect(unoct[0]!.nameAr).toBe('مكتب الأمم المتحدة لمكافحة الإرهاب')
    expect(db.select({ n: count() }).from(partner).where(eq(partner.nameEn, 'UN Women')).get()!.n).toBe(1)
    const women = listPartners({ theme: 'women' }).map((p) => p.nameEn)
    expect(women).toEqual(
      expect.arrayContaining(['Inter-Parliamentary Union', 'Global Network of Women Peacebuilders']),
    )
    expect(listPartners().every((p) => !p.website || p.website.startsWith('https://'))).toBe(true)
  })
})
