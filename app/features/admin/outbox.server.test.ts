import { describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'
import { insertOutboxMessage } from '~/utils/outbox.server'
import { listOutboxMessages, OUTBOX_PAGE_SIZE } from './outbox.server'

const secret = 'abcdefghijklmnopqrstuvwxyz234567'

describe('listOutboxMessages', () => {
  it('hides the one-time links of mail to others, not of mail to the viewer, and pages newest first', () => {
    const body = (to: string) => `For ${to}: https://parlnet.example.org/en/reset-password/${secret}`
    for (const to of ['other@example.org', 'Viewer@Example.org'])
      insertOutboxMessage(getDb(), { toAddress: to, subject: 'Reset', textBody: body(to), locale: 'en' })

    const { rows, total } = listOutboxMessages(1, { email: 'viewer@example.org' })

    expect(total).toBe(2)
    expect(rows.map((m) => m.toAddress)).toEqual(['Viewer@Example.org', 'other@example.org'])
    expect(rows[0]!.textBody).toContain(secret)
    expect(rows[1]!.textBody).not.toContain(secret)
    expect(rows[1]!.textBody).toContain('For other@example.org: https://parlnet.example.org/en/reset-password/')
    expect(OUTBOX_PAGE_SIZE).toBe(25)
  })
})
