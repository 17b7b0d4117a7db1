import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { desc, eq } from 'drizzle-orm'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { meeting, meetingRegistration, outbox, parliament, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import {
  inviteToMeeting,
  isInvited,
  listInvitableParliaments,
  listInvitations,
  listInviteeUsers,
  mailInvitees,
  searchInvitableUsers,
  uninvite,
} from './invitations.server'
import {
  approveRegistration,
  cancelRegistration,
  declineRegistration,
  exportParticipantsCsv,
  fillFreeSeats,
  getParticipation,
  isConfirmedParticipant,
  listMyMeetings,
  listParticipants,
  listWaitlist,
  messageParticipants,
  register,
  setAttendance,
  type RegistrationInput,
} from './registration.server'

const DAY = 24 * 3600 * 1000
const base = 'https://portal.example'
const inPerson: RegistrationInput = {
  attendanceMode: 'in_person',
  interpretation: ['ar', 'fr'],
  accessibilityNeeds: '',
  dietaryNeeds: 'Halal',
}

type Person = { id: number; role: 'member' | 'coordinator'; parliamentId: number | null; email: string }

let n = 0
function addUser(
  locale: 'en' | 'ar',
  parliamentId: number | null,
  role: 'member' | 'coordinator' = 'member',
  name?: string,
): Person {
  n++
  const email = `person${n}@example.org`
  const row = getDb()
    .insert(user)
    .values({ email, name: name ?? `Person ${n}`, role, locale, parliamentId, passwordHash: 'x' })
    .returning({ id: user.id, role: user.role, parliamentId: user.parliamentId })
    .get()
  return { ...row, role: row.role as Person['role'], email }
}

function addParliament(nameEn: string, nameAr: string, countryCode: string) {
  return getDb()
    .insert(parliament)
    .values({
      kind: 'national',
      countryCode,
      chamber: 'single',
      nameEn,
      nameAr,
      region: 'middle_east_north_africa',
      joinedAt: '2021-12-13',
    })
    .returning({ id: parliament.id })
    .get().id
}

function addMeeting(values: Partial<typeof meeting.$inferInsert> = {}) {
  const startsAt = new Date(Date.now() + 30 * DAY)
  return getDb()
    .insert(meeting)
    .values({
      kind: 'workshop',
      format: 'hybrid',
      titleEn: 'Workshop on victims',
      titleAr: 'ورشة عمل بشأن الضحايا',
      city: 'Doha',
      timeZone: 'Asia/Qatar',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * DAY),
      year: startsAt.getUTCFullYear(),
      visibility: 'public',
      state: 'published',
      ...values,
    })
    .returning({ id: meeting.id })
    .get().id
}

const mailsTo = (email: string) =>
  getDb().select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.id)).all()
const lastMailTo = (email: string) => mailsTo(email)[0]
const stateOf = (meetingId: number, userId: number) =>
  listParticipants(meetingId).find((p) => p.userId === userId)?.state

let qatar: number
let jordan: number
let coordinator: Person

beforeAll(() => {
  qatar = addParliament('Shura Council of Qatar', 'مجلس الشورى القطري', 'QA')
  jordan = addParliament('House of Representatives of Jordan', 'مجلس النواب الأردني', 'JO')
  coordinator = addUser('en', null, 'coordinator', 'Coordinator')
})

