// An Akoma Ntoso file (or the files of several language expressions of one work) read into a DraftSnapshot: its
// parts, chapters, sections, articles, paragraphs and points become provisions, their wIds kept (an element without
// one keeps its eId, which the Naming Convention makes its wId; a new id otherwise), their headings and texts in the
// plain body format. Anything that is not XML, not Akoma Ntoso 3.0, too large or without a body is refused with a
// code; nothing here throws. Uses fast-xml-parser (which must be a runtime dependency where this runs on upload).

import { XMLParser, XMLValidator } from 'fast-xml-parser'

import type { Result } from '~/utils/result'

import { aknDocTypes, iso639_2, untranslatedClass } from './akn-export.server'
import type { DraftKind, DraftSnapshot, ProvisionKind, SnapshotProvision, TextLanguage } from './snapshot'
import { mayContain } from './structure'
import { formatBody, type TextBlock } from './text-format'

export const aknImportErrors = [
  'aknNotXml',
  'aknNotAkomaNtoso',
  'aknNoBody',
  'aknTooLarge',
  'aknTooManyProvisions',
  'aknInvalid',
] as const
export type AknImportError = (typeof aknImportErrors)[number]

export interface AknImportOptions {
  /** The new draft's id (an import makes a new draft); 0 by default. */
  draftId?: number
  /** Refuse a file larger than this many bytes (UTF-8); 5 MB by default. */
  maxBytes?: number
  /** Refuse more provisions than this; 2,000 by default. */
  maxProvisions?: number
  /** The language of a file that does not say (no FRBRlanguage, no xml:lang); 'en' by default. */
  defaultLanguage?: TextLanguage
  /** Makes a wId for an element that has neither wId nor eId (or a duplicate one). */
  newWId?: () => string
  /** The snapshot's time; now by default. */
  takenAt?: string
}

const aknNamespacePrefix = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

type XmlNode = Record<string, unknown>
interface Element {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: true,
})

const localName = (name: string) => name.slice(name.indexOf(':') + 1)

function asElement(node: XmlNode): Element | null {
  for (const key of Object.keys(node)) {
    if (key === ':@' || key === '#text' || key === '#comment' || key.startsWith('?')) continue
    return {
      name: localName(key),
      attrs: (node[':@'] as Record<string, string>) ?? {},
      children: (node[key] as XmlNode[]) ?? [],
    }
  }
  return null
}

function childElements(children: XmlNode[]): Element[] {
  const out: Element[] = []
  for (const c of children) {
    const e = asElement(c)
    if (e) out.push(e)
  }
  return out
}

const findChild = (e: Element, name: string) => childElements(e.children).find((c) => c.name === name)

/** The text of an inline element: XML line breaks and tabs are spaces, <br/> is a line break. */
function inlineText(children: XmlNode[]): string {
  let s = ''
  for (const c of children) {
    if (typeof c['#text'] === 'string') s += (c['#text'] as string).replace(/[ ]*[\t\r\n][\t\r\n ]*/g, ' ')
    else {
      const e = asElement(c)
      if (!e) continue
      if (e.name === 'br' || e.name === 'eol') s += '\n'
      else if (e.name !== 'authorialNote' && e.name !== 'num') s += inlineText(e.children)
    }
  }
  return s
}

const cleanLines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n')

const headingText = (e: Element | undefined) => (e ? inlineText(e.children).replace(/\s+/g, ' ').trim() : '')

/** Block-level children (of <content>, <intro>, <preamble> …) as text blocks. */
function readBlocks(children: XmlNode[], out: TextBlock[]) {
  for (const e of childElements(children)) {
    switch (e.name) {
      case 'p':
      case 'listIntroduction':
      case 'listWrapUp': {
        if (e.attrs.class === 'heading') break
        const text = cleanLines(inlineText(e.children))
        if (text) out.push({ kind: 'paragraph', text })
        break
      }
      case 'blockList':
      case 'ul':
      case 'ol': {
        const items: string[] = []
        for (const item of childElements(e.children)) {
          if (item.name === 'listIntroduction' || item.name === 'listWrapUp') {
            if (items.length) out.push({ kind: 'list', items: items.splice(0) })
            readBlocks([{ p: item.children }], out)
          } else {
            const text = inlineText(item.children).replace(/\s+/g, ' ').trim()
            if (text) items.push(text)
          }
        }
        if (items.length) out.push({ kind: 'list', items })
        break
      }
      case 'num':
      case 'heading':
      case 'subheading':
        break
      default:
        // containers, tables, tblocks …: their blocks, else their text as a paragraph
        if (childElements(e.children).some((c) => c.name === 'p' || c.name === 'blockList')) readBlocks(e.children, out)
        else {
          const text = cleanLines(inlineText(e.children))
          if (text) out.push({ kind: 'paragraph', text })
        }
    }
  }
}

