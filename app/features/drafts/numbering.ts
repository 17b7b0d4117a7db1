// Numbers, Akoma Ntoso eIds and display labels of a draft's provisions, computed from their place in the tree (the
// wId never changes; these do, at once, when a provision moves). eIds follow the Akoma Ntoso Naming Convention 1.0
// (OASIS, 2019), §5.4: [prefix "__"] element_ref ["_" number], element_ref abbreviated as the convention lists
// (article → art, chapter → chp, section → sec, paragraph → para), the prefix being the eId of the context that
// makes the rest unique. Articles are numbered 1..n through the whole draft, so `art_3` needs no prefix; parts,
// chapters, sections, definitions, paragraphs and points count within their parent (`chp_2__sec_1`,
// `art_3__para_2__point_a`). eIds use Western digits and Latin letters in every language, so that the Arabic and
// the English expressions of a draft share them.

import type { ProvisionKind, SnapshotProvision, TextLanguage } from './snapshot'

export interface ProvisionNumber {
  wId: string
  kind: ProvisionKind
  eId: string
  /** 1-based count: through the draft for articles, among same-kind siblings for the others. */
  ordinal: number
  /** How many points this point sits in (0 for a point of a paragraph, 1 for a point of a point …), else 0. */
  pointDepth: number
  parentWId: string | null
  /** Its place among all its parent's children (0-based). */
  index: number
  /** Nesting depth, 0 at the top. */
  depth: number
}

export interface DraftNumbering {
  /** Every provision in document order (pre-order). */
  ordered: ProvisionNumber[]
  byWId: Map<string, ProvisionNumber>
}

/** The element_ref of each kind (Naming Convention §5.4.2); definitions are an `hcontainer name="definitions"`. */
export const elementRefs: Record<ProvisionKind, string> = {
  preamble: 'preamble',
  definitions: 'hcontainer',
  part: 'part',
  chapter: 'chp',
  section: 'sec',
  article: 'art',
  paragraph: 'para',
  point: 'point',
}

const latinLetters = 'abcdefghijklmnopqrstuvwxyz'

/** a … z, aa, ab … (spreadsheet style), for points. */
function latinLetter(n: number): string {
  let s = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = latinLetters[(k - 1) % 26] + s
  return s
}

const romanDigits: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
]

export function romanNumeral(n: number): string {
  let s = ''
  let rest = n
  for (const [value, digits] of romanDigits) {
    while (rest >= value) {
      s += digits
      rest -= value
    }
  }
  return s
}

/** The number part of a point's eId and label in Latin script: (a) at the first level, (i) below, 1 deeper. */
function pointToken(ordinal: number, pointDepth: number): string {
  if (pointDepth === 0) return latinLetter(ordinal)
  if (pointDepth === 1) return romanNumeral(ordinal).toLowerCase()
  return String(ordinal)
}

/** Numbers the whole tree in one pass (O(n)). Preambles are `preamble` (then `preamble_2` if a draft had two). */
export function numberProvisions(provisions: readonly SnapshotProvision[]): DraftNumbering {
  const ordered: ProvisionNumber[] = []
  const byWId = new Map<string, ProvisionNumber>()
  let articles = 0

  const walk = (
    children: readonly SnapshotProvision[],
    parent: ProvisionNumber | null,
    prefix: string,
    depth: number,
    pointDepth: number,
  ) => {
    const perKind = new Map<ProvisionKind, number>()
    children.forEach((p, index) => {
      const local = (perKind.get(p.kind) ?? 0) + 1
      perKind.set(p.kind, local)
      let ordinal = local
      let eId: string
      if (p.kind === 'article') {
        ordinal = ++articles
        eId = `art_${ordinal}`
      } else if (p.kind === 'preamble') {
        eId = prefix + (local === 1 ? 'preamble' : `preamble_${local}`)
      } else if (p.kind === 'point') {
        eId = `${prefix}point_${pointToken(local, pointDepth)}`
      } else {
        eId = `${prefix}${elementRefs[p.kind]}_${local}`
      }
      const n: ProvisionNumber = {
        wId: p.wId,
        kind: p.kind,
        eId,
        ordinal,
        pointDepth: p.kind === 'point' ? pointDepth : 0,
        parentWId: parent?.wId ?? null,
        index,
        depth,
      }
      ordered.push(n)
      byWId.set(p.wId, n)
      if (p.children.length > 0) walk(p.children, n, `${eId}__`, depth + 1, pointDepth + (p.kind === 'point' ? 1 : 0))
    })
  }
  walk(provisions, null, '', 0, 0)
  return { ordered, byWId }
}

// ---- labels ---------------------------------------------------------------------------------------------------