describe('invitations', () => {
  it('invites a parliament (its active accounts) and chosen members, mailing each new invitee once in their language', async () => {
    const id = addMeeting({ visibility: 'invitation', registrationDeadline: new Date(Date.now() + 20 * DAY) })
    const amal = addUser('ar', qatar)
    const john = addUser('en', qatar)
    const inactive = addUser('en', qatar)
    getDb().update(user).set({ isActive: false }).where(eq(user.id, inactive.id)).run()
    const other = addUser('en', jordan)

    const result = await inviteToMeeting(id, { parliamentIds: [qatar, 999_999], userIds: [other.id] }, coordinator, {
      baseUrl: base,
    })
    expect(result).toEqual({ ok: true, added: 2, mailed: 3 })
    expect(
      listInviteeUsers(id)
        .map((u) => u.id)
        .sort(),
    ).toEqual([amal.id, john.id, other.id].sort())
    expect(isInvited(id, amal)).toBe(true)
    expect(isInvited(id, { id: 12345, parliamentId: null })).toBe(false)

    const toAmal = lastMailTo(amal.email)!
    expect(toAmal.locale).toBe('ar')
    expect(toAmal.subject).toBe('دعوة: ورشة عمل بشأن الضحايا')
    expect(toAmal.textBody).toContain(`${base}/ar/meetings/${id}`)
    expect(toAmal.textBody).toContain('Asia/Qatar')
    expect(toAmal.textBody).toContain('يُرجى التسجيل في موعد أقصاه')
    expect(lastMailTo(john.email)!.subject).toBe('Invitation: Workshop on victims')
    expect(lastMailTo(john.email)!.textBody).toContain(`${base}/en/meetings/${id}`)
    expect(mailsTo(inactive.email)).toHaveLength(0)

    // Inviting again mails nobody twice; a new member of the parliament is an invitee at once.
    const again = await inviteToMeeting(id, { parliamentIds: [qatar], userIds: [amal.id] }, coordinator, {
      baseUrl: base,
    })
    expect(again).toEqual({ ok: true, added: 1, mailed: 0 })
    expect(mailsTo(amal.email)).toHaveLength(1)

    await register(id, amal, inPerson, { baseUrl: base })
    const { invitations, totals } = listInvitations(id)
    const byParliament = invitations.find((i) => i.parliamentId === qatar)!
    expect(byParliament).toMatchObject({ nameEn: 'Shura Council of Qatar', invitees: 2, registered: 1, notAnswered: 1 })
    expect(totals).toEqual({ invitees: 3, registered: 1, notAnswered: 2 })
    expect(listInvitableParliaments(id, 'ar').find((p) => p.id === qatar)).toMatchObject({
      accounts: 2,
      invitationId: byParliament.id,
    })
    expect(searchInvitableUsers(id, other.email.slice(0, 7)).map((u) => u.id)).toContain(other.id)
    expect(searchInvitableUsers(id, '%')).toEqual([])

    expect(uninvite(id, byParliament.id, coordinator)).toBe(true)
    expect(uninvite(id, byParliament.id, coordinator)).toBe(false)
    expect(isInvited(id, john)).toBe(false)
    // Amal's registration is kept; she is still invited directly.
    expect(stateOf(id, amal.id)).toBe('confirmed')
  })

  it('mails a draft meeting’s invitees only when it is published, and refuses invitations to a cancelled meeting', async () => {
    const id = addMeeting({ state: 'draft' })
    const member = addUser('en', jordan)
    expect(await inviteToMeeting(id, { parliamentIds: [], userIds: [member.id] }, coordinator)).toEqual({
      ok: true,
      added: 1,
      mailed: 0,
    })
    expect(mailsTo(member.email)).toHaveLength(0)
    getDb().update(meeting).set({ state: 'published' }).where(eq(meeting.id, id)).run()
    expect(await mailInvitees(id, { baseUrl: base })).toBe(1)
    expect(lastMailTo(member.email)!.subject).toBe('Invitation: Workshop on victims')

    const cancelled = addMeeting({ state: 'cancelled' })
    expect(await inviteToMeeting(cancelled, { parliamentIds: [qatar], userIds: [] }, coordinator)).toEqual({
      ok: false,
      reason: 'closed',
    })
  })
})

