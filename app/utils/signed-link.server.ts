// Links that act without signing in (a mail's "unsubscribe", RFC 8058): the action and its subject, signed with
// HMAC-SHA256 under a key kept in DATA_DIR/link-key (made on first use, readable by the portal only). A forged or
// altered link fails `verifySignedLink`; nothing of the key ever leaves the server.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { getConfig } from './config.server'

let key: Buffer | null = null

function linkKey() {
  if (key) return key
  const file = path.resolve(getConfig().DATA_DIR, 'link-key')
  try {
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')
  } catch {
    mkdirSync(path.dirname(file), { recursive: true })
    const fresh = randomBytes(32).toString('hex')
    try {
      // 'wx': two processes starting at once keep the first key written.
      writeFileSync(file, fresh, { mode: 0o600, flag: 'wx' })
    } catch {
      // written by another process meanwhile
    }
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')
  }
  if (key.length < 32) throw new Error(`${file} must hold at least 32 bytes in hex`)
  return key
}

/** The signature (base64url) of a list of parts, e.g. ['unsubscribe', userId, 'mention']. */
export function signLink(parts: readonly (string | number)[]): string {
  return createHmac('sha256', linkKey()).update(parts.map(String).join('\u0000')).digest('base64url')
}

/** Whether `signature` is the one of these parts (constant time). */
export function verifySignedLink(parts: readonly (string | number)[], signature: string | null | undefined): boolean {
  if (!signature || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return false
  const expected = Buffer.from(signLink(parts), 'base64url')
  const given = Buffer.from(signature, 'base64url')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** For tests: forget the key read (a new DATA_DIR). */
export function resetLinkKeyForTests() {
  key = null
}
