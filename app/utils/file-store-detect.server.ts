// Type detection from the content: which media type a stored file is (file-type's signatures, the directory of a
// Compound File), and whether an upload's first bytes may be an accepted file at all.
import fs from 'node:fs'
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import { isAcceptedMediaType } from './file-types'

/** From the first bytes: is this possibly an accepted file? (The whole file is checked once stored.) */
export async function headLooksAcceptable(head: Uint8Array) {
  let type
  try {
    type = await fileTypeFromBuffer(head)
  } catch {
    return true
  }
  if (!type) return false
  // Containers are decided on the whole file: a zip may be a .docx, a compound file a .doc.
  return type.ext === 'zip' || type.ext === 'cfb' || canonicalMediaType(type.ext) !== null
}

/** file-type's answer → the media type we store, or null for anything we refuse. */
function canonicalMediaType(ext: string): string | null {
  switch (ext) {
    case 'pdf':
    case 'ai': // Illustrator files are PDF files with extra data; browsers show them as PDF.
      return 'application/pdf'
    case 'docx':
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    case 'xlsx':
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    case 'pptx':
      return 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
    case 'odt':
      return 'application/vnd.oasis.opendocument.text'
    case 'ods':
      return 'application/vnd.oasis.opendocument.spreadsheet'
    case 'odp':
      return 'application/vnd.oasis.opendocument.presentation'
    case 'jpg':
      return 'image/jpeg'
    case 'png':
    case 'apng':
      return 'image/png'
    case 'webp':
      return 'image/webp'
    case 'gif':
      return 'image/gif'
    case 'mp4':
    case 'm4v':
      return 'video/mp4'
    case 'webm':
      return 'video/webm'
    case 'mp3':
      return 'audio/mpeg'
    case 'm4a':
      return 'audio/mp4'
    case 'ogg':
    case 'opus':
      return 'audio/ogg'
    case 'wav':
      return 'audio/wav'
    default:
      return null
  }
}

/**
 * The media type of a stored file, decided from its content only, or null when it is not one we accept.
 * Macro-enabled Office files (docm, xlsm…), plain zips, SVG, HTML and text have no answer here.
 */
export async function detectMediaType(file: string): Promise<string | null> {
  let type
  try {
    type = await fileTypeFromFile(file)
  } catch {
    return null
  }
  if (!type) return null
  const mediaType = type.ext === 'cfb' ? await legacyOfficeType(file) : canonicalMediaType(type.ext)
  return mediaType && isAcceptedMediaType(mediaType) ? mediaType : null
}

const legacyStreams: Record<string, string> = {
  WordDocument: 'application/msword',
  Workbook: 'application/vnd.ms-excel',
  Book: 'application/vnd.ms-excel',
  'PowerPoint Document': 'application/vnd.ms-powerpoint',
}

/**
 * A Compound File (the container of .doc, .xls and .ppt, but also of .msi installers and .msg mails): accepted
 * only when its directory holds the main stream of Word, Excel or PowerPoint. Reads the header, the FAT sectors
 * it needs and at most 64 directory sectors.
 */
async function legacyOfficeType(file: string): Promise<string | null> {
  const fh = await fs.promises.open(file, 'r')
  try {
    const { size } = await fh.stat()
    const header = Buffer.alloc(512)
    if ((await fh.read(header, 0, 512, 0)).bytesRead < 512) return null
    if (header.readUInt16LE(28) !== 0xfffe) return null
    const shift = header.readUInt16LE(30)
    if (shift !== 9 && shift !== 12) return null
    const sectorSize = 1 << shift
    const read = async (sector: number) => {
      const offset = (sector + 1) * sectorSize
      if (sector >= 0xfffffffa || offset >= size) return null
      const buf = Buffer.alloc(sectorSize)
      const { bytesRead } = await fh.read(buf, 0, sectorSize, offset)
      return bytesRead > 0 ? buf : null
    }
    const fatCache = new Map<number, Buffer | null>()
    const next = async (sector: number) => {
      const perSector = sectorSize / 4
      const index = Math.floor(sector / perSector)
      if (index >= 109) return 0xfffffffe // beyond the header's DIFAT: stop (plenty for a directory)
      if (!fatCache.has(index)) fatCache.set(index, await read(header.readUInt32LE(76 + index * 4)))
      const fat = fatCache.get(index)
      return fat ? fat.readUInt32LE((sector % perSector) * 4) : 0xfffffffe
    }
    let sector = header.readUInt32LE(48)
    for (let visited = 0; visited < 64 && sector < 0xfffffffa; visited++) {
      const buf = await read(sector)
      if (!buf) break
      for (let entry = 0; entry + 128 <= buf.length; entry += 128) {
        const nameBytes = buf.readUInt16LE(entry + 64)
        const type = buf[entry + 66]
        if (type !== 2 || nameBytes < 2 || nameBytes > 64) continue
        const name = buf.toString('utf16le', entry, entry + nameBytes - 2)
        const mediaType = legacyStreams[name]
        if (mediaType) return mediaType
      }
      sector = await next(sector)
    }
    return null
  } catch {
    return null
  } finally {
    await fh.close()
  }
}
