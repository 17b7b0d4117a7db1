// Akoma Ntoso 3.0 XML of a draft snapshot, in ONE language per file: in FRBR terms an Expression is the work in one
// language, so each language is its own Expression, with its own FRBRExpression IRI (…/ara@ver_2, …/eng@ver_2) and
// FRBRlanguage, and every provision carries the same eId and wId in both files (decision: per-language files,
// most faithful to FRBR and what Akoma Ntoso tools expect; a bilingual download is the two files together).
// A model law is an <act name="modelLaw">, the other kinds a <doc name="modelPolicy"|…>. The XML is written by a
// small string builder with one escape function for text and attributes; validated against the OASIS schema in the
// tests. Everything here is pure (no I/O), O(n) in the number of provisions.

import { numberProvisions, provisionNum, type ProvisionNumber } from './numbering'
import type { DraftKind, DraftSnapshot, SnapshotProvision, TextLanguage } from './snapshot'
import { parseBody } from './text-format'

export const aknNamespace = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

/** The document type and its `name` attribute for each kind of draft. */
export const aknDocTypes: Record<DraftKind, { type: 'act' | 'doc'; name: string; subtype: string }> = {
  model_law: { type: 'act', name: 'modelLaw', subtype: 'model-law' },
  model_policy: { type: 'doc', name: 'modelPolicy', subtype: 'model-policy' },
  national_strategy: { type: 'doc', name: 'nationalStrategy', subtype: 'national-strategy' },
  resolution: { type: 'doc', name: 'resolution', subtype: 'resolution' },
  guidelines: { type: 'doc', name: 'guidelines', subtype: 'guidelines' },
}

/** ISO 639-2 codes used in Akoma Ntoso IRIs (Naming Convention §4.6); other languages keep their own code. */
export const iso639_2: Record<string, string> = {
  ar: 'ara',
  en: 'eng',
  fr: 'fra',
  es: 'spa',
  ru: 'rus',
  zh: 'zho',
}

/** The class that marks a provision with no text in the file's language ("to translate"): the element is kept so
 *  that both expressions have the same structure and ids, and an import knows the text is missing, not empty. */
export const untranslatedClass = 'untranslated'

export interface AknExportOptions {
  /** FRBRcountry and the IRIs' jurisdiction; Akoma Ntoso has no code for an international network, 'un' is used. */
  country?: string
  /** The Work's date (YYYY-MM-DD): it should be the draft's creation date, the same for every version. Defaults to
   *  the snapshot's date. */
  workDate?: string
  /** When the file is made (the Manifestation's date); defaults to the snapshot's date. */
  generatedAt?: string
}

