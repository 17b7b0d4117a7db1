// A Word document (.docx) of a draft snapshot, written with the `docx` package. One language gives one column of
// text; two or more are set side by side in a table, one row per provision, as the draft's page shows them (the
// original language's column first, on the right when it is written right to left), so that a reader compares the
// versions line by line; `layout: 'sequential'` puts each language in its own section instead. Arabic (and any
// right-to-left language) paragraphs are bidirectional (w:bidi) with right-to-left runs (w:rtl).

import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx'

import { numberProvisions, provisionNum, type ProvisionNumber } from './numbering'
import type { DraftSnapshot, ProvisionKind, SnapshotProvision, TextLanguage } from './snapshot'
import { parseBody } from './text-format'

export interface DocxExportOptions {
  /** Which languages, in which order; the draft's languages by default. */
  languages?: TextLanguage[]
  /** Two or more languages: side by side in a table (default) or one after the other. */
  layout?: 'sideBySide' | 'sequential'
}

const rtlLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ku', 'yi', 'dv', 'sd', 'ug'])
export const isRtl = (lang: TextLanguage) => rtlLanguages.has(lang.split('-')[0]!.toLowerCase())

const toTranslate: Record<string, string> = { ar: '[بحاجة إلى ترجمة]', en: '[To translate]' }

const font = 'Arial'

function run(text: string, lang: TextLanguage, style: { bold?: boolean; italics?: boolean; size?: number } = {}) {
  const rtl = isRtl(lang)
  // A soft line break inside a paragraph is a <w:br/> before each following line.
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        rightToLeft: rtl || undefined,
        font,
        language: rtl ? { bidirectional: lang === 'ar' ? 'ar-SA' : lang } : { value: lang },
        ...style,
      }),
  )
}

function paragraph(
  lang: TextLanguage,
  children: TextRun[],
  extra: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; indent?: number; spacingAfter?: number } = {},
) {
  return new Paragraph({
    children,
    bidirectional: isRtl(lang) || undefined,
    alignment: AlignmentType.START,
    heading: extra.heading,
    indent: extra.indent ? { start: extra.indent } : undefined,
    spacing: { after: extra.spacingAfter ?? 120 },
  })
}

const headingLevels: Partial<Record<ProvisionKind, (typeof HeadingLevel)[keyof typeof HeadingLevel]>> = {
  part: HeadingLevel.HEADING_1,
  chapter: HeadingLevel.HEADING_2,
  section: HeadingLevel.HEADING_3,
  preamble: HeadingLevel.HEADING_2,
  definitions: HeadingLevel.HEADING_2,
  article: HeadingLevel.HEADING_4,
}

/** The paragraphs of one provision (not its children) in one language. */
function provisionParagraphs(p: SnapshotProvision, n: ProvisionNumber, lang: TextLanguage): Paragraph[] {
  const out: Paragraph[] = []
  const text = p.texts[lang]
  const num = provisionNum(n, lang)
  const heading = text?.heading.trim() ?? ''
  const indent = p.kind === 'paragraph' || p.kind === 'point' ? 360 * (n.pointDepth + (p.kind === 'point' ? 2 : 1)) : 0
  const inline = p.kind === 'paragraph' || p.kind === 'point'
  const blocks = parseBody(text?.body ?? '')

  if (!inline) {
    const title = [num, heading].filter(Boolean).join(' — ')
    if (title) out.push(paragraph(lang, run(title, lang, { bold: true }), { heading: headingLevels[p.kind] }))
  }
  if (!text) {
    out.push(
      paragraph(
        lang,
        [
          ...(inline && num ? run(`${num} `, lang) : []),
          ...run(toTranslate[lang] ?? toTranslate.en!, lang, { italics: true }),
        ],
        { indent },
      ),
    )
    return out
  }
  let first = inline
  for (const b of blocks) {
    const lead = first && num ? run(`${num} `, lang, { bold: true }) : []
    const headingRun = first && heading ? run(`${heading}: `, lang, { bold: true }) : []
    if (b.kind === 'paragraph') {
      out.push(paragraph(lang, [...lead, ...headingRun, ...run(b.text, lang)], { indent }))
    } else {
      if (lead.length || headingRun.length) out.push(paragraph(lang, [...lead, ...headingRun], { indent }))
      for (const item of b.items) out.push(paragraph(lang, run(`• ${item}`, lang), { indent: indent + 360 }))
    }
    first = false
  }
  if (first && (num || heading)) {
    out.push(
      paragraph(lang, [...(num ? run(`${num} `, lang, { bold: true }) : []), ...run(heading, lang, { bold: true })], {
        indent,
      }),
    )
  }
  return out
}

function titleParagraphs(s: DraftSnapshot, lang: TextLanguage): Paragraph[] {
  const out: Paragraph[] = []
  const title = s.titles[lang]
  const summary = s.summaries[lang]
  if (title) out.push(paragraph(lang, run(title, lang, { bold: true, size: 32 }), { heading: HeadingLevel.TITLE }))
  if (summary) out.push(paragraph(lang, run(summary, lang, { italics: true }), { spacingAfter: 240 }))
  return out
}

function inOrder(provisions: readonly SnapshotProvision[], visit: (p: SnapshotProvision) => void) {
  for (const p of provisions) {
    visit(p)
    inOrder(p.children, visit)
  }
}

/** The document, before packing (exposed for tests and for a caller that adds a cover page). */
export function buildDocx(s: DraftSnapshot, options: DocxExportOptions = {}): Document {
  const languages = options.languages ?? s.languages
  const { byWId } = numberProvisions(s.provisions)
  const sections: ISectionOptions[] = []

  if (languages.length === 1 || options.layout === 'sequential') {
    for (const lang of languages) {
      const children: Paragraph[] = titleParagraphs(s, lang)
      inOrder(s.provisions, (p) => children.push(...provisionParagraphs(p, byWId.get(p.wId)!, lang)))
      sections.push({ properties: {}, children })
    }
  } else {
    const width = Math.floor(100 / languages.length)
    const cell = (children: Paragraph[], lang: TextLanguage) =>
      new TableCell({
        children: children.length > 0 ? children : [paragraph(lang, [])],
        width: { size: width, type: WidthType.PERCENTAGE },
      })
    const rows = [new TableRow({ tableHeader: true, children: languages.map((l) => cell(titleParagraphs(s, l), l)) })]
    inOrder(s.provisions, (p) => {
      const n = byWId.get(p.wId)!
      rows.push(
        new TableRow({ cantSplit: false, children: languages.map((l) => cell(provisionParagraphs(p, n, l), l)) }),
      )
    })
    sections.push({
      properties: {},
      children: [
        new Table({
          rows,
          width: { size: 100, type: WidthType.PERCENTAGE },
          visuallyRightToLeft: isRtl(languages[0] ?? 'en') || undefined,
        }),
      ],
    })
  }

  const original = s.languages[0] ?? languages[0] ?? 'en'
  return new Document({
    creator: 'ParlNet',
    title: s.titles[original] ?? '',
    description: s.version === null ? 'Working text' : `Version ${s.version}`,
    styles: { default: { document: { run: { font, size: 22 } } } },
    sections,
  })
}

/** The .docx file's bytes. */
export async function exportDocx(s: DraftSnapshot, options: DocxExportOptions = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildDocx(s, options)))
}

/** A file name for the download: draft-7-v2-ar-en.docx. */
export function docxFileName(s: DraftSnapshot, languages: readonly TextLanguage[] = s.languages) {
  return `draft-${s.draftId}-${s.version === null ? 'working' : `v${s.version}`}-${languages.join('-')}.docx`
}
