import { spawnSync } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { count, eq } from 'drizzle-orm'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, outbox, token, user } from '#db/schema/index'
import { getDb } from './db.server'

// The transactional outbox against a real SMTP server: what commits together, what a crash leaves, what stays stored.
const received: { rcptTo: string[]; text: string }[] = []
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  closeTimeout: 1000,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        received.push({
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          text: parsed.text ?? '',
        })
        callback()
      })
      .catch(callback)
  },
})

let mail: typeof import('./mail.server')
let accountMail: typeof import('../features/accounts/mail.server')
let atomically: typeof import('./transaction.server').atomically
let recordAuditEvent: typeof import('~/utils/audit.server').recordAuditEvent
let createInvitation: typeof import('~/features/accounts/invitation.server').createInvitation
let createToken: typeof import('~/features/accounts/token.server').createToken

const rows = <T extends typeof outbox | typeof auditEvent | typeof token>(table: T) =>
  getDb()
    .select({ n: count() })
    .from(table as typeof outbox)
    .get()!.n
const mailTo = (email: string) => getDb().select().from(outbox).where(eq(outbox.toAddress, email)).all()
const secretLink = /\/(?:invitations|reset-password)\/[a-z2-7]{32}/

beforeAll(async () => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  // getConfig() caches on first call: the environment is set before any module reads it.
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`
  mail = await import('./mail.server')
  accountMail = await import('../features/accounts/mail.server')
  ;({ atomically } = await import('./transaction.server'))
  ;({ recordAuditEvent } = await import('~/utils/audit.server'))
  ;({ createInvitation } = await import('~/features/accounts/invitation.server'))
  ;({ createToken } = await import('~/features/accounts/token.server'))
  getDb()
    .insert(user)
    .values({
      id: 1,
      email: 'admin@example.org',
      name: 'Admin',
      role: 'admin',
      locale: 'en',
      passwordHash: 'x',
    })
    .run()
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

describe('the change, its audit row and its mail share one transaction', () => {
  it('a failure after the change but before the commit leaves none of the three, and sends nothing', async () => {
    const before = {
      tokens: rows(token),
      audit: rows(auditEvent),
      outbox: rows(outbox),
    }
    expect(() =>
      atomically((tx) => {
        const { secret, token: t } = createInvitation({
          email: 'lost@example.org',
          role: 'member',
          parliamentId: null,
          locale: 'en',
          invitedById: 1,
        })
        recordAuditEvent(
          {
            actorId: 1,
            action: 'invitation.created',
            targetType: 'invitation',
            targetId: t.id,
          },
          tx,
        )
        accountMail.sendInvitationMail(tx, {
          to: 'lost@example.org',
          lang: 'en',
          inviter: 'Admin',
          role: 'member',
          link: `https://x.example/en/invitations/${secret}`,
        })
        throw new Error('injected failure before the commit')
      }),
    ).toThrow('injected failure')
    expect({
      tokens: rows(token),
      audit: rows(auditEvent),
      outbox: rows(outbox),
    }).toEqual(before)
    await mail.deliverQueuedMail()
    expect(received.filter((m) => m.rcptTo.includes('lost@example.org'))).toEqual([])
  })

  it('after the commit the queued mail is delivered, and the stored copy keeps no live link', async () => {
    let secret = ''
    atomically((tx) => {
      secret = createToken('password_reset', {
        email: 'reset@example.org',
        locale: 'ar',
      }).secret
      accountMail.sendPasswordResetMail(tx, {
        to: 'reset@example.org',
        lang: 'ar',
        link: `https://parlnet.example.org/ar/reset-password/${secret}`,
      })
    })
    expect(mailTo('reset@example.org')).toMatchObject([{ status: 'queued' }])
    await mail.deliverQueuedMail()

    // The recipient got the live link; the outbox row is marked sent and its body has the secret replaced.
    const got = received.filter((m) => m.rcptTo.includes('reset@example.org'))
    expect(got).toHaveLength(1)
    expect(got[0]!.text).toContain(`/ar/reset-password/${secret}`)
    const [row] = mailTo('reset@example.org')
    expect(row).toMatchObject({ status: 'sent', error: null })
    expect(row!.textBody).not.toContain(secret)
    expect(row!.textBody).not.toMatch(secretLink)
    expect(row!.textBody).toContain(`/ar/reset-password/${mail.REDACTED_TOKEN}`)
  })

  it('a crash between the commit and the delivery delays the mail; the start-up delivery sends it', async () => {
    const email = 'after-crash@example.org'
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'app/utils/mail.crash-worker.ts', email], {
      encoding: 'utf8',
      env: { ...process.env },
      timeout: 30_000,
    })
    expect(child.stdout).toContain('committed')
    expect(child.signal).toBe('SIGKILL')

    // The process died before delivering: the row, the invitation and its audit entry are all on disk.
    const [queued] = mailTo(email)
    expect(queued).toMatchObject({ status: 'queued' })
    expect(queued!.textBody).toMatch(secretLink)
    const invitations = getDb().select().from(token).where(eq(token.email, email)).all()
    expect(invitations).toHaveLength(1)
    const audit = getDb()
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.targetId, String(invitations[0]!.id)))
      .all()
    expect(audit).toMatchObject([{ action: 'invitation.created', targetType: 'invitation' }])
    expect(received.filter((m) => m.rcptTo.includes(email))).toEqual([])

    await mail.deliverQueuedMail() // what startServerApp runs
    const got = received.filter((m) => m.rcptTo.includes(email))
    expect(got).toHaveLength(1)
    expect(got[0]!.text).toMatch(secretLink)
    const [sent] = mailTo(email)
    expect(sent).toMatchObject({ status: 'sent' })
    expect(sent!.textBody).not.toMatch(secretLink)
  }, 30_000)

  it('runs of delivery do not overlap: each queued row goes out once', async () => {
    for (const n of [1, 2, 3])
      mail.enqueueMail(getDb(), {
        to: `once-${n}@example.org`,
        subject: 's',
        text: 't',
        locale: 'en',
      })
    await Promise.all([mail.deliverQueuedMail(), mail.deliverQueuedMail(), mail.deliverQueuedMail()])
    await mail.deliverQueuedMail()
    for (const n of [1, 2, 3])
      expect(received.filter((m) => m.rcptTo.includes(`once-${n}@example.org`))).toHaveLength(1)
  })
})

