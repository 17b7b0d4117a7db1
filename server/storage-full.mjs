// A full disk is not a bug: SQLite's SQLITE_FULL (or an I/O error while the disk is full), the file store's
// 'storage-full' or an ENOSPC anywhere in a loader or action becomes a 503 "the storage is full, nothing was saved"
// that carries back the text the visitor typed, instead of a generic 500. Wraps the Remix build's route modules,
// so that every route is covered without each one knowing.
import fs from 'node:fs'
import { data } from '@remix-run/node'

const fullCodes = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', 'storage-full'])

/** Whether the filesystem holding `dir` has (almost) no room left: less than `minBytes` free. */
export function isDiskFull(dir, minBytes = 64 * 1024) {
  try {
    const stats = fs.statfsSync(dir)
    return stats.bavail * stats.bsize < minBytes
  } catch {
    return false
  }
}

/**
 * Whether an error (or one of its causes: Drizzle wraps SQLite's) means the storage is full. SQLite reports some
 * ENOSPC as a plain I/O error, so SQLITE_IOERR counts too when `diskFull()` says the disk is full.
 */
export function isStorageFull(error, diskFull = () => false) {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause, depth++) {
    const code = typeof e.code === 'string' ? e.code : ''
    if (fullCodes.has(code)) return true
    if (code.startsWith('SQLITE_IOERR') && diskFull()) return true
  }
  return false
}

// Fields never echoed back: secrets, and the hidden fields forms send along.
const unechoed = /password|token|csrf|secret|^intent$|^redirectTo$|^_/i
const maxEchoBytes = 1024 * 1024

/** The text fields of a form body, for the visitor to copy: the first 20 non-empty ones, each cut at 20,000 characters. */
export async function typedFields(request) {
  if (!request) return []
  try {
    const form = await request.formData()
    const fields = []
    for (const [name, value] of form) {
      if (typeof value !== 'string' || !value.trim() || unechoed.test(name)) continue
      fields.push({ name, value: value.slice(0, 20_000) })
      if (fields.length === 20) break
    }
    return fields
  } catch {
    return []
  }
}

/** A copy of a small urlencoded form body to read after the action failed (never a multipart upload's bytes). */
function copyOfForm(request) {
  if (request.method === 'GET' || request.method === 'HEAD') return null
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get('content-type') ?? '')) return null
  // Browsers send a form's length; a bigger form is not copied (the action reads it whole anyway).
  const length = Number(request.headers.get('content-length') ?? 0)
  return length <= maxEchoBytes ? request.clone() : null
}

/**
 * A loader or action that answers 503 `{ storageFull: true, fields }` (the posted text fields) when the storage is
 * full; `onFull(error, request)` is told once per such request (to log it).
 */
export function guardStorage(fn, { onFull, diskFull }) {
  return async (args) => {
    const copy = copyOfForm(args.request)
    try {
      return await fn(args)
    } catch (error) {
      if (!isStorageFull(error, diskFull)) throw error
      onFull?.(error, args.request)
      throw data(
        { storageFull: true, fields: await typedFields(copy) },
        { status: 503, headers: { 'Cache-Control': 'no-store' } },
      )
    }
  }
}

/** The Remix build with every route's loader and action guarded by guardStorage. */
export function guardBuild(build, options) {
  const routes = {}
  for (const [id, route] of Object.entries(build.routes)) {
    const module = { ...route.module }
    if (module.loader) module.loader = guardStorage(module.loader, options)
    if (module.action) module.action = guardStorage(module.action, options)
    routes[id] = { ...route, module }
  }
  return { ...build, routes }
}
