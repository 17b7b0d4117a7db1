// Small files of every kind the file store accepts or refuses, for unit tests: the committed fixtures
// (e2e/fixtures, made by scripts/make-fixtures.ts) and headers built here byte by byte.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import sharp from 'sharp'

export const fixturesDir = path.resolve('e2e/fixtures')
export const fixture = (name: string) => fs.readFileSync(path.join(fixturesDir, name))

type ZipEntry = {
  name: string
  data: string | Buffer
  /** Already deflated `data` (method 8) that inflates to `size` bytes with this CRC. */
  deflated?: { size: number; crc: number }
}

/**
 * A zip archive with stored (or given deflated) entries, in the given order. `zip64` writes the sizes and offsets
 * as ZIP64 does (0xFFFFFFFF in the headers, the values in extra fields, a ZIP64 end record and its locator).
 */
export function zip(entries: ZipEntry[], { zip64 = false }: { zip64?: boolean } = {}) {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data)
    const crc = entry.deflated?.crc ?? zlib.crc32(data)
    const size = entry.deflated?.size ?? data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(entry.deflated ? 8 : 0, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const extra = Buffer.alloc(zip64 ? 28 : 0)
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0)
      extra.writeUInt16LE(24, 2)
      extra.writeBigUInt64LE(BigInt(size), 4)
      extra.writeBigUInt64LE(BigInt(data.length), 12)
      extra.writeBigUInt64LE(BigInt(offset), 20)
    }
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(zip64 ? 45 : 20, 4)
    central.writeUInt16LE(zip64 ? 45 : 20, 6)
    central.writeUInt16LE(entry.deflated ? 8 : 0, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(zip64 ? 0xffffffff : data.length, 20)
    central.writeUInt32LE(zip64 ? 0xffffffff : size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt16LE(extra.length, 30)
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name, extra)
    offset += local.length + name.length + data.length
  }
  const cd = Buffer.concat(centrals)
  const tail: Buffer[] = []
  if (zip64) {
    const record = Buffer.alloc(56)
    record.writeUInt32LE(0x06064b50, 0)
    record.writeBigUInt64LE(44n, 4)
    record.writeUInt16LE(45, 12)
    record.writeUInt16LE(45, 14)
    record.writeBigUInt64LE(BigInt(entries.length), 24)
    record.writeBigUInt64LE(BigInt(entries.length), 32)
    record.writeBigUInt64LE(BigInt(cd.length), 40)
    record.writeBigUInt64LE(BigInt(offset), 48)
    const locator = Buffer.alloc(20)
    locator.writeUInt32LE(0x07064b50, 0)
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8)
    locator.writeUInt32LE(1, 16)
    tail.push(record, locator)
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8)
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10)
  end.writeUInt32LE(zip64 ? 0xffffffff : cd.length, 12)
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16)
  return Buffer.concat([...locals, cd, ...tail, end])
}

function ooxml(main: string, folder: string, more: ZipEntry[] = [], options: { zip64?: boolean } = {}) {
  return zip(
    [
      {
        name: '[Content_Types].xml',
        data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${folder}/main.xml" ContentType="${main}.main+xml"/></Types>`,
      },
      { name: `${folder}/main.xml`, data: '<x/>' },
      ...more,
    ],
    options,
  )
}

const wordMain = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** A .docx written with ZIP64 headers (as tools do past 4 GiB or 65,535 entries). */
export const zip64Docx = () => ooxml(wordMain, 'word', [], { zip64: true })

/** 256 MiB of zeros, deflated (about 250 KB), computed once: a zip bomb's payload. */
let zeros: { data: Buffer; size: number; crc: number } | undefined
async function deflatedZeros() {
  if (zeros) return zeros
  const size = 256 * 1024 * 1024
  const chunk = Buffer.alloc(1024 * 1024)
  const deflate = zlib.createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (b: Buffer) => out.push(b))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  let crc = 0
  for (let i = 0; i < size / chunk.length; i++) {
    crc = zlib.crc32(chunk, crc)
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  zeros = { data: Buffer.concat(out), size, crc }
  return zeros
}