/** Masculine ordinals (الباب، الفصل، الفرع are masculine), 1–20; beyond that the label uses a number. */
const arabicOrdinals = [
  'الأول',
  'الثاني',
  'الثالث',
  'الرابع',
  'الخامس',
  'السادس',
  'السابع',
  'الثامن',
  'التاسع',
  'العاشر',
  'الحادي عشر',
  'الثاني عشر',
  'الثالث عشر',
  'الرابع عشر',
  'الخامس عشر',
  'السادس عشر',
  'السابع عشر',
  'الثامن عشر',
  'التاسع عشر',
  'العشرون',
]

/** Points in Arabic legal drafting follow the abjad order (أ، ب، ج، د …). */
const abjad = [
  'أ',
  'ب',
  'ج',
  'د',
  'هـ',
  'و',
  'ز',
  'ح',
  'ط',
  'ي',
  'ك',
  'ل',
  'م',
  'ن',
  'س',
  'ع',
  'ف',
  'ص',
  'ق',
  'ر',
  'ش',
  'ت',
  'ث',
  'خ',
  'ذ',
  'ض',
  'ظ',
  'غ',
]

const numberFormats = new Map<string, Intl.NumberFormat>()

/** As ~/utils/format's formatNumber does (Intl.NumberFormat of the language; 'ar' gives Western digits with the
 *  ICU in use), for any language code, so that a third language needs no code. */
function formatInteger(n: number, lang: TextLanguage): string {
  // A 400-provision page asks for the same small numbers a thousand times: each is formatted once per language.
  const small = Number.isInteger(n) && n >= 0 && n < 1000
  const key = `${lang}:${n}`
  if (small) {
    const known = formattedIntegers.get(key)
    if (known !== undefined) return known
  }
  let f = numberFormats.get(lang)
  if (!f) {
    try {
      f = new Intl.NumberFormat(lang, { useGrouping: false })
    } catch {
      f = new Intl.NumberFormat('en', { useGrouping: false })
    }
    numberFormats.set(lang, f)
  }
  const text = f.format(n)
  // Bounded: 1,000 numbers for each language a draft is written in.
  if (small && formattedIntegers.size < 20_000) formattedIntegers.set(key, text)
  return text
}
const formattedIntegers = new Map<string, string>()

const isArabic = (lang: TextLanguage) => lang === 'ar' || lang.startsWith('ar-')

const arabicWords: Record<ProvisionKind, string> = {
  preamble: 'الديباجة',
  definitions: 'التعريفات',
  part: 'الباب',
  chapter: 'الفصل',
  section: 'الفرع',
  article: 'المادة',
  paragraph: 'الفقرة',
  point: 'البند',
}

const englishWords: Record<ProvisionKind, string> = {
  preamble: 'Preamble',
  definitions: 'Definitions',
  part: 'Part',
  chapter: 'Chapter',
  section: 'Section',
  article: 'Article',
  paragraph: 'Paragraph',
  point: 'Point',
}

type Numbered = Pick<ProvisionNumber, 'kind' | 'ordinal' | 'pointDepth'>

/** The number token as written in the text: "II" for a chapter, "3" for an article, "(a)"/"(أ)" for a point … */
function numberToken(p: Numbered, lang: TextLanguage): string {
  const arabic = isArabic(lang)
  switch (p.kind) {
    case 'part':
    case 'chapter':
      if (arabic) return arabicOrdinals[p.ordinal - 1] ?? formatInteger(p.ordinal, lang)
      return romanNumeral(p.ordinal)
    case 'section':
      if (arabic) return arabicOrdinals[p.ordinal - 1] ?? formatInteger(p.ordinal, lang)
      return formatInteger(p.ordinal, lang)
    case 'point':
      if (arabic && p.pointDepth === 0) return `(${abjad[p.ordinal - 1] ?? formatInteger(p.ordinal, lang)})`
      if (arabic) return `(${formatInteger(p.ordinal, lang)})`
      return `(${pointToken(p.ordinal, p.pointDepth)})`
    default:
      return formatInteger(p.ordinal, lang)
  }
}

/** What a provision is called in running text and headings: "Article 3" / «المادة 3», "Chapter II" / «الفصل
 *  الثاني», "Paragraph 2", "Point (a)" / «البند (أ)», "Preamble" / «الديباجة». Languages other than Arabic use the
 *  English words (a third language adds its words here). */
export function provisionLabel(p: Numbered, lang: TextLanguage): string {
  const words = isArabic(lang) ? arabicWords : englishWords
  if (p.kind === 'preamble' || p.kind === 'definitions') return words[p.kind]
  return `${words[p.kind]} ${numberToken(p, lang)}`
}

/** What the provision's <num> shows: the label for the containers and articles, "2." for a paragraph, "(a)" for a
 *  point; null for a preamble or definitions, which carry no number. */
export function provisionNum(p: Numbered, lang: TextLanguage): string | null {
  if (p.kind === 'preamble' || p.kind === 'definitions') return null
  if (p.kind === 'paragraph') return `${numberToken(p, lang)}.`
  if (p.kind === 'point') return numberToken(p, lang)
  return provisionLabel(p, lang)
}
