// Helpers shared by the file store's tests: chunked streams, SHA-256 of bytes, the temporary folder's contents,
// and the code of an UploadError a promise rejects with.
import crypto from 'node:crypto'
import fs from 'node:fs'
import { expect } from 'vitest'
import { tempDir, UploadError } from './file-store.server'

/** Feeds bytes in chunks, counting how many chunks the store asked for. */
export function chunked(bytes: Buffer, size = 1024) {
  const state = { pulled: 0 }
  const source = (async function* () {
    for (let i = 0; i < bytes.length; i += size) {
      state.pulled++
      yield new Uint8Array(bytes.subarray(i, i + size))
    }
  })()
  return { source, state }
}

export const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')
export const tempFiles = () => (fs.existsSync(tempDir()) ? fs.readdirSync(tempDir()) : [])

export async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UploadError)
  return (error as UploadError).code
}
