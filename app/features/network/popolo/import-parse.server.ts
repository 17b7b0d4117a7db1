// Reading a Popolo file: the size limit, JSON parsing and the document's shape (schemas.ts), each refusal a
// PopoloImportError with a one-line reason.
import { PopoloImportError } from './import-types.server'
import { PopoloDocumentSchema, formatPopoloIssues, type PopoloDocument } from './schemas'

/** Files above this size are refused before they are read or parsed. */
export const MAX_POPOLO_BYTES = 25 * 1024 * 1024

function formatSize(bytes: number) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${bytes} bytes`
}

/** Refuses a size over the limit; call it with fs.stat's size before reading a file. */
export function checkPopoloSize(bytes: number, maxBytes = MAX_POPOLO_BYTES) {
  if (bytes > maxBytes) {
    throw new PopoloImportError(
      `the file is ${formatSize(bytes)}, larger than the ${formatSize(maxBytes)} an import accepts; split it by legislature`,
    )
  }
}

/** Parses a file's text; too large or not JSON is a PopoloImportError with the reason. */
export function parsePopoloJson(
  input: string | Buffer,
  { maxBytes = MAX_POPOLO_BYTES }: { maxBytes?: number } = {},
): unknown {
  checkPopoloSize(typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length, maxBytes)
  const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '')
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new PopoloImportError(`the file is not valid JSON: ${(error as Error).message}`)
  }
}

/** The document, or a PopoloImportError naming the first problems and where they are. */
export function parsePopoloDocument(json: unknown): PopoloDocument {
  const result = PopoloDocumentSchema.safeParse(json)
  if (!result.success) {
    throw new PopoloImportError(
      `the file is not a Popolo document the import can read: ${formatPopoloIssues(result.error)}`,
    )
  }
  return result.data
}
