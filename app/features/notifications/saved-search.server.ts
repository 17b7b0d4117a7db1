// Saved searches (issue 17): a person's search of the library, the meetings or the mechanisms, kept with a name
// and an alert frequency. Only the owner reads or changes one; every function takes the owner's id.
import { and, asc, eq } from 'drizzle-orm'
import { savedSearch } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'
import { fail, ok, type Result } from '~/utils/result'
import { z } from '~/utils/zod'
import { findMatches, markOf, type SearchOwner } from './alert-matches.server'
import { alertFrequencies, searchScopes, type AlertFrequency, type SearchScope } from './vocabulary'

export const MAX_SAVED_SEARCHES = 100
const MAX_QUERY = 2000

export type SavedSearchError = 'nameRequired' | 'nameTooLong' | 'nameTaken' | 'tooMany' | 'notFound'

const name = z.string().trim().min(1, 'nameRequired').max(120, 'nameTooLong')
export const SaveSearchSchema = z.object({
  name,
  scope: z.enum(searchScopes),
  query: z.string().max(MAX_QUERY).default(''),
  frequency: z.enum(alertFrequencies).default('off'),
})
export const RenameSearchSchema = z.object({ name })

/** The query string kept: what the page reads, without the page number (an alert reads from the newest). */
export function normalizeQuery(query: string) {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query)
  params.delete('page')
  params.sort()
  return params.toString()
}

/** The page a saved search opens (without the language). */
export function searchPath(scope: SearchScope, query: string) {
  return `/${scope}${query ? `?${query}` : ''}`
}

export function listSavedSearches(userId: number) {
  return getDb()
    .select({
      id: savedSearch.id,
      name: savedSearch.name,
      scope: savedSearch.scope,
      query: savedSearch.query,
      frequency: savedSearch.frequency,
      lastRunAt: savedSearch.lastRunAt,
    })
    .from(savedSearch)
    .where(eq(savedSearch.userId, userId))
    .orderBy(asc(savedSearch.name), asc(savedSearch.id))
    .all()
}

function nameTaken(userId: number, value: string, exceptId = 0) {
  const row = getDb()
    .select({ id: savedSearch.id })
    .from(savedSearch)
    .where(and(eq(savedSearch.userId, userId), eq(savedSearch.name, value)))
    .get()
  return Boolean(row && row.id !== exceptId)
}

/**
 * Saves a search. Its high-water mark starts above everything it finds now, so its first alert mails only what
 * comes after (what the owner may not see yet is not under the mark: it is mailed once it becomes visible).
 */
export function createSavedSearch(
  owner: SearchOwner,
  lang: Language,
  input: { name: string; scope: SearchScope; query: string; frequency: AlertFrequency },
): Result<{ id: number }, SavedSearchError> {
  const query = normalizeQuery(input.query)
  if (nameTaken(owner.id, input.name)) return fail('nameTaken')
  if (listSavedSearches(owner.id).length >= MAX_SAVED_SEARCHES) return fail('tooMany')
  const mark = markOf(findMatches(input.scope, query, owner, lang))
  try {
    const row = getDb()
      .insert(savedSearch)
      .values({
        userId: owner.id,
        name: input.name,
        scope: input.scope,
        query,
        frequency: input.frequency,
        highWaterMark: mark,
      })
      .returning({ id: savedSearch.id })
      .get()
    return ok({ id: row.id })
  } catch (error) {
    // Two saves at once under one name: the unique index decides.
    if (String(error).includes('UNIQUE')) return fail('nameTaken')
    throw error
  }
}

export function renameSavedSearch(userId: number, id: number, newName: string): Result<null, SavedSearchError> {
  if (nameTaken(userId, newName, id)) return fail('nameTaken')
  const changed = getDb()
    .update(savedSearch)
    .set({ name: newName, updatedAt: new Date() })
    .where(and(eq(savedSearch.id, id), eq(savedSearch.userId, userId)))
    .run().changes
  return changed ? ok(null) : fail('notFound')
}

export function setAlertFrequency(
  userId: number,
  id: number,
  frequency: AlertFrequency,
): Result<null, SavedSearchError> {
  const changed = getDb()
    .update(savedSearch)
    .set({ frequency, updatedAt: new Date() })
    .where(and(eq(savedSearch.id, id), eq(savedSearch.userId, userId)))
    .run().changes
  return changed ? ok(null) : fail('notFound')
}

export function deleteSavedSearch(userId: number, id: number): Result<null, SavedSearchError> {
  const changed = getDb()
    .delete(savedSearch)
    .where(and(eq(savedSearch.id, id), eq(savedSearch.userId, userId)))
    .run().changes
  return changed ? ok(null) : fail('notFound')
}

/** The alert a signed mail link names (for its unsubscribe page), or null. */
export function getSavedSearchForLink(id: number) {
  return (
    getDb()
      .select({ id: savedSearch.id, name: savedSearch.name, frequency: savedSearch.frequency })
      .from(savedSearch)
      .where(eq(savedSearch.id, id))
      .get() ?? null
  )
}

/** Turns an alert off (the mail's signed link, without signing in); the search itself stays saved. */
export function turnOffAlert(id: number) {
  return (
    getDb().update(savedSearch).set({ frequency: 'off', updatedAt: new Date() }).where(eq(savedSearch.id, id)).run()
      .changes > 0
  )
}
