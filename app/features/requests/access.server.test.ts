// Who sees a request: canViewRequest, canManageRequests and the lists of listRequests, with their totals.
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { assistanceRequest } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import type { RequestInput } from './schemas'
import { canManageRequests, canViewRequest, type RequestViewer } from './access.server'
import { listRequests } from './request.server'
import { addPeople, addRequest, type Person } from './request.test-helpers'

let qatar: number
let oman: number
let member: Person
let colleague: Person
let otherMember: Person
let homeless: Person
let coordinator: Person
let admin: Person

beforeAll(() => {
  ;({ qatar, oman, member, colleague, otherMember, homeless, coordinator, admin } = addPeople())
})

const newRequest = (
  overrides: Partial<RequestInput> = {},
  by: { id: number; parliamentId: number } = { id: member.id, parliamentId: qatar },
) => addRequest(by, overrides)

describe('who sees a request', () => {
  let qatarRequest: number
  let omanRequest: number

  beforeAll(() => {
    qatarRequest = newRequest({ subject: 'Qatar’s request' })
    omanRequest = newRequest({ subject: 'Oman’s request' }, { id: otherMember.id, parliamentId: oman })
  })

  const ids = (viewer: RequestViewer) => {
    const all: number[] = []
    for (let page = 1; ; page++) {
      const { rows } = listRequests(viewer, { page })
      if (!rows.length) return all
      all.push(...rows.map((r) => r.id))
    }
  }

  it('canViewRequest: its parliament’s members and the coordinators, nobody else', () => {
    const r = { parliamentId: qatar }
    expect(canViewRequest(r, member)).toBe(true)
    expect(canViewRequest(r, colleague)).toBe(true)
    expect(canViewRequest(r, otherMember)).toBe(false)
    expect(canViewRequest(r, homeless)).toBe(false)
    expect(canViewRequest(r, null)).toBe(false)
    expect(canViewRequest(r, coordinator)).toBe(true)
    expect(canViewRequest(r, admin)).toBe(true)
    expect(canManageRequests(member)).toBe(false)
    expect(canManageRequests(coordinator)).toBe(true)
    expect(canManageRequests(null)).toBe(false)
  })

  it('listRequests shows the same: a member sees their parliament’s requests only', () => {
    const colleagueSees = ids(colleague)
    expect(colleagueSees).toContain(qatarRequest)
    expect(colleagueSees).not.toContain(omanRequest)
    const omaniSees = ids(otherMember)
    expect(omaniSees).toContain(omanRequest)
    expect(omaniSees).not.toContain(qatarRequest)
    expect(ids(homeless)).toEqual([])
    expect(ids(null)).toEqual([])
    expect(listRequests(homeless).total).toBe(0)
  })

  it('a coordinator sees them all, and the totals agree with the lists', () => {
    const all = ids(coordinator)
    expect(all).toEqual(expect.arrayContaining([qatarRequest, omanRequest]))
    expect(listRequests(coordinator).total).toBe(all.length)
    expect(listRequests(admin).total).toBe(all.length)
    const qatarTotal = listRequests(member).total
    expect(qatarTotal).toBe(ids(member).length)
    expect(qatarTotal + listRequests(otherMember).total).toBe(all.length)
    expect(
      getDb()
        .select({ n: sql<number>`count(*)` })
        .from(assistanceRequest)
        .get()!.n,
    ).toBe(all.length)
  })

  it('filters by state within what the viewer sees', () => {
    const rows = listRequests(member, { state: 'submitted' }).rows
    expect(rows.every((r) => r.state === 'submitted')).toBe(true)
    expect(rows.map((r) => r.id)).toContain(qatarRequest)
    expect(listRequests(otherMember, { state: 'submitted' }).rows.map((r) => r.id)).not.toContain(qatarRequest)
  })
})