describe('registration', () => {
  it('applies the rules: published and not ended, before the deadline, invitees only, the modes of the format', async () => {
    const member = addUser('en', jordan)
    expect(await register(addMeeting({ state: 'draft' }), member, inPerson)).toEqual({ ok: false, reason: 'closed' })
    const ended = addMeeting({ startsAt: new Date(Date.now() - 3 * DAY), endsAt: new Date(Date.now() - DAY) })
    expect(await register(ended, member, inPerson)).toEqual({ ok: false, reason: 'closed' })
    const late = addMeeting({ registrationDeadline: new Date(Date.now() - 1000) })
    expect(await register(late, member, inPerson)).toEqual({ ok: false, reason: 'deadlinePassed' })
    expect(getParticipation(late, member)).toMatchObject({ canRegister: false, reason: 'deadlinePassed' })
    const byInvitation = addMeeting({ visibility: 'invitation' })
    expect(await register(byInvitation, member, inPerson)).toEqual({ ok: false, reason: 'notInvited' })
    expect(getParticipation(byInvitation, member)).toMatchObject({
      invited: false,
      canRegister: false,
      reason: 'notInvited',
    })
    expect(getParticipation(byInvitation, null)).toMatchObject({ canRegister: false, reason: 'signInRequired' })
    const online = addMeeting({ format: 'online', city: '' })
    expect(await register(online, member, inPerson)).toEqual({ ok: false, reason: 'modeNotOffered' })
    expect(getParticipation(online, member)!.modes).toEqual(['online'])

    const ok = await register(online, member, { ...inPerson, attendanceMode: 'online' }, { baseUrl: base })
    expect(ok).toEqual({ ok: true, state: 'confirmed', updated: false, promoted: 0 })
    expect(lastMailTo(member.email)!.subject).toBe('Registration confirmed: Workshop on victims')
    expect(isConfirmedParticipant(online, member.id)).toBe(true)
    const p = getParticipation(online, member)!
    expect(p).toMatchObject({ canRegister: false, reason: null, seatsLeft: null, waitlistPosition: null })
    expect(p.registration).toMatchObject({
      state: 'confirmed',
      attendanceMode: 'online',
      interpretation: ['ar', 'fr'],
      dietaryNeeds: 'Halal',
    })

    // Registering again changes the details of the same row, without a new mail.
    const mails = mailsTo(member.email).length
    const changed = await register(online, member, {
      ...inPerson,
      attendanceMode: 'online',
      interpretation: ['en'],
      dietaryNeeds: '',
    })
    expect(changed).toMatchObject({ ok: true, state: 'confirmed', updated: true })
    expect(getParticipation(online, member)!.registration).toMatchObject({ interpretation: ['en'], dietaryNeeds: '' })
    expect(mailsTo(member.email)).toHaveLength(mails)
  })

  it('waitlists when full, promotes the first waiting (by mail, in their language) when a seat frees, and reuses the row', async () => {
    const id = addMeeting({ capacity: 1 })
    const first = addUser('en', qatar)
    const second = addUser('ar', qatar)
    const third = addUser('en', jordan)
    expect(await register(id, first, inPerson, { baseUrl: base })).toMatchObject({ state: 'confirmed' })
    expect(getParticipation(id, second)).toMatchObject({ seatsLeft: 0, canRegister: true, reason: 'full' })
    expect(await register(id, second, inPerson, { baseUrl: base, now: new Date(Date.now() + 1000) })).toMatchObject({
      state: 'waitlisted',
    })
    expect(lastMailTo(second.email)!.subject).toBe('على قائمة الانتظار: ورشة عمل بشأن الضحايا')
    expect(await register(id, third, inPerson, { baseUrl: base, now: new Date(Date.now() + 2000) })).toMatchObject({
      state: 'waitlisted',
    })
    expect(getParticipation(id, second)!.waitlistPosition).toBe(1)
    expect(getParticipation(id, third)!.waitlistPosition).toBe(2)
    expect(listWaitlist(id).map((w) => w.userId)).toEqual([second.id, third.id])

    // Someone else cannot cancel a member's registration; the member can.
    expect(await cancelRegistration(id, first.id, third, { baseUrl: base })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await cancelRegistration(id, first.id, first, { baseUrl: base })).toEqual({
      ok: true,
      state: 'cancelled',
      promoted: 1,
    })
    expect(lastMailTo(first.email)!.subject).toBe('Registration cancelled: Workshop on victims')
    expect(stateOf(id, second.id)).toBe('confirmed')
    const promotion = lastMailTo(second.email)!
    expect(promotion).toMatchObject({ locale: 'ar', subject: 'أصبح لك مقعد: ورشة عمل بشأن الضحايا' })
    expect(promotion.textBody).toContain(`${base}/ar/meetings/${id}/register`)
    expect(getParticipation(id, third)!.waitlistPosition).toBe(1)

    // Registering again after cancelling reuses the row and joins the end of the queue.
    expect(await register(id, first, inPerson, { now: new Date(Date.now() + 3000) })).toMatchObject({
      state: 'waitlisted',
    })
    expect(
      getDb().select().from(meetingRegistration).where(eq(meetingRegistration.userId, first.id)).all(),
    ).toHaveLength(1)
    expect(listWaitlist(id).map((w) => w.userId)).toEqual([third.id, first.id])

    // A coordinator raises the capacity, then fills the free seats from the waitlist.
    getDb().update(meeting).set({ capacity: 3 }).where(eq(meeting.id, id)).run()
    expect(await fillFreeSeats(id, { baseUrl: base })).toBe(2)
    expect(listWaitlist(id)).toEqual([])
    expect(lastMailTo(third.email)!.subject).toBe('A seat is yours: Workshop on victims')
    expect(await fillFreeSeats(id)).toBe(0)
  })

  it('with approval: pending, then approved (a seat or the waitlist) or declined, each told by mail', async () => {
    const id = addMeeting({ capacity: 1, requiresApproval: true })
    const a = addUser('en', qatar)
    const b = addUser('ar', qatar)
    const c = addUser('en', qatar)
    expect(await register(id, a, inPerson)).toMatchObject({ state: 'pending' })
    expect(lastMailTo(a.email)!.subject).toBe('Registration received: Workshop on victims')
    expect(await register(id, b, inPerson)).toMatchObject({ state: 'pending' })
    expect(await register(id, c, inPerson)).toMatchObject({ state: 'pending' })
    expect(getParticipation(id, a)!.seatsLeft).toBe(1)

    expect(await approveRegistration(id, a.id, a)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await approveRegistration(id, a.id, coordinator)).toMatchObject({ ok: true, state: 'confirmed' })
    expect(lastMailTo(a.email)!.subject).toBe('Registration approved: Workshop on victims')
    expect(await approveRegistration(id, b.id, coordinator)).toMatchObject({ ok: true, state: 'waitlisted' })
    expect(lastMailTo(b.email)!.subject).toBe('على قائمة الانتظار: ورشة عمل بشأن الضحايا')
    expect(await declineRegistration(id, c.id, coordinator)).toMatchObject({ ok: true, state: 'declined' })
    expect(lastMailTo(c.email)!.subject).toBe('Registration declined: Workshop on victims')
    expect(await register(id, c, inPerson)).toEqual({ ok: false, reason: 'declined' })
    expect(getParticipation(id, c)).toMatchObject({ canRegister: false, reason: 'declined' })

    // A coordinator cancels a's registration: b (approved, waiting) is promoted.
    expect(await cancelRegistration(id, a.id, coordinator)).toMatchObject({ ok: true, promoted: 1 })
    expect(stateOf(id, b.id)).toBe('confirmed')
  })

  it('marks attendance, messages participants in their language, exports a safe CSV and lists "my meetings"', async () => {
    const id = addMeeting({ capacity: 1, titleEn: '', titleAr: 'اجتماع التنسيق' })
    const amal = addUser('ar', qatar, 'member', 'أمل الكواري')
    const evil = addUser('en', jordan, 'member', '=HYPERLINK("http://evil.example","x")')
    await register(id, amal, { ...inPerson, accessibilityNeeds: '@wheelchair' })
    await register(id, evil, inPerson)

    expect(
      setAttendance(
        id,
        [
          { userId: amal.id, attended: true },
          { userId: evil.id, attended: true },
        ],
        amal,
      ),
    ).toBe(0)
    expect(
      setAttendance(
        id,
        [
          { userId: amal.id, attended: true },
          { userId: evil.id, attended: true },
        ],
        coordinator,
      ),
    ).toBe(1)
    expect(setAttendance(id, [{ userId: amal.id, attended: true }], coordinator)).toBe(0)
    expect(listParticipants(id).find((p) => p.userId === amal.id)!.attended).toBe(true)

    expect(
      await messageParticipants(
        id,
        { subject: 'Agenda', body: 'See the agenda.', includeWaitlisted: false },
        coordinator,
        { baseUrl: base },
      ),
    ).toBe(1)
    const message = lastMailTo(amal.email)!
    expect(message.subject).toBe('Agenda — بشأن «اجتماع التنسيق»')
    expect(message.textBody).toMatch(/^رسالة من منسقي «اجتماع التنسيق»/)
    expect(message.textBody).toContain('See the agenda.')
    expect(message.textBody).toContain(`${base}/ar/meetings/${id}`)
    expect(await messageParticipants(id, { subject: 'Agenda', body: 'x', includeWaitlisted: true }, coordinator)).toBe(
      2,
    )

    const csv = exportParticipantsCsv(id)
    expect(csv.startsWith('\uFEFFname,email,parliament_en,parliament_ar,state,')).toBe(true)
    expect(csv).toContain('أمل الكواري')
    expect(csv).toContain('مجلس الشورى القطري')
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
    expect(csv).toContain(",'@wheelchair,")
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m)

    const other = addMeeting({ visibility: 'invitation' })
    await inviteToMeeting(other, { parliamentIds: [qatar], userIds: [] }, coordinator)
    const mine = listMyMeetings(amal)
    expect(mine.invitations.map((m) => m.id)).toContain(other)
    expect(mine.invitations.map((m) => m.id)).not.toContain(id)
    expect(mine.upcoming.find((m) => m.id === id)).toMatchObject({ registrationState: 'confirmed' })
    expect(mine.past).toEqual([])
  })
})

