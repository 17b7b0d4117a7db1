// Adopting a draft (issue 15, §8): its final version is published to the library as a resource of the matching
// type, with both languages' titles and summaries, its topics and lead parliaments, and three files: the Word
// document and the Akoma Ntoso file of each language, exactly what the exports give for that version. The files
// are written first (the Word file is made asynchronously); then, in ONE transaction, the version (when the working
// text differs from the last one, with the note "adopted"), the resource with its files, the link back
// (draft.resource_id) and the stage move. A refusal or a failure there rolls everything back and takes the files
// away again; the stage guard and the unique draft.resource_id make a second adoption impossible.
import { and, eq } from 'drizzle-orm'
import { contentLanguages, type ContentLanguage, type ResourceType } from '#db/enums'
import { draft } from '#db/schema/index'
import {
  discardGeneratedFiles,
  publishGeneratedResource,
  storeGeneratedFile,
  type GeneratedFile,
  type StoredGeneratedFile,
} from '~/features/library'
import { getDb, type Tx } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { aknFileName, exportAkomaNtoso } from './akn-export.server'
import { docxFileName, exportDocx } from './docx-export.server'
import { moveDraftStage, type DraftActor, type DraftDetail } from './draft.server'
import type { DraftsError } from './errors'
import type { DraftKind, DraftSnapshot, SnapshotProvision } from './snapshot'
import { canMoveStage } from './stages'
import { flattenSnapshot, loadWorkingTree } from './tree.server'
import { getVersion, listVersions, saveVersion } from './version.server'

/** The library's type for each kind of draft: its own where the library has one, else the closest. */
export const adoptedResourceTypes: Record<DraftKind, ResourceType> = {
  model_law: 'model_law',
  // A policy, adopted: the library's policy documents are its policy briefs.
  model_policy: 'policy_brief',
  // A strategy is a published document, not legislation.
  national_strategy: 'publication',
  // A resolution adopted by an assembly is a normative text.
  resolution: 'legislation',
  guidelines: 'publication',
}

/** The note of the version an adoption saves (in both languages: the history shows it as it is). */
export const adoptionNote = 'adopted · اعتُمد'

export const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export const aknMediaType = 'application/akn+xml'

export type Adoption = { resourceId: number; version: number; versionSaved: boolean }

type FinalText = { snapshot: DraftSnapshot; number: number; isNew: boolean }

/** Key order aside (a text's languages, as rows come), the same words and structure. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    )
  return value
}

/** Whether two snapshots hold the same text (kind, titles, summaries, languages and provisions). */
export function sameText(a: DraftSnapshot, b: DraftSnapshot) {
  const text = (s: DraftSnapshot) =>
    JSON.stringify(canonical([s.kind, s.titles, s.summaries, s.languages, s.provisions]))
  return text(a) === text(b)
}

/** The version to publish: the last one if the working text is still its text, else the next one to be saved. */
function finalText(draftId: number, now: Date): FinalText | null {
  const tree = loadWorkingTree(draftId, now)
  if (!tree) return null
  const lastNumber = listVersions(draftId)[0]?.number ?? 0
  const last = lastNumber ? getVersion(draftId, lastNumber) : null
  if (last && sameText(last.snapshot, tree.snapshot))
    return { snapshot: last.snapshot, number: last.number, isNew: false }
  const number = lastNumber + 1
  return { snapshot: { ...tree.snapshot, version: number }, number, isNew: true }
}

const asContentLanguage = (lang: string): ContentLanguage | null =>
  (contentLanguages as readonly string[]).includes(lang) ? (lang as ContentLanguage) : null

/** A language's words, for the library's search. */
function plainText(provisions: SnapshotProvision[], lang: string) {
  return flattenSnapshot(provisions)
    .map((p) => p.texts[lang])
    .flatMap((t) => (t ? [t.heading, t.body] : []))
    .filter(Boolean)
    .join('\n')
}