// XML 1.0 allows only these characters; anything else (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF)
// would make the file unreadable, so it is dropped.
// eslint-disable-next-line no-control-regex
const notXmlChar = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Escapes text or an attribute value for XML (both quotes too, so one function serves both). */
export function escapeXml(value: string): string {
  return value.replace(notXmlChar, '').replace(/[&<>"']/g, (c) => escapes[c]!)
}

type Attrs = Record<string, string | undefined>

function open(name: string, attrs: Attrs = {}, selfClose = false) {
  let s = `<${name}`
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) s += ` ${k}="${escapeXml(v)}"`
  return s + (selfClose ? '/>' : '>')
}

const isoDate = (iso: string) =>
  /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : new Date().toISOString().slice(0, 10)

/** The Work IRI, e.g. /akn/un/act/model-law/parlnet/2026-05-04/draft-7. */
export function aknWorkIri(snapshot: DraftSnapshot, options: AknExportOptions = {}) {
  const t = aknDocTypes[snapshot.kind]
  const date = isoDate(options.workDate ?? snapshot.takenAt)
  return `/akn/${options.country ?? 'un'}/${t.type}/${t.subtype}/parlnet/${date}/draft-${snapshot.draftId}`
}

/** The Expression IRI: the Work's, the language and the version (…/ara@ver_2; the working text: …/ara@2026-05-04). */
export function aknExpressionIri(snapshot: DraftSnapshot, lang: TextLanguage, options: AknExportOptions = {}) {
  const version = snapshot.version === null ? isoDate(snapshot.takenAt) : `ver_${snapshot.version}`
  return `${aknWorkIri(snapshot, options)}/${iso639_2[lang] ?? lang}@${version}`
}

/** A file name for the download: draft-7-v2-ar.xml. */
export function aknFileName(snapshot: DraftSnapshot, lang: TextLanguage) {
  return `draft-${snapshot.draftId}-${snapshot.version === null ? 'working' : `v${snapshot.version}`}-${lang}.akn.xml`
}

function writeBlocks(out: string[], body: string, prefix: string) {
  let lists = 0
  for (const block of parseBody(body)) {
    if (block.kind === 'paragraph') {
      out.push('<p>', block.text.split('\n').map(escapeXml).join('<br/>'), '</p>')
    } else {
      const listId = `${prefix}__list_${++lists}`
      out.push(open('blockList', { eId: listId }))
      block.items.forEach((item, i) => {
        out.push(open('item', { eId: `${listId}__item_${i + 1}` }), '<p>', escapeXml(item), '</p></item>')
      })
      out.push('</blockList>')
    }
  }
}

const elementOf = (p: SnapshotProvision): { name: string; attrs: Attrs } =>
  p.kind === 'definitions' || p.kind === 'preamble'
    ? { name: 'hcontainer', attrs: { name: p.kind } }
    : { name: p.kind, attrs: {} }

function writeProvision(out: string[], p: SnapshotProvision, numbers: Map<string, ProvisionNumber>, lang: string) {
  const n = numbers.get(p.wId)!
  const text = p.texts[lang]
  const { name, attrs } = elementOf(p)
  out.push(open(name, { ...attrs, eId: n.eId, wId: p.wId, class: text ? undefined : untranslatedClass }))
  const num = provisionNum(n, lang)
  if (num !== null) out.push('<num>', escapeXml(num), '</num>')
  if (text && text.heading.trim() !== '') out.push('<heading>', escapeXml(text.heading.trim()), '</heading>')
  const body = text?.body ?? ''
  if (p.children.length > 0) {
    if (parseBody(body).length > 0) {
      out.push(open('intro', { eId: `${n.eId}__intro` }))
      writeBlocks(out, body, `${n.eId}__intro`)
      out.push('</intro>')
    }
    for (const child of p.children) writeProvision(out, child, numbers, lang)
  } else {
    out.push(open('content', { eId: `${n.eId}__content` }))
    const before = out.length
    writeBlocks(out, body, `${n.eId}__content`)
    if (out.length === before) out.push('<p/>')
    out.push('</content>')
  }
  out.push(`</${name}>`)
}

/** A top-level preamble without children becomes the document's <preamble> (which holds no hierarchy); its heading,
 *  if any, is a first <p class="heading">. */
function writePreamble(out: string[], p: SnapshotProvision, n: ProvisionNumber, lang: string) {
  const text = p.texts[lang]
  out.push(open('preamble', { eId: n.eId, wId: p.wId, class: text ? undefined : untranslatedClass, 'xml:lang': lang }))
  if (text && text.heading.trim() !== '') out.push('<p class="heading">', escapeXml(text.heading.trim()), '</p>')
  const before = out.length
  writeBlocks(out, text?.body ?? '', n.eId)
  if (out.length === before) out.push('<p/>')
  out.push('</preamble>')
}

/** The Akoma Ntoso XML of `snapshot` in `lang`. */
export function exportAkomaNtoso(snapshot: DraftSnapshot, lang: TextLanguage, options: AknExportOptions = {}): string {
  const t = aknDocTypes[snapshot.kind]
  const { byWId } = numberProvisions(snapshot.provisions)
  const work = aknWorkIri(snapshot, options)
  const expression = aknExpressionIri(snapshot, lang, options)
  const takenAt = isoDate(snapshot.takenAt)
  const original = snapshot.languages[0] ?? lang
  const title = snapshot.titles[lang] ?? ''
  const summary = snapshot.summaries[lang] ?? ''
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n', open('akomaNtoso', { xmlns: aknNamespace })]
  out.push(open(t.type, { name: t.name }))

  out.push('<meta>', open('identification', { source: '#parlnet' }))
  out.push('<FRBRWork>', open('FRBRthis', { value: `${work}/!main` }, true), open('FRBRuri', { value: work }, true))
  out.push(open('FRBRdate', { date: isoDate(options.workDate ?? snapshot.takenAt), name: 'creation' }, true))
  out.push(open('FRBRauthor', { href: '#parlnet' }, true))
  out.push(open('FRBRcountry', { value: options.country ?? 'un' }, true))
  out.push(open('FRBRsubtype', { value: t.subtype }, true))
  out.push(open('FRBRnumber', { value: `draft-${snapshot.draftId}` }, true))
  const workTitle = snapshot.titles[original] ?? title
  if (workTitle) out.push(open('FRBRname', { value: workTitle }, true))
  out.push('</FRBRWork>')

  out.push('<FRBRExpression>', open('FRBRthis', { value: `${expression}/!main` }, true))
  out.push(open('FRBRuri', { value: expression }, true))
  out.push(open('FRBRdate', { date: takenAt, name: snapshot.version === null ? 'workingText' : 'version' }, true))
  out.push(open('FRBRauthor', { href: '#parlnet' }, true))
  if (snapshot.version !== null) out.push(open('FRBRversionNumber', { value: String(snapshot.version) }, true))
  out.push(open('FRBRlanguage', { language: lang }, true))
  if (lang !== original) {
    const from = aknExpressionIri(snapshot, original, options)
    out.push(open('FRBRtranslation', { fromLanguage: original, href: from, by: '#parlnet' }, true))
  }
  out.push('</FRBRExpression>')

  out.push('<FRBRManifestation>', open('FRBRthis', { value: `${expression}/!main.xml` }, true))
  out.push(open('FRBRuri', { value: `${expression}.akn` }, true))
  out.push(open('FRBRdate', { date: isoDate(options.generatedAt ?? snapshot.takenAt), name: 'generation' }, true))
  out.push(open('FRBRauthor', { href: '#parlnet' }, true))
  out.push(open('FRBRformat', { value: 'application/akn+xml' }, true))
  out.push('</FRBRManifestation></identification>')
  out.push(open('references', { source: '#parlnet' }))
  out.push(open('TLCOrganization', { eId: 'parlnet', href: '/ontology/organization/parlnet', showAs: 'ParlNet' }, true))
  out.push('</references></meta>')

  if (title || summary) {
    out.push(open('preface', { 'xml:lang': lang }))
    if (title) out.push('<p class="title"><docTitle>', escapeXml(title), '</docTitle></p>')
    if (summary) out.push('<p class="summary">', escapeXml(summary), '</p>')
    out.push('</preface>')
  }

  let rest = snapshot.provisions
  const first = rest[0]
  if (first && first.kind === 'preamble' && first.children.length === 0) {
    writePreamble(out, first, byWId.get(first.wId)!, lang)
    rest = rest.slice(1)
  }
  const bodyName = t.type === 'act' ? 'body' : 'mainBody'
  out.push(open(bodyName, { 'xml:lang': lang }))
  for (const p of rest) writeProvision(out, p, byWId, lang)
  // The schema wants something in an act's body: an empty draft gets one empty, named placeholder.
  if (rest.length === 0) out.push('<hcontainer name="empty" eId="hcontainer_1"><content><p/></content></hcontainer>')
  out.push(`</${bodyName}></${t.type}></akomaNtoso>\n`)
  return out.join('')
}