describe('concurrency', () => {
  // The worker is bundled once (esbuild, as Vite uses it) so that each process starts in about a second;
  // packages stay external and resolve from node_modules, hence the bundle lives under node_modules/.cache.
  const workerFile = path.resolve(`node_modules/.cache/parlnet-race/worker-${process.pid}.mjs`)
  beforeAll(async () => {
    await build({
      entryPoints: ['app/features/meetings/registration.race-worker.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: workerFile,
      tsconfig: 'tsconfig.json',
      logLevel: 'warning',
      plugins: [
        {
          name: 'external-packages',
          setup(b) {
            b.onResolve({ filter: /^[^./~#]/ }, (args) => ({ path: args.path, external: true }))
          },
        },
      ],
    })
  })
  afterAll(() => fs.rmSync(workerFile, { force: true }))

  /** Starts a process that registers `userId` when told; `ready` resolves once it has opened the database. */
  function racer(meetingId: number, userId: number) {
    const child = spawn(process.execPath, [workerFile, String(meetingId), String(userId)], {
      env: { ...process.env, DATA_DIR: process.env.DATA_DIR },
      stdio: ['pipe', 'pipe', 'inherit'],
    })
    let out = ''
    const lines: ((line: string) => void)[] = []
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      let i
      while ((i = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, i)
        out = out.slice(i + 1)
        lines.shift()?.(line)
      }
    })
    const next = () => new Promise<string>((resolve) => lines.push(resolve))
    const ready = next()
    return { child, ready, result: ready.then(() => next()) }
  }

  it('gives the last seat to exactly one of several processes asking at the same moment; the others are waitlisted', async () => {
    const id = addMeeting({ capacity: 1 })
    const people = [addUser('en', null), addUser('ar', null), addUser('en', null), addUser('en', null)]
    const racers = people.map((p) => racer(id, p.id))
    expect(await Promise.all(racers.map((r) => r.ready))).toEqual(people.map(() => 'ready'))
    for (const r of racers) r.child.stdin.write('go\n')
    const results = (await Promise.all(racers.map((r) => r.result))).map(
      (line) => JSON.parse(line) as { ok: boolean; state?: string },
    )
    expect(results.every((r) => r.ok)).toBe(true)
    expect(results.filter((r) => r.state === 'confirmed')).toHaveLength(1)
    expect(results.filter((r) => r.state === 'waitlisted')).toHaveLength(3)
    const states = listParticipants(id).map((p) => p.state)
    expect(states.filter((s) => s === 'confirmed')).toHaveLength(1)
    expect(states.filter((s) => s === 'waitlisted')).toHaveLength(3)
  }, 30_000)
})
