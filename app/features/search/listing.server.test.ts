import { describe, expect, it } from 'vitest'
import { resource } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { listedResourcesWhere, type Viewer } from './listing.server'

describe('the listing rule', () => {
  it('depends only on whether someone is signed in (the search keeps one prepared query for each)', () => {
    const compile = (viewer: Viewer) =>
      getDb().select({ id: resource.id }).from(resource).where(listedResourcesWhere(viewer)).toSQL()
    const member = compile({ id: 1, role: 'member' })
    for (const viewer of [
      { id: 2, role: 'coordinator' },
      { id: 3, role: 'admin' },
      { id: 99, role: 'member' },
    ] as const) {
      expect(compile(viewer)).toEqual(member)
    }
    expect(compile(null)).not.toEqual(member)
  })
})
