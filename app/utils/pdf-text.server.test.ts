import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractPdfText } from './pdf-text.server'
import { fixture, fixturesDir } from '../../test/sample-files'

const arabicPdf = path.join(fixturesDir, 'arabic.pdf')
// Harakat (U+064B–U+0652), as search folds them away.
const withoutHarakat = (text: string) => text.replace(/[\u064b-\u0652]/g, '')

describe('extractPdfText', () => {
  it('reads an Arabic PDF in reading order, Latin words and numbers included', async () => {
    const text = await extractPdfText(arabicPdf)
    const lines = text.split('\n')
    expect(lines[0]).toBe('تعزز المساءلة البرلمانية الرقابة على تدابير مكافحة الإرهاب.')
    expect(lines[1]).toBe('تناقش اللجنة الدراسات الاستشرافية للتطرف العنيف.')
    expect(lines[3]).toBe('عُقد الاجتماع في عام 2025 مع مكتب UNOCT في الدوحة.')
    expect(lines[4]).toBe('Parliamentary oversight of counter-terrorism measures.')
    // The word written with its vowels (harakat) reads back as the same word once they are folded.
    expect(lines[2]).toContain('الخُطَطَ')
    expect(withoutHarakat(text).match(/الاستشرافية/g)).toHaveLength(2)
    // Presentation forms (ﻻ, ﺔ…) are folded to ordinary letters.
    expect(text).not.toMatch(/[\ufb50-\ufdff\ufe70-\ufeff]/)
  })

  it('gives an empty text, never an error, for a broken, truncated, missing or non-PDF file', async () => {
    const dir = fs.mkdtempSync(path.join(process.env.DATA_DIR!, 'pdf-'))
    const broken = path.join(dir, 'broken.pdf')
    fs.writeFileSync(
      broken,
      '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF',
    )
    const truncated = path.join(dir, 'truncated.pdf')
    fs.writeFileSync(truncated, fixture('arabic.pdf').subarray(0, 3000))
    const video = path.join(fixturesDir, 'clip.mp4')
    for (const file of [broken, truncated, video, path.join(dir, 'missing.pdf')]) {
      expect(await extractPdfText(file)).toBe('')
    }
  })

  it('stops at its bounds: characters, time and file size', async () => {
    expect(await extractPdfText(arabicPdf, { maxChars: 20 })).toHaveLength(20)
    const started = Date.now()
    expect(await extractPdfText(arabicPdf, { timeoutMs: 1 })).toBe('')
    expect(Date.now() - started).toBeLessThan(2000)
    expect(await extractPdfText(arabicPdf, { maxFileBytes: 1000 })).toBe('')
  })
})
