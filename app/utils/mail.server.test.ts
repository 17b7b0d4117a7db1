import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outbox } from '#db/schema/index'
import { getDb } from './db.server'

// A real SMTP server on the loopback interface, requiring a login, that keeps what it receives.
type Received = { user: string | undefined; mailFrom: string | false; rcptTo: string[]; raw: Buffer }

const USER = 'mailer'
const PASSWORD = 's3cret-pass'

const received: Received[] = []
const authAttempts: { username: string | undefined; accepted: boolean }[] = []

const server = new SMTPServer({
  authOptional: false,
  disabledCommands: ['STARTTLS'],
  allowInsecureAuth: true,
  logger: false,
  closeTimeout: 1000,
  onAuth(auth, _session, callback) {
    const accepted = auth.username === USER && auth.password === PASSWORD
    authAttempts.push({ username: auth.username, accepted })
    if (!accepted) return callback(new Error('Invalid username or password'))
    callback(null, { user: USER })
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('error', callback)
    stream.on('end', () => {
      received.push({
        user: session.user,
        mailFrom: session.envelope.mailFrom && session.envelope.mailFrom.address,
        rcptTo: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks),
      })
      callback()
    })
  },
})

let sendMail: typeof import('./mail.server').sendMail

beforeAll(async () => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.server.address() as AddressInfo
  // getConfig() caches on first call, so the environment must be set before the mail module reads it.
  process.env.SMTP_URL = `smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`
  delete process.env.MAIL_FROM
  ;({ sendMail } = await import('./mail.server'))
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

describe('sendMail over SMTP', () => {
  const subject = 'دعوتك إلى الشبكة'
  const text =
    'مرحبا،\n\nدعاك أحد الأعضاء إلى شبكة البرلمانيين. لتفعيل حسابك افتح الرابط التالي:\n' +
    'https://parlnet.example.org/ar/invite/abc123?lang=ar\n\nشكرا لك.'

  it('delivers an Arabic message through an authenticated SMTP server and marks the outbox row sent', async () => {
    const before = Date.now()
    const result = await sendMail({ to: 'someone@example.org', subject, text, locale: 'ar' })
    expect(result).toEqual({ id: expect.any(Number), delivered: true })

    // The server saw one login, with the right credentials, and exactly one message to that address.
    expect(authAttempts).toEqual([{ username: USER, accepted: true }])
    expect(received).toHaveLength(1)
    const message = received[0]!
    expect(message.user).toBe(USER)
    expect(message.rcptTo).toEqual(['someone@example.org'])
    expect(message.mailFrom).toBe('no-reply@parlnet.localhost')

    // On the wire the message is 7-bit: the Arabic is MIME-encoded, never sent as raw UTF-8 bytes.
    const raw = message.raw.toString('latin1')
    expect(raw).toMatch(/^[\x20-\x7e\r\n\t]*$/)
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im)
    expect(raw).toMatch(/^Content-Transfer-Encoding: (base64|quoted-printable)/im)

    // Decoded, it is what was sent.
    const parsed = await simpleParser(message.raw)
    expect(parsed.subject).toBe(subject)
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(text)
    expect(parsed.from?.value).toEqual([{ name: 'ParlNet', address: 'no-reply@parlnet.localhost' }])
    expect(raw).toMatch(/^From: "?ParlNet"? <no-reply@parlnet\.localhost>\r$/m)
    const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to]
    expect(to.flatMap((a) => a?.value.map((v) => v.address))).toEqual(['someone@example.org'])
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'text/plain', params: { charset: 'utf-8' } })

    // The outbox keeps the row, marked as sent.
    const row = getDb().select().from(outbox).where(eq(outbox.id, result.id)).get()
    expect(row).toMatchObject({
      toAddress: 'someone@example.org',
      subject,
      textBody: text,
      locale: 'ar',
      status: 'sent',
      error: null,
    })
    expect(row?.sentAt).toBeInstanceOf(Date)
    // sent_at is stored in whole seconds.
    expect(row!.sentAt!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    expect(row!.sentAt!.getTime()).toBeLessThanOrEqual(Date.now())
  })
})
