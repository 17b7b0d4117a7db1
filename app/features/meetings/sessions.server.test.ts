// Adding, editing and deleting sessions: their instants in the meeting's zone (across a change to summer time
// too), the checks that refuse a session, the audit; and the agenda they make.
import { eq, like } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent } from '#db/schema/index'
import { countQueries, getDb } from '~/utils/db.server'
import { MeetingSessionFormSchema } from './session-schemas'
import { createMeeting } from './meeting.server'
import { getAgenda, getSessionFormValues, meetingWindow } from './agenda.server'
import { createSession, deleteSession, updateSession } from './sessions.server'
import { addPeople, addResource, meetingInput, session, sessionCount, type Actor } from './agenda.test-helpers'

let coordinator: Actor
let memberUser: Actor
let amal: number
let outsider: number

function addMeeting(timeZone: string, startsAt: string, endsAt: string) {
  return createMeeting(meetingInput(timeZone, startsAt, endsAt), coordinator)
}

beforeAll(() => {
  ;({ coordinator, memberUser, amal, outsider } = addPeople())
})

describe('sessions of a meeting in Doha (UTC+3, 13–15 December 2021)', () => {
  let meetingId: number
  beforeAll(() => {
    meetingId = addMeeting('Asia/Qatar', '2021-12-13T09:00', '2021-12-15T17:00')
  })

  it('the window runs from midnight of the first local day to midnight after the last', () => {
    const m = {
      startsAt: new Date('2021-12-13T06:00:00Z'),
      endsAt: new Date('2021-12-15T14:00:00Z'),
      timeZone: 'Asia/Qatar',
    }
    const w = meetingWindow(m)
    expect(w.days).toEqual(['2021-12-13', '2021-12-14', '2021-12-15'])
    expect(w.start.toISOString()).toBe('2021-12-12T21:00:00.000Z')
    expect(w.end.toISOString()).toBe('2021-12-15T21:00:00.000Z')
  })

  it('saves a session at the right instants, with member and external speakers, audited', () => {
    const result = createSession(
      meetingId,
      session({
        titleAr: 'الافتتاح',
        room: 'Hall A',
        speakerMemberIds: [amal],
        speakerMemberRef: [outsider],
        externalSpeakers: [{ name: 'Vladimir Voronkov', affiliation: 'UN Office of Counter-Terrorism' }],
      }),
      coordinator,
    )
    expect(result.ok).toBe(true)
    const [s] = getAgenda(meetingId, null)
    expect(s).toMatchObject({
      titleEn: 'Opening',
      titleAr: 'الافتتاح',
      room: 'Hall A',
      startsAt: '2021-12-13T06:30:00.000Z',
      endsAt: '2021-12-13T07:30:00.000Z',
    })
    expect(s!.speakers).toEqual([
      {
        kind: 'member',
        memberId: amal,
        nameEn: 'Amal Al-Kuwari',
        nameAr: 'أمل الكواري',
        parliamentEn: 'Shura Council of Qatar',
        parliamentAr: 'مجلس الشورى القطري',
      },
      {
        kind: 'member',
        memberId: outsider,
        nameEn: 'Outside Member',
        nameAr: '',
        parliamentEn: 'UK House of Commons',
        parliamentAr: 'مجلس العموم البريطاني',
      },
      { kind: 'external', name: 'Vladimir Voronkov', affiliation: 'UN Office of Counter-Terrorism' },
    ])
    const audit = getDb().select().from(auditEvent).where(eq(auditEvent.action, 'meeting.session.create')).all()
    expect(audit.at(-1)).toMatchObject({ actorId: coordinator.id, targetType: 'meeting', targetId: String(meetingId) })
  })

  it('accepts the first minute of the first local day and the last minutes of the last one', () => {
    expect(
      createSession(meetingId, session({ startsAt: '2021-12-13T00:00', endsAt: '2021-12-13T00:30' }), coordinator).ok,
    ).toBe(true)
    expect(
      createSession(meetingId, session({ startsAt: '2021-12-15T23:00', endsAt: '2021-12-16T00:00' }), coordinator).ok,
    ).toBe(true)
  })

  it('refuses a session outside the meeting’s days, and saves nothing', () => {
    const before = sessionCount(meetingId)
    expect(
      createSession(meetingId, session({ startsAt: '2021-12-12T23:30', endsAt: '2021-12-13T00:30' }), coordinator),
    ).toEqual({
      ok: false,
      fieldErrors: { startsAt: ['sessionOutsideMeeting'] },
    })
    expect(
      createSession(meetingId, session({ startsAt: '2021-12-16T09:00', endsAt: '2021-12-16T10:00' }), coordinator),
    ).toEqual({
      ok: false,
      fieldErrors: { startsAt: ['sessionOutsideMeeting'] },
    })
    expect(
      createSession(meetingId, session({ startsAt: '2021-12-15T23:30', endsAt: '2021-12-16T00:30' }), coordinator),
    ).toEqual({
      ok: false,
      fieldErrors: { endsAt: ['sessionOutsideMeeting'] },
    })
    expect(sessionCount(meetingId)).toBe(before)
  })

  it('refuses a session that ends before it starts, in the form and in the model, and saves nothing', () => {
    const before = sessionCount(meetingId)
    const parsed = MeetingSessionFormSchema.safeParse({
      titleEn: 'Late',
      startsAt: '2021-12-14T11:00',
      endsAt: '2021-12-14T10:00',
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['endsAt', 'endBeforeStart']])
    expect(
      createSession(meetingId, session({ startsAt: '2021-12-14T11:00', endsAt: '2021-12-14T10:00' }), coordinator),
    ).toEqual({
      ok: false,
      fieldErrors: { endsAt: ['endBeforeStart'] },
    })
    expect(
      createSession(meetingId, session({ startsAt: '2021-12-14T11:00', endsAt: '2021-12-14T11:00' }), coordinator).ok,
    ).toBe(false)
    expect(sessionCount(meetingId)).toBe(before)
  })

  it('refuses unknown members and resources that are not the meeting’s documents', () => {
    const paper = addResource('Not linked', 'public')
    const before = sessionCount(meetingId)
    expect(
      createSession(meetingId, session({ speakerMemberRef: [999_999], resourceIds: [paper] }), coordinator),
    ).toEqual({
      ok: false,
      fieldErrors: { speakerMemberRef: ['memberUnknown'], resourceIds: ['invalidChoice'] },
    })
    expect(createSession(meetingId, session({ speakerMemberIds: [999_998] }), coordinator)).toEqual({
      ok: false,
      fieldErrors: { speakerMemberIds: ['invalidChoice'] },
    })
    expect(sessionCount(meetingId)).toBe(before)
  })

  it('edits and deletes a session of this meeting only, audited', () => {
    const created = createSession(
      meetingId,
      session({ titleEn: 'Panel', startsAt: '2021-12-14T10:00', endsAt: '2021-12-14T11:00', speakerMemberIds: [amal] }),
      coordinator,
    )
    if (!created.ok) throw new Error('not created')
    const values = getSessionFormValues(meetingId, created.id, 'Asia/Qatar')
    expect(values).toMatchObject({
      startsAt: '2021-12-14T10:00',
      endsAt: '2021-12-14T11:00',
      speakerMemberIds: [String(amal)],
    })
    const other = addMeeting('Asia/Qatar', '2022-01-10T09:00', '2022-01-10T17:00')
    expect(updateSession(other, created.id, session(), coordinator)).toBeNull()
    expect(getSessionFormValues(other, created.id, 'Asia/Qatar')).toBeNull()
    expect(
      updateSession(
        meetingId,
        created.id,
        session({ titleEn: 'Panel', startsAt: '2021-12-20T10:00', endsAt: '2021-12-20T11:00' }),
        coordinator,
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { startsAt: ['sessionOutsideMeeting'] },
    })
    const updated = updateSession(
      meetingId,
      created.id,
      session({
        titleEn: 'Panel on victims',
        startsAt: '2021-12-14T14:00',
        endsAt: '2021-12-14T15:30',
        externalSpeakers: [{ name: 'Guest', affiliation: '' }],
      }),
      coordinator,
    )
    expect(updated).toEqual({ ok: true, id: created.id })
    const s = getAgenda(meetingId, null).find((x) => x.id === created.id)!
    expect(s).toMatchObject({
      titleEn: 'Panel on victims',
      startsAt: '2021-12-14T11:00:00.000Z',
      speakers: [{ kind: 'external', name: 'Guest', affiliation: '' }],
    })
    expect(deleteSession(other, created.id, coordinator)).toBe(false)
    expect(deleteSession(meetingId, created.id, coordinator)).toBe(true)
    expect(getAgenda(meetingId, null).some((x) => x.id === created.id)).toBe(false)
    const actions = getDb()
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(like(auditEvent.action, 'meeting.session.%'))
      .all()
      .map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['meeting.session.update', 'meeting.session.delete']))
  })

  it('lists sessions in start order, in three queries whatever their number', () => {
    const agenda = getAgenda(meetingId, null)
    expect(agenda.length).toBeGreaterThanOrEqual(3)
    const starts = agenda.map((s) => s.startsAt)
    expect([...starts].sort()).toEqual(starts)
    expect(countQueries(() => getAgenda(meetingId, memberUser)).queries).toBe(3)
  })
})

