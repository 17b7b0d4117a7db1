import net, { type AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { outbox } from '#db/schema/index'
import { getDb } from './db.server'

// Its own file: getConfig() and the mail transport are cached once per process (test file), so this
// file points SMTP_URL at a port where nothing listens, while mail.server.test.ts uses a real server.
const PASSWORD = 's3cret-pass'

let sendMail: typeof import('./mail.server').sendMail
let port: number

beforeAll(async () => {
  // Take a free port from the system, then close it so that connecting to it is refused.
  const probe = net.createServer()
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => resolve())
  })
  port = (probe.address() as AddressInfo).port
  await new Promise<void>((resolve, reject) => probe.close((error) => (error ? reject(error) : resolve())))

  process.env.SMTP_URL = `smtp://mailer:${PASSWORD}@127.0.0.1:${port}`
  ;({ sendMail } = await import('./mail.server'))
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('sendMail when the SMTP server is unreachable', () => {
  it('resolves, records the failure on the outbox row and never reveals the password', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})

    const result = await sendMail({
      to: 'someone@example.org',
      subject: 'دعوتك إلى الشبكة',
      text: 'مرحبا https://parlnet.example.org/ar/invite/abc',
      locale: 'ar',
    })
    expect(result).toEqual({ id: expect.any(Number), delivered: false })

    const row = getDb().select().from(outbox).where(eq(outbox.id, result.id)).get()
    expect(row).toMatchObject({ toAddress: 'someone@example.org', status: 'failed', sentAt: null })
    expect(row?.error).toMatch(/ECONNREFUSED/)
    expect(row?.error).toContain(String(port))
    expect(row?.error).not.toContain(PASSWORD)

    // One line logged, naming the row, without the password anywhere in what was passed.
    expect(consoleError).toHaveBeenCalledTimes(1)
    const logged = consoleError.mock.calls
      .flat()
      .map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg)))
    expect(logged.join('\n')).toContain(`outbox #${result.id}`)
    expect(logged.join('\n')).toMatch(/ECONNREFUSED/)
    for (const line of logged) expect(line).not.toContain(PASSWORD)
  })
})
