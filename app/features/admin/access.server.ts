import type { Params } from '@remix-run/react'
import { requireRole } from '~/utils/auth.server'
import { readPage, requireLanguage } from '~/utils/lang.server'

/** Every admin page and action asks this first: an admin, or the 403 page (a visitor is sent to sign in). */
export function requireAdmin(request: Request) {
  return requireRole(request, 'admin')
}

/** What each admin list page (users, outbox, audit log) reads first: the admin, the language, the page number. */
export function requireAdminListing({ params, request }: { params: Params; request: Request }) {
  const admin = requireAdmin(request)
  return { admin, lang: requireLanguage(params), page: readPage(request) }
}
