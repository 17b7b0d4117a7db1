import { describe, expect, it } from 'vitest'
import { canEditMember } from './access.server'

describe('canEditMember', () => {
  const own = { userId: 7 }
  it('lets coordinators and administrators edit any profile', () => {
    expect(canEditMember({ id: 1, role: 'coordinator' }, own)).toBe(true)
    expect(canEditMember({ id: 2, role: 'admin' }, { userId: null })).toBe(true)
  })
  it('lets a member edit only the profile linked to their account', () => {
    expect(canEditMember({ id: 7, role: 'member' }, own)).toBe(true)
    expect(canEditMember({ id: 8, role: 'member' }, own)).toBe(false)
    expect(canEditMember({ id: 8, role: 'member' }, { userId: null })).toBe(false)
  })
  it('refuses visitors', () => {
    expect(canEditMember(null, own)).toBe(false)
    expect(canEditMember(undefined, own)).toBe(false)
  })
})