/** The three files of the adopted version: Word (both languages side by side), then Akoma Ntoso per language. */
export async function adoptionFiles(d: Pick<DraftDetail, 'createdAt'>, s: DraftSnapshot): Promise<GeneratedFile[]> {
  const workDate = d.createdAt.toISOString().slice(0, 10)
  return [
    { bytes: await exportDocx(s), mediaType: docxMediaType, name: docxFileName(s), language: null },
    ...s.languages.map((lang) => ({
      bytes: new TextEncoder().encode(exportAkomaNtoso(s, lang, { workDate })),
      mediaType: aknMediaType,
      name: aknFileName(s, lang),
      language: asContentLanguage(lang),
      text: [s.titles[lang], s.summaries[lang], plainText(s.provisions, lang)].filter(Boolean).join('\n'),
    })),
  ]
}

/** In the stage move's transaction: the version if needed, the resource and its files, the link back. */
function publish(
  tx: Tx,
  d: DraftDetail,
  final: FinalText,
  files: readonly StoredGeneratedFile[],
  by: DraftActor,
  now: Date,
): Result<Adoption, DraftsError> {
  // The text may have changed while the files were being made: what is published must be what was exported.
  const current = loadWorkingTree(d.id, now)
  if (!current || !sameText(current.snapshot, final.snapshot)) return fail('staleRevision')
  if (final.isNew) {
    const saved = saveVersion(d, { note: adoptionNote }, by, now)
    if (!saved.ok) return saved
    if (saved.value.number !== final.number) return fail('staleRevision')
  }
  const s = final.snapshot
  const published = publishGeneratedResource(
    tx,
    {
      type: adoptedResourceTypes[d.kind],
      titleEn: d.titleEn,
      titleAr: d.titleAr,
      summaryEn: d.summaryEn,
      summaryAr: d.summaryAr,
      visibility: d.visibility === 'public' ? 'public' : 'members',
      languages: s.languages.flatMap((l) => asContentLanguage(l) ?? []),
      pillars: d.pillars,
      resolutions: d.resolutions,
      themes: d.themes,
      parliamentIds: d.leadParliamentIds.slice(),
      publishedOn: now.toISOString().slice(0, 10),
    },
    files,
    by,
    { draftId: d.id, version: final.number },
  )
  if (!published.ok) return fail('invalid')
  const linked = tx
    .update(draft)
    .set({ resourceId: published.value.id })
    .where(and(eq(draft.id, d.id), eq(draft.stage, 'adopted')))
    .run()
  if (linked.changes !== 1) return fail('stageMoveNotAllowed')
  return ok({ resourceId: published.value.id, version: final.number, versionSaved: final.isNew })
}

/**
 * Adopts a draft in revision: publishes its final version to the library (see the top of this file) and moves it
 * to 'adopted', audited and mailed as every stage move is. The caller has checked who may (requireDraftManager).
 */
export async function adoptDraft(
  d: DraftDetail,
  by: DraftActor,
  now = new Date(),
): Promise<Result<Adoption, DraftsError>> {
  if (!canMoveStage(d.stage, 'adopted') || d.resourceId !== null) return fail('stageMoveNotAllowed')
  const final = finalText(d.id, now)
  if (!final) return fail('draftNotFound')
  const files = await adoptionFiles(d, final.snapshot)
  const stored: StoredGeneratedFile[] = []
  const out: { adoption?: Adoption } = {}
  try {
    // From here to the commit nothing awaits: no sweep of the store runs between the bytes and their rows.
    for (const f of files) stored.push(storeGeneratedFile(f))
    const moved = moveDraftStage(d, { to: 'adopted' }, by, now, (tx) => {
      const step = publish(tx, d, final, stored, by, now)
      if (!step.ok) return step
      out.adoption = step.value
      return ok({ resourceId: step.value.resourceId, version: step.value.version })
    })
    if (!moved.ok || !out.adoption) {
      discardGeneratedFiles(stored)
      return moved.ok ? fail('stageMoveNotAllowed') : moved
    }
    return ok(out.adoption)
  } catch (error) {
    discardGeneratedFiles(stored)
    throw error
  }
}

/** The resource an adopted draft was published as (null before adoption). */
export function adoptedResourceId(draftId: number): number | null {
  return getDb().select({ id: draft.resourceId }).from(draft).where(eq(draft.id, draftId)).get()?.id ?? null
}
