import { beforeAll, describe, expect, it } from 'vitest'
import { programme, programmeTheme, resource, resourceTheme, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { MeetingFormSchema } from '~/features/meetings/schemas'
import {
  createMeeting,
  getMeeting,
  meetingFormValues,
  setMeetingState,
  updateMeeting,
} from '~/features/meetings/meeting.server'
import { listSpaceMeetings, listSpaceProgrammes, listSpaceResources } from './women-youth.server'

let coordinator: { id: number; role: 'coordinator'; parliamentId: null }
let memberViewer: { id: number; role: 'member'; parliamentId: null }
const now = new Date('2030-01-01T00:00:00Z')

function meetingInput(titleEn: string, startsAt: string, extra: Record<string, unknown> = {}) {
  return MeetingFormSchema.parse({
    kind: 'workshop',
    format: 'online',
    titleEn,
    timeZone: 'UTC',
    startsAt,
    endsAt: startsAt.replace('T09', 'T12'),
    visibility: 'public',
    ...extra,
  })
}

beforeAll(() => {
  const db = getDb()
  const c = db
    .insert(user)
    .values({ email: 'c@x.org', name: 'C', role: 'coordinator', passwordHash: 'x' })
    .returning()
    .get()
  const m = db.insert(user).values({ email: 'm@x.org', name: 'M', role: 'member', passwordHash: 'x' }).returning().get()
  coordinator = { id: c.id, role: 'coordinator', parliamentId: null }
  memberViewer = { id: m.id, role: 'member', parliamentId: null }
})

describe('meeting themes', () => {
  it('are refused when unknown, saved with the meeting, given back to its form, and replaced on edit', () => {
    expect(MeetingFormSchema.safeParse({ ...meetingInput('X', '2031-01-01T09:00'), themes: ['cooking'] }).success).toBe(
      false,
    )
    const id = createMeeting(
      meetingInput('Tagged', '2031-01-01T09:00', { themes: ['women', 'youth', 'women'] }),
      coordinator,
    )
    expect(meetingFormValues(getMeeting(id)!).themes.sort()).toEqual(['women', 'youth'])
    updateMeeting(id, meetingInput('Tagged', '2031-01-01T09:00', { themes: ['prevention'] }), coordinator)
    expect(meetingFormValues(getMeeting(id)!).themes).toEqual(['prevention'])
    updateMeeting(id, meetingInput('Tagged', '2031-01-01T09:00'), coordinator)
    expect(meetingFormValues(getMeeting(id)!).themes).toEqual([])
  })
})

describe('the space lists', () => {
  it('gathers meetings tagged women or youth the viewer may see: upcoming soonest first, then past latest first', () => {
    const make = (title: string, start: string, themes: string[], visibility = 'public') => {
      const id = createMeeting(meetingInput(title, start, { themes, visibility }), coordinator)
      setMeetingState(id, 'published', coordinator)
      return id
    }
    make('Later youth', '2030-03-01T09:00', ['youth'])
    make('Sooner women', '2030-02-01T09:00', ['women', 'prevention'])
    make('Members only women', '2030-02-15T09:00', ['women'], 'members')
    make('Untagged', '2030-02-02T09:00', ['prevention'])
    make('Old women', '2029-03-01T09:00', ['women'])
    make('Older youth', '2028-03-01T09:00', ['youth'])
    const cancelled = make('Cancelled women', '2030-04-01T09:00', ['women'])
    setMeetingState(cancelled, 'cancelled', coordinator)
    createMeeting(meetingInput('Draft women', '2030-05-01T09:00', { themes: ['women'] }), coordinator)

    const visitor = listSpaceMeetings(null, { now })
    expect(visitor.upcoming.map((m) => m.titleEn)).toEqual(['Sooner women', 'Later youth'])
    expect(visitor.past.map((m) => m.titleEn)).toEqual(['Old women', 'Older youth'])
    expect(listSpaceMeetings(memberViewer, { now }).upcoming.map((m) => m.titleEn)).toEqual([
      'Sooner women',
      'Members only women',
      'Later youth',
    ])
    // Coordinators see drafts everywhere (with their state on the card); cancelled meetings are left out.
    expect(listSpaceMeetings(coordinator, { now }).upcoming.map((m) => m.titleEn)).toEqual([
      'Sooner women',
      'Members only women',
      'Later youth',
      'Draft women',
    ])
  })

  it('gathers published resources tagged women or youth the viewer may see', () => {
    const db = getDb()
    const add = (
      titleEn: string,
      themes: ('women' | 'youth' | 'prevention')[],
      visibility: 'public' | 'members',
      state: 'published' | 'draft' = 'published',
    ) => {
      const id = db
        .insert(resource)
        .values({ type: 'report', titleEn, visibility, state, publishedAt: state === 'published' ? new Date() : null })
        .returning({ id: resource.id })
        .get().id
      for (const theme of themes) db.insert(resourceTheme).values({ resourceId: id, theme }).run()
    }
    add('Public women', ['women'], 'public')
    add('Members youth', ['youth', 'prevention'], 'members')
    add('Draft women', ['women'], 'public', 'draft')
    add('Public prevention', ['prevention'], 'public')
    expect(listSpaceResources(null).map((r) => r.titleEn)).toEqual(['Public women'])
    expect(
      listSpaceResources(memberViewer)
        .map((r) => r.titleEn)
        .sort(),
    ).toEqual(['Members youth', 'Public women'])
  })

  it('gathers active programmes tagged women or youth, with those themes', () => {
    const db = getDb()
    const add = (titleEn: string, position: number, themes: ('women' | 'youth' | 'prevention')[], isActive = true) => {
      const id = db
        .insert(programme)
        .values({ kind: 'training', titleEn, position, isActive })
        .returning({ id: programme.id })
        .get().id
      for (const theme of themes) db.insert(programmeTheme).values({ programmeId: id, theme }).run()
    }
    add('Second', 2, ['youth', 'women', 'prevention'])
    add('First', 1, ['women'])
    add('Retired', 0, ['women'], false)
    add('Other', 3, ['prevention'])
    expect(listSpaceProgrammes().map((p) => [p.titleEn, p.themes])).toEqual([
      ['First', ['women']],
      ['Second', ['women', 'youth']],
    ])
  })
})
