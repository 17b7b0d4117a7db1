import { count, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { listAmendments } from '~/features/drafts/amendment.server'
import { listComments } from '~/features/drafts/comment.server'
import { compareSnapshots } from '~/features/drafts/compare'
import { getDraft } from '~/features/drafts/draft.server'
import { numberProvisions } from '~/features/drafts/numbering'
import { flattenSnapshot, loadWorkingTree } from '~/features/drafts/tree.server'
import { getVersion, listVersions } from '~/features/drafts/version.server'
import { getDb } from '~/utils/db.server'
import { auditEvent, draft, draftAmendment, draftComment, draftVersion, outbox, provision } from './schema/index'
import { seedDemo } from './seed'
import { demoDraftTitleEn } from './seed-drafts'

let draftId: number
let mailBefore: number

beforeAll(async () => {
  await seedDemo(getDb())
  draftId = getDb().select({ id: draft.id }).from(draft).where(eq(draft.titleEn, demoDraftTitleEn)).get()!.id
  mailBefore = getDb().select({ n: count() }).from(outbox).get()!.n
})

describe('the demo draft', () => {
  it('is a public model law in consultation until after the seed, marked as written for the demo', () => {
    const d = getDraft(draftId)!
    expect(d).toMatchObject({ kind: 'model_law', stage: 'consultation', visibility: 'public' })
    expect(d.consultationClosesAt!.getTime()).toBeGreaterThan(Date.now())
    expect(d.summaryEn).toMatch(/^Demo text written for this portal, not an adopted instrument\./)
    expect(d.summaryAr).toMatch(/^نص تجريبي كُتب لهذه البوابة، وليس صكًّا معتمدًا\./)
    expect(d.titleAr).toBe('القانون النموذجي لمكافحة تمويل الإرهاب')
    expect(d.leads.map((l) => l.nameEn)).toEqual(['Arab Parliament', 'Shura Council of Qatar'])
    expect(d.coordinator?.email).toBe('coordinator@demo.parlnet.example')
    expect(d.editors.map((e) => e.email)).toEqual(['member@demo.parlnet.example'])
  })

  it('holds 15 to 25 articles in chapters, every provision written in both languages', () => {
    const tree = loadWorkingTree(draftId)!
    const all = flattenSnapshot(tree.snapshot.provisions)
    const articles = all.filter((p) => p.kind === 'article')
    expect(articles.length).toBeGreaterThanOrEqual(15)
    expect(articles.length).toBeLessThanOrEqual(25)
    expect(tree.snapshot.provisions.filter((p) => p.kind === 'chapter').length).toBeGreaterThanOrEqual(5)
    for (const p of all) {
      if (p.kind === 'chapter' || p.kind === 'article')
        for (const lang of ['en', 'ar']) expect(p.texts[lang]?.heading, `${p.wId} ${lang}`).toBeTruthy()
      if (p.children.length === 0)
        for (const lang of ['en', 'ar']) expect(p.texts[lang]?.body, `${p.wId} ${lang}`).toBeTruthy()
      expect(p.texts.ar?.body ?? '', p.wId).not.toMatch(/[A-Za-z]{3}/)
    }
    expect(tree.toTranslate).toBe(0)
    // The numbers are computed: no heading or body spells its own article number.
    const numbering = numberProvisions(tree.snapshot.provisions)
    expect(numbering.byWId.get('art_entry_into_force')?.eId).toBe(`art_${articles.length}`)
    for (const p of all) expect(`${p.texts.en?.heading} ${p.texts.ar?.heading}`).not.toMatch(/Article \d|المادة \d/)
  })

  it('has two versions that differ, Arabic words included', () => {
    expect(listVersions(draftId).map((v) => v.number)).toEqual([2, 1])
    const comparison = compareSnapshots(getVersion(draftId, 1)!.snapshot, getVersion(draftId, 2)!.snapshot)
    const changed = comparison.provisions.filter((p) => p.changed)
    expect(changed.map((p) => p.wId).sort()).toEqual(['art_entry_into_force', 'para_freezing_1'])
    const inserted = changed
      .map((p) => p.languages.ar!)
      .flatMap((l) => l.body.segments.filter((s) => s.kind === 'added').map((s) => s.text))
    expect(inserted.join(' ')).toMatch(/تسعين/)
    expect(inserted.join(' ')).toMatch(/فورًا/)
  })

  it('has a comment thread with a reply, and one accepted and one rejected amendment with its reason', () => {
    const threads = Object.values(check(listComments(draftId))).flat()
    expect(threads.some((t) => t.replies.length === 1)).toBe(true)
    const amendments = Object.values(check(listAmendments(draftId))).flat()
    expect(amendments.map((a) => a.status).sort()).toEqual(['accepted', 'rejected'])
    expect(amendments.find((a) => a.status === 'rejected')?.reason).toMatch(/Recommendation 8/)
    // The accepted amendment is the provision's text now.
    const paragraph = loadWorkingTree(draftId)!.snapshot
    const freezing = flattenSnapshot(paragraph.provisions).find((p) => p.wId === 'para_freezing_1')!
    expect(freezing.texts.ar!.body).toBe(amendments.find((a) => a.status === 'accepted')!.texts.ar!.body)
  })

  it('mailed nobody', () => {
    const addresses = getDb().select({ to: outbox.toAddress }).from(outbox).all()
    expect(addresses.filter((a) => a.to.endsWith('@demo.parlnet.example'))).toEqual([])
    // …though the changes were audited as the pages would have.
    const actions = getDb()
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.targetId, String(draftId)))
      .all()
      .map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['draft.create', 'draft.stage', 'draft.amendment_accept']))
  })

  it('adds nothing when the demo is loaded again', async () => {
    const tables = [draft, provision, draftVersion, draftComment, draftAmendment, outbox]
    const before = tables.map((t) => getDb().select({ n: count() }).from(t).get()!.n)
    await seedDemo(getDb())
    expect(tables.map((t) => getDb().select({ n: count() }).from(t).get()!.n)).toEqual(before)
    expect(before.at(-1)).toBe(mailBefore)
  })
})

function check<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error)
  return result.value
}