const hierKinds: Record<string, ProvisionKind> = {
  book: 'part',
  tome: 'part',
  title: 'part',
  part: 'part',
  subpart: 'part',
  division: 'part',
  chapter: 'chapter',
  subchapter: 'section',
  section: 'section',
  subsection: 'paragraph',
  article: 'article',
  paragraph: 'paragraph',
  clause: 'paragraph',
  subparagraph: 'point',
  point: 'point',
  indent: 'point',
  alinea: 'point',
}

/** Elements whose children are lifted into their parent (a list of points, a group without meaning for us). */
const transparent = new Set(['list', 'sublist', 'level', 'transitional', 'proviso', 'rule', 'subrule', 'subtitle'])

interface Reading {
  byWId: Map<string, SnapshotProvision>
  seen: Set<string>
  count: number
  max: number
  newWId: () => string
  lang: TextLanguage
  /** Commonwealth-style acts have no articles: their sections are the articles, subsections the paragraphs. */
  sectionsAreArticles: boolean
  tooMany: boolean
}

function kindOf(e: Element, r: Reading): ProvisionKind | null {
  if (e.name === 'hcontainer') {
    if (e.attrs.name === 'definitions') return 'definitions'
    if (e.attrs.name === 'preamble') return 'preamble'
    return null
  }
  if (r.sectionsAreArticles && e.name === 'section') return 'article'
  if (r.sectionsAreArticles && e.name === 'subsection') return 'paragraph'
  return hierKinds[e.name] ?? null
}

function takeWId(e: Element, r: Reading): string {
  for (const candidate of [e.attrs.wId, e.attrs.eId]) {
    if (candidate && /^\S{1,200}$/.test(candidate) && !r.seen.has(candidate)) {
      r.seen.add(candidate)
      return candidate
    }
  }
  let id = r.newWId()
  while (r.seen.has(id)) id = r.newWId()
  r.seen.add(id)
  return id
}

/** The words of an element and of everything under it, as blocks: for an element whose kind may not sit where it
 *  is (structure.ts), e.g. a point inside a point, which becomes a list item of its parent's text. */
function flatten(e: Element, out: TextBlock[]) {
  const heading = headingText(findChild(e, 'heading'))
  const blocks: TextBlock[] = []
  for (const c of childElements(e.children)) {
    if (c.name === 'intro' || c.name === 'content' || c.name === 'wrapUp') readBlocks(c.children, blocks)
    else if (hierKinds[c.name] || transparent.has(c.name) || c.name === 'hcontainer') flatten(c, blocks)
  }
  const text = [heading, ...blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.items.join('; ')))]
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
  if (text) out.push({ kind: 'list', items: [text] })
}

/** Reads the hierarchy under `parent` (a provision of kind `parentKind`, null at the top) into provisions; text
 *  that belongs to no provision of ours is added to `extraBody`, the parent's text. */
