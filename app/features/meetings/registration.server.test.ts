// Registering, cancelling, approving and declining, the waitlist and its promotions (told by mail), what the
// viewer's participation then says; and the last seat asked for by several processes at once.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { meeting, meetingRegistration } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import {
  approveRegistration,
  cancelRegistration,
  declineRegistration,
  fillFreeSeats,
  register,
} from './registration.server'
import { getParticipation, isConfirmedParticipant, listParticipants, listWaitlist } from './participants.server'
import {
  addMeeting,
  addNetwork,
  addUser,
  base,
  DAY,
  inPerson,
  lastMailTo,
  mailsTo,
  stateOf,
  type Person,
} from './registration.test-helpers'

let qatar: number
let jordan: number
let coordinator: Person
beforeAll(() => ({ qatar, jordan, coordinator } = addNetwork()))

describe('registration', () => {
  it('applies the rules: published and not ended, before the deadline, invitees only, the modes of the format', async () => {
    const member = addUser('en', jordan)
    expect(await register(addMeeting({ state: 'draft' }), member, inPerson)).toEqual({ ok: false, error: 'closed' })
    const ended = addMeeting({ startsAt: new Date(Date.now() - 3 * DAY), endsAt: new Date(Date.now() - DAY) })
    expect(await register(ended, member, inPerson)).toEqual({ ok: false, error: 'closed' })
    const late = addMeeting({ registrationDeadline: new Date(Date.now() - 1000) })
    expect(await register(late, member, inPerson)).toEqual({ ok: false, error: 'deadlinePassed' })
    expect(getParticipation(late, member)).toMatchObject({ canRegister: false, reason: 'deadlinePassed' })
    const byInvitation = addMeeting({ visibility: 'invitation' })
    expect(await register(byInvitation, member, inPerson)).toEqual({ ok: false, error: 'notInvited' })
    expect(getParticipation(byInvitation, member)).toMatchObject({
      invited: false,
      canRegister: false,
      reason: 'notInvited',
    })
    expect(getParticipation(byInvitation, null)).toMatchObject({ canRegister: false, reason: 'signInRequired' })
    const online = addMeeting({ format: 'online', city: '' })
    expect(await register(online, member, inPerson)).toEqual({ ok: false, error: 'modeNotOffered' })
    expect(getParticipation(online, member)!.modes).toEqual(['online'])

    const ok = await register(online, member, { ...inPerson, attendanceMode: 'online' }, { baseUrl: base })
    expect(ok).toEqual({ ok: true, value: { state: 'confirmed', updated: false, promoted: 0 } })
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
    expect(changed).toMatchObject({ ok: true, value: { state: 'confirmed', updated: true } })
    expect(getParticipation(online, member)!.registration).toMatchObject({ interpretation: ['en'], dietaryNeeds: '' })
    expect(mailsTo(member.email)).toHaveLength(mails)
  })

  it('waitlists when full, promotes the first waiting (by mail, in their language) when a seat frees, and reuses the row', async () => {
    const id = addMeeting({ capacity: 1 })
    const first = addUser('en', qatar)
    const second = addUser('ar', qatar)
    const third = addUser('en', jordan)
    expect(await register(id, first, inPerson, { baseUrl: base })).toMatchObject({ value: { state: 'confirmed' } })
    expect(getParticipation(id, second)).toMatchObject({ seatsLeft: 0, canRegister: true, reason: 'full' })
    expect(await register(id, second, inPerson, { baseUrl: base, now: new Date(Date.now() + 1000) })).toMatchObject({
      value: { state: 'waitlisted' },
    })
    expect(lastMailTo(second.email)!.subject).toBe('على قائمة الانتظار: ورشة عمل بشأن الضحايا')
    expect(await register(id, third, inPerson, { baseUrl: base, now: new Date(Date.now() + 2000) })).toMatchObject({
      value: { state: 'waitlisted' },
    })
    expect(getParticipation(id, second)!.waitlistPosition).toBe(1)
    expect(getParticipation(id, third)!.waitlistPosition).toBe(2)
    expect(listWaitlist(id).map((w) => w.userId)).toEqual([second.id, third.id])

    // The member cancels (that someone else may not is the guards' rule: guards.server.test.ts).
    expect(await cancelRegistration(id, first.id, first, { baseUrl: base })).toEqual({
      ok: true,
      value: { state: 'cancelled', promoted: 1 },
    })
    expect(lastMailTo(first.email)!.subject).toBe('Registration cancelled: Workshop on victims')
    expect(stateOf(id, second.id)).toBe('confirmed')
    const promotion = lastMailTo(second.email)!
    expect(promotion).toMatchObject({ locale: 'ar', subject: 'أصبح لك مقعد: ورشة عمل بشأن الضحايا' })
    expect(promotion.textBody).toContain(`${base}/ar/meetings/${id}/register`)
    expect(getParticipation(id, third)!.waitlistPosition).toBe(1)

    // Registering again after cancelling reuses the row and joins the end of the queue.
    expect(await register(id, first, inPerson, { now: new Date(Date.now() + 3000) })).toMatchObject({
      value: { state: 'waitlisted' },
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
    expect(await register(id, a, inPerson)).toMatchObject({ value: { state: 'pending' } })
    expect(lastMailTo(a.email)!.subject).toBe('Registration received: Workshop on victims')
    expect(await register(id, b, inPerson)).toMatchObject({ value: { state: 'pending' } })
    expect(await register(id, c, inPerson)).toMatchObject({ value: { state: 'pending' } })
    expect(getParticipation(id, a)!.seatsLeft).toBe(1)

    expect(await approveRegistration(id, a.id, coordinator)).toMatchObject({ ok: true, value: { state: 'confirmed' } })
    expect(lastMailTo(a.email)!.subject).toBe('Registration approved: Workshop on victims')
    expect(await approveRegistration(id, b.id, coordinator)).toMatchObject({ ok: true, value: { state: 'waitlisted' } })
    expect(lastMailTo(b.email)!.subject).toBe('على قائمة الانتظار: ورشة عمل بشأن الضحايا')
    expect(await declineRegistration(id, c.id, coordinator)).toMatchObject({ ok: true, value: { state: 'declined' } })
    expect(lastMailTo(c.email)!.subject).toBe('Registration declined: Workshop on victims')
    expect(await register(id, c, inPerson)).toEqual({ ok: false, error: 'declined' })
    expect(getParticipation(id, c)).toMatchObject({ canRegister: false, reason: 'declined' })

    // A coordinator cancels a's registration: b (approved, waiting) is promoted.
    expect(await cancelRegistration(id, a.id, coordinator)).toMatchObject({ ok: true, value: { promoted: 1 } })
    expect(stateOf(id, b.id)).toBe('confirmed')
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
      (line) => JSON.parse(line) as { ok: boolean; value?: { state: string } },
    )
    expect(results.every((r) => r.ok)).toBe(true)
    expect(results.filter((r) => r.value?.state === 'confirmed')).toHaveLength(1)
    expect(results.filter((r) => r.value?.state === 'waitlisted')).toHaveLength(3)
    const states = listParticipants(id).map((p) => p.state)
    expect(states.filter((s) => s === 'confirmed')).toHaveLength(1)
    expect(states.filter((s) => s === 'waitlisted')).toHaveLength(3)
  }, 30_000)
})