describe('redactOneTimeLinks', () => {
  const secret = 'abcdefghijklmnopqrstuvwxyz234567'
  it.each([
    [`https://p.example/en/reset-password/${secret}`, 'https://p.example/en/reset-password/•••'],
    [`https://p.example/ar/reset-password/${secret}?x=1`, 'https://p.example/ar/reset-password/•••?x=1'],
    [`https://p.example/en/invitations/${secret}`, 'https://p.example/en/invitations/•••'],
    [`<https://p.example/ar/invitations/${secret}>.`, '<https://p.example/ar/invitations/•••>.'],
    [`https://p.example/meetings/feed/${secret}.ics`, 'https://p.example/meetings/feed/•••.ics'],
    [`webcal://p.example/meetings/feed/${secret}.ics`, 'webcal://p.example/meetings/feed/•••.ics'],
    [`http://localhost:3000/en/reset-password/short-or-odd_Token`, 'http://localhost:3000/en/reset-password/•••'],
  ])('hides the secret of %s', (text, expected) => {
    expect(mail.redactOneTimeLinks(`Open:\n${text}\nThanks`)).toBe(`Open:\n${expected}\nThanks`)
  })

  it('hides every link of a text, and leaves ordinary links alone', () => {
    const text = `1 https://p.example/en/invitations/${secret}\n2 https://p.example/en/invitations/${secret}x\n`
    expect(mail.redactOneTimeLinks(text)).not.toContain(secret)
    for (const plain of [
      'https://p.example/en/requests/7',
      'https://p.example/en/invitations/new',
      'https://p.example/ar/meetings/feed',
      'https://p.example/en/meetings/3',
    ]) {
      expect(mail.redactOneTimeLinks(plain)).toBe(plain)
    }
  })
})