function readHierarchy(
  parent: Element,
  parentKind: ProvisionKind | null,
  r: Reading,
  out: SnapshotProvision[],
  extraBody: TextBlock[],
) {
  for (const e of childElements(parent.children)) {
    if (r.tooMany) return
    if (e.name === 'hcontainer' && e.attrs.name === 'empty') continue
    let kind = kindOf(e, r)
    // Loose paragraphs or points at the top of a body are its articles.
    if (kind && parentKind === null && (kind === 'paragraph' || kind === 'point')) kind = 'article'
    if (kind && !mayContain(parentKind, kind)) {
      if (kind === 'paragraph' || kind === 'point') {
        flatten(e, extraBody)
        continue
      }
      kind = null // a container where it may not be: its contents go to the parent
    }
    if (!kind) {
      if (transparent.has(e.name) || hierKinds[e.name] || e.name === 'hcontainer') {
        const heading = headingText(findChild(e, 'heading'))
        if (heading && hierKinds[e.name]) extraBody.push({ kind: 'paragraph', text: heading })
        const intro = findChild(e, 'intro') ?? findChild(e, 'content')
        if (intro) readBlocks(intro.children, extraBody)
        readHierarchy(e, parentKind, r, out, extraBody)
        const wrap = findChild(e, 'wrapUp')
        if (wrap) readBlocks(wrap.children, extraBody)
      }
      continue
    }
    if (++r.count > r.max) {
      r.tooMany = true
      return
    }
    const p: SnapshotProvision = { wId: takeWId(e, r), kind, texts: {}, children: [] }
    const blocks: TextBlock[] = []
    for (const name of ['intro', 'content']) {
      const part = findChild(e, name)
      if (part) readBlocks(part.children, blocks)
    }
    readHierarchy(e, kind, r, p.children, blocks)
    const wrap = findChild(e, 'wrapUp')
    if (wrap) readBlocks(wrap.children, blocks)
    if (!(e.attrs.class ?? '').split(/\s+/).includes(untranslatedClass)) {
      p.texts[r.lang] = { heading: headingText(findChild(e, 'heading')), body: formatBody(blocks) }
    }
    r.byWId.set(p.wId, p)
    out.push(p)
  }
}

function hasArticles(e: Element): boolean {
  return childElements(e.children).some((c) => c.name === 'article' || hasArticles(c))
}

const fromIso639_2 = new Map(Object.entries(iso639_2).map(([two, three]) => [three, two]))
const normaliseLang = (code: string) => {
  const c = code.trim().toLowerCase()
  return fromIso639_2.get(c) ?? c
}

function kindFromName(type: string, name: string | undefined): DraftKind {
  for (const [kind, t] of Object.entries(aknDocTypes) as [DraftKind, (typeof aknDocTypes)[DraftKind]][]) {
    if (t.name === name) return kind
  }
  return type === 'act' || type === 'bill' ? 'model_law' : 'model_policy'
}

interface ParsedFile {
  lang: TextLanguage
  kind: DraftKind
  title: string
  summary: string
  provisions: SnapshotProvision[]
  byWId: Map<string, SnapshotProvision>
}

const documentTypes = new Set(['act', 'bill', 'doc', 'statement', 'amendment', 'debateReport', 'judgment', 'portion'])

