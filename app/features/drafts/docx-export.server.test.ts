import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// fflate is what docx zips with (its dependency); reading the file back needs nothing else
import { strFromU8, unzipSync } from 'fflate'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, describe, expect, it } from 'vitest'

import { docxFileName, exportDocx } from './docx-export.server'
import { largeSnapshot, sampleSnapshot } from './fixtures/snapshots'

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 })
    return true
  } catch {
    return false
  }
})()
if (!hasSoffice) console.warn('Word → PDF check skipped: LibreOffice (soffice) is not installed')

const dir = mkdtempSync(join(tmpdir(), 'docx-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!)

/** Each <w:p> of the document: its text and whether it is bidirectional. */
function paragraphs(xml: string) {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map((m) => {
    const inner = m[1] ?? m[2] ?? ''
    const text = [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')
    return {
      text,
      bidi: /<w:bidi\/>|<w:bidi w:val="(true|1|on)"\/>/.test(inner),
      rtl: /<w:rtl\/>|<w:rtl w:val="(true|1|on)"\/>/.test(inner),
    }
  })
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

describe('exportDocx', () => {
  const s = sampleSnapshot()

  it('sets Arabic and English side by side, Arabic paragraphs right to left', async () => {
    const ps = paragraphs(documentXml(await exportDocx(s)))
    const ar = ps.filter((p) => /[\u0600-\u06FF]/.test(p.text))
    const en = ps.filter((p) => /[A-Za-z]/.test(p.text) && !/[\u0600-\u06FF]/.test(p.text))
    expect(ar.length).toBeGreaterThan(15)
    expect(ar.every((p) => p.bidi && p.rtl)).toBe(true)
    expect(en.every((p) => !p.bidi && !p.rtl)).toBe(true)
    const texts = ps.map((p) => unescape(p.text))
    expect(texts).toContain('القانون النموذجي لمكافحة تمويل الإرهاب')
    expect(texts).toContain('المادة 3 — جريمة التمويل')
    expect(texts).toContain('Chapter II — Offences')
    expect(texts).toContain('الفصل الثاني — الجرائم')
    expect(texts).toContain('(أ) الجمعيات؛')
    expect(texts).toContain('• «الأموال»: الأصول أيًّا كان نوعها؛')
    expect(texts).toContain('Whoever collects or provides funds <wilfully> & "knowingly" commits an offence.')
    expect(texts).toContain('[To translate]')
    const xml = documentXml(await exportDocx(s))
    expect(xml).toContain('<w:tbl>')
    expect(xml).toMatch(/<w:bidiVisual\/>|<w:bidiVisual w:val="(true|1|on)"\/>/)
  })

  it('writes one language alone, or the languages one after the other', async () => {
    const en = paragraphs(documentXml(await exportDocx(s, { languages: ['en'] })))
    expect(en.some((p) => /[\u0600-\u06FF]/.test(p.text))).toBe(false)
    expect(en.map((p) => p.text)).toContain('Article 1 — Purpose')
    const seq = documentXml(await exportDocx(s, { layout: 'sequential' }))
    expect(seq).not.toContain('<w:tbl>')
    const texts = paragraphs(seq).map((p) => p.text)
    expect(texts.indexOf('Article 1 — Purpose')).toBeGreaterThan(texts.indexOf('المادة 1 — الهدف'))
    expect(docxFileName(s)).toBe('draft-7-v2-ar-en.docx')
  })

  it('exports 400 provisions in both languages', async () => {
    const big = largeSnapshot(400)
    await exportDocx(big)
    const t0 = performance.now()
    const bytes = await exportDocx(big)
    const ms = performance.now() - t0
    console.info(
      `Word export, 400 provisions, ar + en side by side: ${ms.toFixed(0)} ms, ${(bytes.length / 1024).toFixed(0)} KiB`,
    )
    expect(bytes.length).toBeGreaterThan(10_000)
  })

  it.skipIf(!hasSoffice)(
    'opens in LibreOffice: converted to PDF, the texts are there',
    async () => {
      const file = join(dir, 'draft.docx')
      writeFileSync(file, await exportDocx(s))
      execFileSync(
        'soffice',
        ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, file],
        {
          stdio: 'pipe',
          timeout: 120_000,
        },
      )
      const pdf = await getDocumentProxy(new Uint8Array(readFileSync(join(dir, 'draft.pdf'))))
      const { text } = await extractText(pdf, { mergePages: true })
      const words = text.replace(/\s+/g, ' ')
      expect(words).toContain('Model Law on Countering the Financing of Terrorism')
      expect(words).toContain('Financing offence')
      // pdf.js may give Arabic back in logical or in visual order (and lam-alef ligatures decomposed): words without
      // lam-alef, in either order
      const hasWord = (w: string) => words.includes(w) || words.includes([...w].reverse().join(''))
      expect(hasWord('التمويل')).toBe(true)
      expect(hasWord('الجرائم')).toBe(true)
    },
    120_000,
  )
})