/**
 * Files that say one thing by their first bytes and are another: the store must refuse them by their structure.
 * [name, bytes, expected refusal]
 */
export async function impostorSamples(): Promise<[string, Buffer, 'damaged' | 'unpackedTooLarge'][]> {
  const pdf = fixture('arabic.pdf')
  const jpg = fixture('poster.jpg')
  const noise = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + ((i * i) >> 3)) & 0xff))
  const bomb = await deflatedZeros()
  const mp4 = fixture('clip.mp4')
  return [
    ['polyglot.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), htmlPage, Buffer.from('\n%%EOF\n')]), 'damaged'],
    ['truncated.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.4)), 'damaged'],
    ['garbage.jpg', Buffer.concat([jpg.subarray(0, 20), noise]), 'damaged'],
    ['half.jpg', jpg.subarray(0, Math.floor(jpg.length / 2)), 'damaged'],
    [
      'bomb.docx',
      ooxml(wordMain, 'word', [{ name: 'word/zeros.bin', data: bomb.data, deflated: bomb }]),
      'unpackedTooLarge',
    ],
    ['no-directory.docx', ooxml(wordMain, 'word').subarray(0, -22), 'damaged'],
    ['truncated.mp4', mp4.subarray(0, Math.floor(mp4.length * 0.6)), 'damaged'],
  ]
}

function odf(mediaType: string) {
  return zip([
    { name: 'mimetype', data: mediaType },
    { name: 'content.xml', data: '<x/>' },
  ])
}

/** A Compound File (version 3, 512-byte sectors) whose directory holds one stream of this name. */
export function compoundFile(streamName: string) {
  const sector = 512
  const header = Buffer.alloc(sector, 0)
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0)
  header.writeUInt16LE(0x3e, 24)
  header.writeUInt16LE(3, 26)
  header.writeUInt16LE(0xfffe, 28)
  header.writeUInt16LE(9, 30)
  header.writeUInt16LE(6, 32)
  header.writeUInt32LE(1, 44) // one FAT sector
  header.writeUInt32LE(1, 48) // the directory starts at sector 1
  header.writeUInt32LE(4096, 56)
  header.writeUInt32LE(0xfffffffe, 60)
  header.writeUInt32LE(0xfffffffe, 68)
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 76 + i * 4)
  const fat = Buffer.alloc(sector, 0xff)
  fat.writeUInt32LE(0xfffffffd, 0) // sector 0: the FAT itself
  fat.writeUInt32LE(0xfffffffe, 4) // sector 1: the directory, one sector long
  const dir = Buffer.alloc(sector, 0)
  const entry = (index: number, name: string, type: number) => {
    const at = index * 128
    const bytes = Buffer.from(`${name}\0`, 'utf16le')
    bytes.copy(dir, at)
    dir.writeUInt16LE(bytes.length, at + 64)
    dir[at + 66] = type
  }
  entry(0, 'Root Entry', 5)
  entry(1, streamName, 2)
  return Buffer.concat([header, fat, dir])
}

function mp4Brand(brand: string) {
  const box = Buffer.alloc(24)
  box.writeUInt32BE(24, 0)
  box.write('ftyp', 4)
  box.write(brand, 8)
  box.write(brand, 16)
  box.write('isom', 20)
  // An (empty) index and media box after it: the store checks that the boxes tile the file and a moov is there.
  const moov = Buffer.alloc(16)
  moov.writeUInt32BE(16, 0)
  moov.write('moov', 4)
  moov.writeUInt32BE(8, 8)
  moov.write('free', 12)
  const mdat = Buffer.alloc(72)
  mdat.writeUInt32BE(72, 0)
  mdat.write('mdat', 4)
  return Buffer.concat([box, moov, mdat])
}

