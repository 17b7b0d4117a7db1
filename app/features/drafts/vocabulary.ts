// The closed lists of the drafts feature, in a module with no dependencies: the schema (db/schema/drafts.ts), the
// models and the browser's forms read the same lists. (The kinds of draft and of provision are in snapshot.ts.)

/**
 * preparation → consultation (with a closing date) → revision → adopted, revision → consultation again, and any
 * stage but the final ones → withdrawn. The moves themselves are one table, `stageMoves` in stages.ts.
 */
export const draftStages = ['preparation', 'consultation', 'revision', 'adopted', 'withdrawn'] as const
export type DraftStage = (typeof draftStages)[number]

/** Who may comment and amend in consultation: every signed-in member, or only members of the lead parliaments. */
export const consultationScopes = ['members', 'lead_parliaments'] as const
export type ConsultationScope = (typeof consultationScopes)[number]

/** Who may read a draft: members only, or everyone once it is in consultation (and after adoption). */
export const draftVisibilities = ['members', 'public'] as const
export type DraftVisibility = (typeof draftVisibilities)[number]

/** New wording for a provision, a new provision after it, or its deletion. */
export const amendmentKinds = ['replace', 'insert_after', 'delete'] as const
export type AmendmentKind = (typeof amendmentKinds)[number]

export const amendmentStates = ['open', 'accepted', 'rejected', 'withdrawn'] as const
export type AmendmentState = (typeof amendmentStates)[number]

/** The languages a draft is written in today; a third is one more entry here, not a schema change. */
export const draftLanguages = ['en', 'ar'] as const
export type DraftLanguage = (typeof draftLanguages)[number]

/** Bounds that keep one draft and one request of reasonable size (a forged request of 10,000 provisions is refused). */
export const draftLimits = {
  provisions: 2_000,
  /** Provisions one request may add at once (an import, a pasted list). */
  provisionsPerRequest: 500,
  depth: 8,
  title: 300,
  summary: 4_000,
  heading: 300,
  body: 20_000,
  note: 1_000,
  comment: 5_000,
  justification: 5_000,
  reason: 2_000,
  editors: 50,
  leads: 20,
  versions: 500,
} as const