describe('a meeting in London across the change to summer time (31 March 2024)', () => {
  let meetingId: number
  beforeAll(() => {
    meetingId = addMeeting('Europe/London', '2024-03-30T09:00', '2024-03-31T17:00')
  })

  it('places sessions on either side of the change at the right instants', () => {
    const before = createSession(
      meetingId,
      session({ startsAt: '2024-03-30T10:00', endsAt: '2024-03-30T11:00' }),
      coordinator,
    )
    const after = createSession(
      meetingId,
      session({ startsAt: '2024-03-31T10:00', endsAt: '2024-03-31T11:00' }),
      coordinator,
    )
    expect(before.ok && after.ok).toBe(true)
    const agenda = getAgenda(meetingId, null)
    expect(agenda.map((s) => s.startsAt)).toEqual(['2024-03-30T10:00:00.000Z', '2024-03-31T09:00:00.000Z'])
  })

  it('keeps the window on local midnights (GMT on the first day, BST on the last)', () => {
    expect(
      createSession(meetingId, session({ startsAt: '2024-03-30T00:00', endsAt: '2024-03-30T00:15' }), coordinator).ok,
    ).toBe(true)
    expect(
      createSession(meetingId, session({ startsAt: '2024-03-31T23:00', endsAt: '2024-04-01T00:00' }), coordinator).ok,
    ).toBe(true)
    const count0 = sessionCount(meetingId)
    expect(
      createSession(meetingId, session({ startsAt: '2024-03-29T23:45', endsAt: '2024-03-30T00:15' }), coordinator),
    ).toEqual({
      ok: false,
      fieldErrors: { startsAt: ['sessionOutsideMeeting'] },
    })
    expect(
      createSession(meetingId, session({ startsAt: '2024-03-31T23:30', endsAt: '2024-04-01T00:30' }), coordinator),
    ).toEqual({
      ok: false,
      fieldErrors: { endsAt: ['sessionOutsideMeeting'] },
    })
    expect(sessionCount(meetingId)).toBe(count0)
    const w = meetingWindow({
      startsAt: new Date('2024-03-30T09:00:00Z'),
      endsAt: new Date('2024-03-31T16:00:00Z'),
      timeZone: 'Europe/London',
    })
    expect([w.start.toISOString(), w.end.toISOString()]).toEqual([
      '2024-03-30T00:00:00.000Z',
      '2024-03-31T23:00:00.000Z',
    ])
  })

  it('refuses a time skipped by the change, naming the skipped hour, and saves nothing', () => {
    const count0 = sessionCount(meetingId)
    const r = createSession(
      meetingId,
      session({ startsAt: '2024-03-31T01:30', endsAt: '2024-03-31T03:00' }),
      coordinator,
    )
    expect(r).toEqual({
      ok: false,
      fieldErrors: {
        startsAt: ['timeInGap?date=2024-03-31&time=01%3A30&from=01%3A00&to=02%3A00&zone=Europe%2FLondon'],
      },
    })
    expect(sessionCount(meetingId)).toBe(count0)
  })
})