function ogg(codecHeader: Buffer) {
  const page = Buffer.alloc(28)
  page.write('OggS', 0)
  page[5] = 2
  return Buffer.concat([page, codecHeader, Buffer.alloc(64)])
}

function wav() {
  const b = Buffer.alloc(44)
  b.write('RIFF', 0)
  b.writeUInt32LE(36, 4)
  b.write('WAVE', 8)
  b.write('fmt ', 12)
  b.writeUInt32LE(16, 16)
  b.writeUInt16LE(1, 20)
  b.writeUInt16LE(1, 22)
  b.writeUInt32LE(8000, 24)
  b.writeUInt32LE(8000, 28)
  b.writeUInt16LE(1, 32)
  b.writeUInt16LE(8, 34)
  b.write('data', 36)
  return b
}

/** Files that must be accepted, with the media type the store must decide. */
export async function acceptedSamples(): Promise<[string, Buffer, string][]> {
  const image = sharp({ create: { width: 2, height: 2, channels: 3, background: '#0b4f8a' } })
  return [
    ['arabic.pdf', fixture('arabic.pdf'), 'application/pdf'],
    ['clip.mp4', fixture('clip.mp4'), 'video/mp4'],
    ['clip.webm', fixture('clip.webm'), 'video/webm'],
    ['poster.jpg', fixture('poster.jpg'), 'image/jpeg'],
    ['dot.png', await image.clone().png().toBuffer(), 'image/png'],
    ['dot.webp', await image.clone().webp().toBuffer(), 'image/webp'],
    ['dot.gif', await image.clone().gif().toBuffer(), 'image/gif'],
    [
      'a.docx',
      ooxml('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'word'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'a.xlsx',
      ooxml('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xl'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [
      'a.pptx',
      ooxml('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'ppt'),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    ['a.odt', odf('application/vnd.oasis.opendocument.text'), 'application/vnd.oasis.opendocument.text'],
    ['a.ods', odf('application/vnd.oasis.opendocument.spreadsheet'), 'application/vnd.oasis.opendocument.spreadsheet'],
    [
      'a.odp',
      odf('application/vnd.oasis.opendocument.presentation'),
      'application/vnd.oasis.opendocument.presentation',
    ],
    ['a.doc', compoundFile('WordDocument'), 'application/msword'],
    ['a.xls', compoundFile('Workbook'), 'application/vnd.ms-excel'],
    ['a.ppt', compoundFile('PowerPoint Document'), 'application/vnd.ms-powerpoint'],
    ['a.mp3', Buffer.concat([Buffer.from('fffb9064', 'hex'), Buffer.alloc(413)]), 'audio/mpeg'],
    ['a.m4a', mp4Brand('M4A '), 'audio/mp4'],
    ['a.ogg', ogg(Buffer.from('\x01vorbis', 'latin1')), 'audio/ogg'],
    ['a.opus', ogg(Buffer.from('OpusHead')), 'audio/ogg'],
    ['a.wav', wav(), 'audio/wav'],
  ]
}

/** The first bytes of a 64-bit ELF executable and of a Windows PE executable. */
export const elfHeader = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(48)])
export const peHeader = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(64),
  Buffer.from('PE\0\0'),
])
export const htmlPage = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')

/** Files that must be refused, whatever their name says. */
export function refusedSamples(): [string, Buffer][] {
  return [
    ['page-as.pdf', htmlPage],
    ['elf-as.pdf', elfHeader],
    ['pe-as.pdf', peHeader],
    ['drawing.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['notes.txt', Buffer.from('Plain text is not a library file.\n')],
    ['archive.zip', zip([{ name: 'readme.txt', data: 'hello' }])],
    ['macros.docm', ooxml('application/vnd.ms-word.document.macroEnabled', 'word')],
    ['installer.msi', compoundFile('\u4840\u3b3f\u43f2\u4431\u45b1\u4736')],
    ['clip.mov', mp4Brand('qt  ')],
  ]
}
