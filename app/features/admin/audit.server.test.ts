import { describe, expect, it } from 'vitest'
import { user } from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb } from '~/utils/db.server'
import { AUDIT_PAGE_SIZE, listAuditEvents } from './audit.server'

describe('listAuditEvents', () => {
  it('pages the log newest first, naming the actor (or nobody)', () => {
    const actor = getDb()
      .insert(user)
      .values({ email: 'actor@example.org', name: 'Actor', role: 'admin', passwordHash: '!' })
      .returning()
      .get()
    recordAuditEvent({ actorId: null, action: 'login.failed', targetType: 'email', targetId: 'x@example.org' })
    for (let i = 0; i < AUDIT_PAGE_SIZE; i++) recordAuditEvent({ actorId: actor.id, action: 'login', details: { i } })

    const first = listAuditEvents(1)
    expect(first.total).toBe(AUDIT_PAGE_SIZE + 1)
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE)
    expect(first.rows[0]).toMatchObject({ action: 'login', actorName: 'Actor', details: JSON.stringify({ i: 49 }) })
    expect(listAuditEvents(2).rows).toMatchObject([
      { action: 'login.failed', actorName: null, targetType: 'email', targetId: 'x@example.org' },
    ])
  })
})
