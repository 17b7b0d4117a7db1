// Small files of every kind the file store accepts or refuses, for unit tests: the committed fixtures
// (e2e/fixtures, made by scripts/make-fixtures.ts) and headers built here byte by byte.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import sharp from 'sharp'

export const fixturesDir = path.resolve('e2e/fixtures')
export const fixture = (name: string) => fs.readFileSync(path.join(fixturesDir, name))

/** A zip archive with stored (uncompressed) entries, in the given order. */
export function zip(entries: { name: string; data: string | Buffer }[]) {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data)
    const crc = zlib.crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += local.length + name.length + data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

function ooxml(main: string, folder: string) {
  return zip([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${folder}/main.xml" ContentType="${main}.main+xml"/></Types>`,
    },
    { name: `${folder}/main.xml`, data: '<x/>' },
  ])
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
  return Buffer.concat([box, Buffer.alloc(64)])
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
    ['a.docx', ooxml('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'word'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['a.xlsx', ooxml('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xl'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a.pptx', ooxml('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'ppt'), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['a.odt', odf('application/vnd.oasis.opendocument.text'), 'application/vnd.oasis.opendocument.text'],
    ['a.ods', odf('application/vnd.oasis.opendocument.spreadsheet'), 'application/vnd.oasis.opendocument.spreadsheet'],
    ['a.odp', odf('application/vnd.oasis.opendocument.presentation'), 'application/vnd.oasis.opendocument.presentation'],
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
export const peHeader = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0')])
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
