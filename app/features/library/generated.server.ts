// Resources another feature makes, not a person's upload: an adopted draft published with its Word and Akoma Ntoso
// files (issue 15). Their bytes go to the same store as uploads (DATA_DIR/uploads/<xx>/<sha256>, shared by content)
// but are not checked as uploads are: the app wrote them (Akoma Ntoso XML is not a type people may upload).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ContentLanguage, ResourceType, Visibility } from '#db/enums'
import { resourceFile } from '#db/schema/index'
import { reindexResource } from '~/features/search'
import type { Tx } from '~/utils/db.server'
import { cleanOriginalName, removeBlobIfUnreferenced, tempDir, uploadPath } from '~/utils/file-store.server'
import { fail, ok, type Result } from '~/utils/result'
import { auditResource, createResource } from './resource.server'
import { ResourceFormSchema } from './schemas'

export type GeneratedFile = {
  bytes: Uint8Array
  mediaType: string
  name: string
  language: ContentLanguage | null
  /** The file's words, for search (like the text taken out of an uploaded PDF). */
  text?: string
}

export type StoredGeneratedFile = Omit<GeneratedFile, 'bytes'> & { sha256: string; size: number }

/**
 * Writes the bytes into the file store under their SHA-256, durably, before any row names them. Synchronous, so
 * that the caller's rows follow with no I/O in between (the sweep of unreferenced blobs never sees them alone);
 * if those rows are not written, `discardGeneratedFiles` takes the bytes away again.
 */
export function storeGeneratedFile(file: GeneratedFile): StoredGeneratedFile {
  const { bytes, ...rest } = file
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
  const target = uploadPath(sha256)
  if (!fs.existsSync(target)) {
    fs.mkdirSync(tempDir(), { recursive: true })
    const temp = path.join(tempDir(), `${Date.now()}-${crypto.randomBytes(8).toString('hex')}`)
    try {
      const fd = fs.openSync(temp, 'wx', 0o600)
      try {
        fs.writeSync(fd, bytes)
        fs.fsyncSync(fd)
      } finally {
        fs.closeSync(fd)
      }
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.renameSync(temp, target)
    } catch (error) {
      fs.rmSync(temp, { force: true })
      throw error
    }
  }
  return { ...rest, sha256, size: bytes.byteLength }
}

/** Takes away the bytes of files whose rows were not written (a blob another row names stays). */
export function discardGeneratedFiles(files: readonly { sha256: string }[]) {
  for (const f of files) removeBlobIfUnreferenced(f.sha256)
}

export type GeneratedResourceInput = {
  type: ResourceType
  titleEn: string
  titleAr: string
  summaryEn: string
  summaryAr: string
  visibility: Visibility
  languages: ContentLanguage[]
  pillars: number[]
  resolutions: string[]
  themes: string[]
  parliamentIds: number[]
  /** YYYY-MM-DD. */
  publishedOn: string
}

/**
 * Publishes a resource with files already stored (storeGeneratedFile), inside the caller's transaction: the
 * resource, its taxonomies, its files in the given order, its audit rows and its search index. 'invalid' (nothing
 * written) when the fields are not what the library's own form accepts.
 */
export function publishGeneratedResource(
  tx: Tx,
  input: GeneratedResourceInput,
  files: readonly StoredGeneratedFile[],
  author: { id: number },
  details: Record<string, unknown> = {},
): Result<{ id: number; fileIds: number[] }, 'invalid'> {
  const parsed = ResourceFormSchema.safeParse({ ...input, intent: 'publish' })
  if (!parsed.success) return fail('invalid')
  const { id } = createResource(parsed.data, author, 'published')
  const fileIds = files.map(
    (f, position) =>
      tx
        .insert(resourceFile)
        .values({
          resourceId: id,
          sha256: f.sha256,
          size: f.size,
          mediaType: f.mediaType,
          originalName: cleanOriginalName(f.name, f.mediaType),
          role: 'document',
          language: f.language,
          extractedText: f.text ?? '',
          position,
        })
        .returning({ id: resourceFile.id })
        .get().id,
  )
  auditResource(tx, author, 'resource.created', id, details)
  auditResource(tx, author, 'resource.publish', id, { from: 'draft', to: 'published', ...details })
  reindexResource(id)
  return ok({ id, fileIds })
}
