import { count } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, meetingInvitation, partnerInitiative } from '#db/schema/index'
import { countQueries, getDb } from '~/utils/db.server'
import {
  linkInitiative,
  listInitiativeChoices,
  listPartnerInitiatives,
  unlinkInitiative,
  type PartnerViewer,
} from './initiatives.server'
import { createPartner, listPartnersOfMeeting } from './partner.server'
import { addMeeting, addProgramme, addResource, addViewers, auditOf, partnerInput } from './partners.test-helpers'

/** The audit rows of a partner's links, oldest first. */
const linksAuditOf = (id: number) => auditOf(id).filter(([action]) => action.startsWith('partner.initiative_'))

let unWomen: number
let ipu: number
let undp: number
let qatar: number
let memberQa: PartnerViewer
let memberUk: PartnerViewer
let coordinator: PartnerViewer & { id: number }

beforeAll(() => {
  ;({ qatar, memberQa, memberUk, coordinator } = addViewers())
  const add = (overrides: Parameters<typeof partnerInput>[0]) => createPartner(partnerInput(overrides), coordinator).id
  ipu = add({ kind: 'parliamentary_assembly', nameEn: 'Inter-Parliamentary Union', acronym: 'IPU' })
  undp = add({ nameEn: 'United Nations Development Programme', position: 30 })
  unWomen = add({ nameEn: 'UN Women', nameAr: 'هيئة الأمم المتحدة للمرأة', position: 20 })
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
      expect(linkInitiative(unWomen, target, coordinator).ok).toBe(true)
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
    expect(countQueries(() => listPartnerInitiatives(unWomen, memberQa)).queries).toBe(3)
  })

  it('refuses unknown targets, unpublished resources and duplicates, writing nothing (no audit row either)', () => {
    const links = () => getDb().select({ n: count() }).from(partnerInitiative).get()!.n
    const audited = () => getDb().select({ n: count() }).from(auditEvent).get()!.n
    const [before, auditedBefore] = [links(), audited()]
    expect(linkInitiative(unWomen, { meetingId: 999_999 }, coordinator)).toEqual({ ok: false, error: 'unknown' })
    expect(linkInitiative(unWomen, { programmeId: 999_999 }, coordinator)).toEqual({ ok: false, error: 'unknown' })
    expect(linkInitiative(unWomen, { resourceId: 999_999 }, coordinator)).toEqual({ ok: false, error: 'unknown' })
    expect(linkInitiative(999_999, { meetingId: publicMeeting }, coordinator)).toEqual({ ok: false, error: 'unknown' })
    const draft = addResource('Draft note', 'public', 'draft')
    expect(linkInitiative(unWomen, { resourceId: draft }, coordinator)).toEqual({ ok: false, error: 'unpublished' })
    expect(linkInitiative(unWomen, { meetingId: publicMeeting }, coordinator)).toEqual({
      ok: false,
      error: 'duplicate',
    })
    expect(links()).toBe(before)
    expect(audited()).toBe(auditedBefore)
  })

  it('records each link and unlink with what it linked, in the same transaction as the change', () => {
    const m = addMeeting('Audited dialogue', 'public', 'published')
    const r = addResource('Audited guide', 'public', 'published')
    const link = linkInitiative(ipu, { meetingId: m }, coordinator)
    if (!link.ok) throw new Error('not linked')
    linkInitiative(ipu, { resourceId: r }, coordinator)
    linkInitiative(ipu, { programmeId: activeProgramme }, coordinator)
    expect(unlinkInitiative(ipu, link.value.id, coordinator)).toEqual({
      meetingId: m,
      programmeId: null,
      resourceId: null,
    })
    expect(linksAuditOf(ipu)).toEqual([
      ['partner.initiative_link', coordinator.id, { meeting: m }],
      ['partner.initiative_link', coordinator.id, { resource: r }],
      ['partner.initiative_link', coordinator.id, { programme: activeProgramme }],
      ['partner.initiative_unlink', coordinator.id, { meeting: m }],
    ])
    // Unlinking what is not there records nothing.
    expect(unlinkInitiative(ipu, link.value.id, coordinator)).toBeNull()
    expect(linksAuditOf(ipu)).toHaveLength(4)
    // A failing audit row takes the link back with it.
    getDb().$client.exec(
      "CREATE TRIGGER fail_audit BEFORE INSERT ON audit_event BEGIN SELECT RAISE(ABORT, 'simulated'); END",
    )
    try {
      expect(() => linkInitiative(ipu, { meetingId: m }, coordinator)).toThrow('simulated')
    } finally {
      getDb().$client.exec('DROP TRIGGER fail_audit')
    }
    expect(listPartnerInitiatives(ipu, coordinator).meetings.map((x) => x.id)).not.toContain(m)
  })

  it('unlinks a link of this partner only', () => {
    const link = linkInitiative(undp, { meetingId: publicMeeting }, coordinator)
    if (!link.ok) throw new Error('not linked')
    expect(link.value.id).toBeGreaterThan(0)
    expect(unlinkInitiative(unWomen, link.value.id, coordinator)).toBeNull()
    expect(unlinkInitiative(undp, link.value.id, coordinator)).toEqual({
      meetingId: publicMeeting,
      programmeId: null,
      resourceId: null,
    })
    expect(unlinkInitiative(undp, link.value.id, coordinator)).toBeNull()
  })

  it('names the partners of a meeting', () => {
    linkInitiative(ipu, { meetingId: publicMeeting }, coordinator)
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
