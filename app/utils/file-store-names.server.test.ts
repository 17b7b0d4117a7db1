// Tests of safe file names: folders, control, bidi and zero-width characters dropped, NFC, and an extension that
// agrees with the type found by content.
import { describe, expect, it } from 'vitest'
import { cleanOriginalName } from './file-store.server'

describe('cleanOriginalName', () => {
  it('keeps Arabic names, drops folders, control and bidi-override characters', () => {
    expect(cleanOriginalName('C:\\Users\\amal\\تقرير المساءلة البرلمانية.pdf')).toBe('تقرير المساءلة البرلمانية.pdf')
    expect(cleanOriginalName('/tmp/a\u0000b\u202etxt.exe')).toBe('abtxt.exe')
    expect(cleanOriginalName('')).toBe('file')
    expect(cleanOriginalName('..')).toBe('file')
    const long = cleanOriginalName(`${'ب'.repeat(300)}.docx`)
    expect([...long]).toHaveLength(200)
    expect(long.endsWith('.docx')).toBe(true)
  })

  it('drops every bidi, zero-width and control character, and makes the name NFC', () => {
    expect(cleanOriginalName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe')
    // The Arabic trick: a right-to-left override hiding ".exe" inside an Arabic name.
    expect(cleanOriginalName('تقرير\u202Eexe.pdf')).toBe('تقريرexe.pdf')
    for (const mark of [
      '\u200e',
      '\u200f',
      '\u061c',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200b',
      '\ufeff',
      '\u2028',
    ]) {
      expect(cleanOriginalName(`a${mark}b.pdf`)).toBe('ab.pdf')
    }
    // Persian needs ZWNJ: kept.
    expect(cleanOriginalName('گزارش\u200cها.pdf')).toBe('گزارش\u200cها.pdf')
    const nfd = 'Re\u0301sume\u0301 de\u0301taille\u0301.pdf'
    expect(cleanOriginalName(nfd)).toBe(nfd.normalize('NFC'))
    expect(cleanOriginalName(nfd)).not.toBe(nfd)
  })

  it('makes the extension agree with the type found by content, and hides nothing behind a dot', () => {
    const pdf = 'application/pdf'
    expect(cleanOriginalName('.htaccess', pdf)).toBe('htaccess.pdf')
    expect(cleanOriginalName('.env', pdf)).toBe('env.pdf')
    expect(cleanOriginalName('x.html.', pdf)).toBe('x.pdf')
    expect(cleanOriginalName('report.pdf.html', pdf)).toBe('report.pdf')
    expect(cleanOriginalName('report.pdf; filename=evil.html', pdf)).toBe('report.pdf; filename=evil.pdf')
    expect(cleanOriginalName('invoice\u202Efdp.exe', pdf)).toBe('invoicefdp.pdf')
    expect(cleanOriginalName('Minutes 12.5.2024', pdf)).toBe('Minutes 12.5.2024.pdf')
    expect(cleanOriginalName('تقرير', pdf)).toBe('تقرير.pdf')
    expect(cleanOriginalName('REPORT.PDF', pdf)).toBe('REPORT.PDF')
    expect(cleanOriginalName('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg')
    expect(cleanOriginalName('photo.png', 'image/jpeg')).toBe('photo.jpg')
    expect(
      cleanOriginalName('old.doc', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    ).toBe('old.docx')
    expect(cleanOriginalName('...', pdf)).toBe('file.pdf')
  })
})
