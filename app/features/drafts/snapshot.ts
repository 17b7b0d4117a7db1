// The shape of a draft's text at one moment: what a saved version freezes, what the comparison, the Akoma Ntoso
// and Word exports read, and what an Akoma Ntoso import produces. Pure data (JSON), no database ids but the draft's:
// a provision is known by its wId, which never changes when it moves (issue 15, decision 025).

export const draftKinds = ['model_law', 'model_policy', 'national_strategy', 'resolution', 'guidelines'] as const
export type DraftKind = (typeof draftKinds)[number]

/** The kinds of provision, outermost first; which may hold which is `mayContain` (structure.ts). */
export const provisionKinds = [
  'preamble',
  'definitions',
  'part',
  'chapter',
  'section',
  'article',
  'paragraph',
  'point',
] as const
export type ProvisionKind = (typeof provisionKinds)[number]

/** A language of the text: a BCP 47 code ('en', 'ar'); a third language is one more key, not a schema change. */
export type TextLanguage = string

/** A provision's words in one language: a heading (may be empty) and a body of plain paragraphs (blank-line
 *  separated; a line starting with "- " is a list item). Never HTML. */
export interface ProvisionText {
  heading: string
  body: string
}

export interface SnapshotProvision {
  /** Stable: given when the provision is created, kept through moves and renumbering, unique within the draft. */
  wId: string
  kind: ProvisionKind
  /** Only the languages it has been written in: a missing key is "to translate". */
  texts: Record<TextLanguage, ProvisionText>
  children: SnapshotProvision[]
}

export interface DraftSnapshot {
  draftId: number
  kind: DraftKind
  titles: Record<TextLanguage, string>
  summaries: Record<TextLanguage, string>
  /** The languages the draft is written in, the first the original (['ar', 'en'] or ['en', 'ar']). */
  languages: TextLanguage[]
  provisions: SnapshotProvision[]
  /** The version this snapshot is (1, 2, …), or null for the working text. */
  version: number | null
  /** ISO 8601 time of the snapshot. */
  takenAt: string
}