function readFile(input: string | Uint8Array, options: AknImportOptions): Result<ParsedFile, AknImportError> {
  const maxBytes = options.maxBytes ?? 5_000_000
  let xml: string
  if (typeof input === 'string') {
    if (input.length > maxBytes || new TextEncoder().encode(input).length > maxBytes) {
      return { ok: false, error: 'aknTooLarge' }
    }
    xml = input
  } else {
    if (input.byteLength > maxBytes) return { ok: false, error: 'aknTooLarge' }
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(input)
    } catch {
      return { ok: false, error: 'aknNotXml' }
    }
  }
  xml = xml.replace(/^\uFEFF/, '')
  if (!/^\s*</.test(xml) || XMLValidator.validate(xml) !== true) return { ok: false, error: 'aknNotXml' }
  // No Akoma Ntoso document needs a DTD, and entities declared in one are how XML bombs work.
  if (/<!DOCTYPE/i.test(xml)) return { ok: false, error: 'aknNotAkomaNtoso' }

  const root = childElements(parser.parse(xml) as XmlNode[])[0]
  if (!root || root.name !== 'akomaNtoso') return { ok: false, error: 'aknNotAkomaNtoso' }
  const ns = Object.entries(root.attrs).find(([k]) => k === 'xmlns' || k.startsWith('xmlns:'))?.[1] ?? ''
  if (!ns.startsWith(aknNamespacePrefix)) return { ok: false, error: 'aknNotAkomaNtoso' }
  const doc = childElements(root.children).find((e) => documentTypes.has(e.name))
  if (!doc) return { ok: false, error: 'aknNoBody' }
  const body = findChild(doc, 'body') ?? findChild(doc, 'mainBody')
  if (!body) return { ok: false, error: 'aknNoBody' }

  const meta = findChild(doc, 'meta')
  const identification = meta && findChild(meta, 'identification')
  const expression = identification && findChild(identification, 'FRBRExpression')
  const languageEl = expression && findChild(expression, 'FRBRlanguage')
  const lang = normaliseLang(languageEl?.attrs.language || body.attrs['xml:lang'] || options.defaultLanguage || 'en')

  const r: Reading = {
    byWId: new Map(),
    seen: new Set(),
    count: 0,
    max: options.maxProvisions ?? 2000,
    newWId: options.newWId ?? (() => globalThis.crypto.randomUUID()),
    lang,
    sectionsAreArticles: !hasArticles(body),
    tooMany: false,
  }
  const provisions: SnapshotProvision[] = []
  const preamble = findChild(doc, 'preamble')
  if (preamble) {
    r.count++
    const blocks: TextBlock[] = []
    readBlocks(preamble.children, blocks)
    const p: SnapshotProvision = { wId: takeWId(preamble, r), kind: 'preamble', texts: {}, children: [] }
    if (!(preamble.attrs.class ?? '').split(/\s+/).includes(untranslatedClass)) {
      const heading = childElements(preamble.children).find((c) => c.name === 'p' && c.attrs.class === 'heading')
      p.texts[lang] = { heading: headingText(heading), body: formatBody(blocks) }
    }
    r.byWId.set(p.wId, p)
    provisions.push(p)
  }
  readHierarchy(body, null, r, provisions, [])
  if (r.tooMany) return { ok: false, error: 'aknTooManyProvisions' }
  if (provisions.length === 0) return { ok: false, error: 'aknNoBody' }

  let title = ''
  let summary = ''
  const preface = findChild(doc, 'preface')
  for (const p of preface ? childElements(preface.children) : []) {
    if (p.attrs.class === 'summary') summary = headingText(p)
    else if (!title && (p.attrs.class === 'title' || findChild(p, 'docTitle'))) {
      title = headingText(findChild(p, 'docTitle') ?? p)
    }
  }
  if (!title) {
    const work = identification && findChild(identification, 'FRBRWork')
    title = (work && findChild(work, 'FRBRname')?.attrs.value) || ''
  }
  return {
    ok: true,
    value: { lang, kind: kindFromName(doc.name, doc.attrs.name), title, summary, provisions, byWId: r.byWId },
  }
}

/** Reads one file, or the language expressions of one work (the first gives the structure; the others add their
 *  language's texts to the provisions with the same wId). */
export function importAkomaNtoso(
  files: string | Uint8Array | readonly (string | Uint8Array)[],
  options: AknImportOptions = {},
): Result<DraftSnapshot, AknImportError> {
  try {
    const list = typeof files === 'string' || files instanceof Uint8Array ? [files] : files
    if (list.length === 0) return { ok: false, error: 'aknNoBody' }
    const parsed: ParsedFile[] = []
    for (const f of list) {
      const one = readFile(f, options)
      if (!one.ok) return one
      parsed.push(one.value)
    }
    const [main, ...others] = parsed as [ParsedFile, ...ParsedFile[]]
    const snapshot: DraftSnapshot = {
      draftId: options.draftId ?? 0,
      kind: main.kind,
      titles: {},
      summaries: {},
      languages: [],
      provisions: main.provisions,
      version: null,
      takenAt: options.takenAt ?? new Date().toISOString(),
    }
    for (const f of parsed) {
      if (!snapshot.languages.includes(f.lang)) snapshot.languages.push(f.lang)
      if (f.title) snapshot.titles[f.lang] = f.title
      if (f.summary) snapshot.summaries[f.lang] = f.summary
    }
    for (const f of others) {
      for (const [wId, p] of f.byWId) {
        const target = main.byWId.get(wId)
        const text = p.texts[f.lang]
        if (target && text) target.texts[f.lang] = text
      }
    }
    return { ok: true, value: snapshot }
  } catch {
    return { ok: false, error: 'aknInvalid' }
  }
}
