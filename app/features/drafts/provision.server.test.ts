// The tree of provisions: add, edit per language with the revision the edit started from, move, delete, import a
// tree at once; and the working tree loaded as a snapshot in three queries (issue 15).
import { desc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, provision } from '#db/schema/index'
import { countQueries, getDb } from '~/utils/db.server'
import { addDraft, addPeople, counts, forceStage } from './drafts.test-helpers'
import type { DraftDetail } from './draft.server'
import {
  addProvision,
  addProvisionTree,
  countProvisions,
  deleteProvision,
  getProvision,
  getProvisionTexts,
  listProvisionChanges,
  moveProvision,
  saveProvisionText,
} from './provision.server'
import type { ProvisionTreeNode } from './schemas'
import type { SnapshotProvision } from './snapshot'
import { flattenSnapshot, loadWorkingTree } from './tree.server'
import { draftLimits } from './vocabulary'

let people: ReturnType<typeof addPeople>
let editor: { id: number; name: string }
let other: { id: number; name: string }
beforeAll(() => {
  people = addPeople()
  editor = people.editor
  other = people.secondEditor
})

const newDraft = () =>
  addDraft(people.coordinator, {
    coordinatorId: people.coordinator.id,
    leadParliamentIds: [people.jordan],
    editorIds: [people.editor.id, people.secondEditor.id],
  })
const lastAudit = () => getDb().select().from(auditEvent).orderBy(desc(auditEvent.id)).get()!
const art = (en: string, ar = '') => ({
  en: { heading: '', body: en },
  ...(ar ? { ar: { heading: '', body: ar } } : {}),
})

function add(d: DraftDetail, kind: string, texts: object, parentId: number | null = null, position?: number) {
  const made = addProvision(d, { kind, parentId, position, texts }, editor)
  if (!made.ok) throw new Error(`addProvision refused: ${made.error}`)
  return made.value
}

/** The tree as "wId:kind" lines, children indented, in order. */
function outline(d: DraftDetail) {
  const lines: string[] = []
  const walk = (list: SnapshotProvision[], depth: number) => {
    for (const p of list) {
      lines.push(`${'  '.repeat(depth)}${p.texts.en?.body || p.texts.en?.heading || p.wId}`)
      walk(p.children, depth + 1)
    }
  }
  walk(loadWorkingTree(d.id)!.snapshot.provisions, 0)
  return lines
}

function positionsOk(draftId: number) {
  const rows = getDb().select().from(provision).where(eq(provision.draftId, draftId)).all()
  const byParent = new Map<number | null, number[]>()
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r.position])
  return [...byParent.values()].every((list) => list.sort((a, b) => a - b).every((p, i) => p === i))
}

describe('addProvision', () => {
  it('adds at the end, at a position (siblings shift), and as a child, each with a new wId, audited', () => {
    const d = newDraft()
    const first = add(d, 'article', art('First'))
    const third = add(d, 'article', art('Third'))
    add(d, 'article', art('Second'), null, 1)
    const chapter = add(d, 'chapter', { en: { heading: 'General', body: '' } }, null, 0)
    add(d, 'article', art('Inside'), chapter.id)
    expect(outline(d)).toEqual(['General', '  Inside', 'First', 'Second', 'Third'])
    expect(positionsOk(d.id)).toBe(true)
    expect(first.wId).toMatch(/^art_[0-9a-f]{10}$/)
    expect(chapter.wId).toMatch(/^chp_/)
    expect(new Set([first.wId, third.wId, chapter.wId]).size).toBe(3)
    expect(lastAudit()).toMatchObject({ action: 'draft.provision_add', targetId: String(d.id) })
    const texts = getProvisionTexts(first.id)
    expect(Object.keys(texts)).toEqual(['en'])
    expect(listProvisionChanges(d.id, first.id)).toMatchObject([{ lang: 'en', body: 'First', revision: 1 }])
  })

  it.each([
    ['an article under an article', 'article', 'article', 'notAllowedHere'],
    ['a chapter under a section', 'section', 'chapter', 'notAllowedHere'],
    ['a preamble under a chapter', 'chapter', 'preamble', 'notAllowedHere'],
  ])('refuses %s and writes nothing', (_, parentKind, kind, error) => {
    const d = newDraft()
    const parent = add(d, parentKind, { en: { heading: 'Parent', body: 'Text' } })
    const before = counts()
    expect(addProvision(d, { kind, parentId: parent.id, texts: art('x') }, editor)).toEqual({ ok: false, error })
    expect(counts()).toEqual(before)
  })

  it('refuses a parent of another draft, an empty text in both languages, an unknown kind or language', () => {
    const d = newDraft()
    const elsewhere = add(newDraft(), 'chapter', { en: { heading: 'Theirs', body: '' } })
    const before = counts()
    const tries = [
      [{ kind: 'article', parentId: elsewhere.id, texts: art('x') }, 'provisionNotInDraft'],
      [
        { kind: 'article', texts: { en: { heading: ' ', body: '\n\n' }, ar: { heading: '', body: '\u200f' } } },
        'textRequired',
      ],
      [{ kind: 'article', texts: {} }, 'textRequired'],
      [{ kind: 'clause', texts: art('x') }, 'invalidChoice'],
      [{ kind: 'article', texts: { fr: { heading: '', body: 'Article' } } }, 'languageUnknown'],
      [{ kind: 'article', texts: { en: { heading: '', body: 'x'.repeat(draftLimits.body + 1) } } }, 'tooLong'],
      [{ kind: 'article', texts: { en: { heading: '<b>x</b>'.repeat(100), body: '' } } }, 'tooLong'],
    ] as const
    for (const [input, error] of tries) expect(addProvision(d, input, editor), error).toEqual({ ok: false, error })
    expect(counts()).toEqual(before)
  })

  it('keeps text as plain text (markup is stored as typed, never interpreted) with line ends made \\n', () => {
    const d = newDraft()
    const p = add(d, 'article', { en: { heading: '', body: '  <script>x</script>\r\n\r\n- item  ' } })
    expect(getProvisionTexts(p.id).en!.body).toBe('<script>x</script>\n\n- item')
  })

  it('refuses a provision past the limit of a draft, cleanly', () => {
    const d = newDraft()
    const rows = Array.from({ length: draftLimits.provisions }, (_, i) => ({
      draftId: d.id,
      kind: 'article' as const,
      position: i,
      wId: `art_fill${i}`,
    }))
    for (let i = 0; i < rows.length; i += 400)
      getDb()
        .insert(provision)
        .values(rows.slice(i, i + 400))
        .run()
    const before = counts()
    expect(addProvision(d, { kind: 'article', texts: art('One too many') }, editor)).toEqual({
      ok: false,
      error: 'tooManyProvisions',
    })
    expect(counts()).toEqual(before)
  })

  it('refuses any change to an adopted or withdrawn draft', () => {
    const d = newDraft()
    const p = add(d, 'article', art('Kept'))
    for (const stage of ['adopted', 'withdrawn'] as const) {
      const closed = forceStage(d.id, stage, new Date())
      const before = counts()
      expect(addProvision(closed, { kind: 'article', texts: art('x') }, editor)).toEqual({
        ok: false,
        error: 'draftClosed',
      })
      expect(saveProvisionText(closed, p.id, { baseRevision: 1, texts: art('y') }, editor)).toEqual({
        ok: false,
        error: 'draftClosed',
      })
      expect(moveProvision(closed, p.id, { direction: 'down' }, editor)).toEqual({ ok: false, error: 'draftClosed' })
      expect(deleteProvision(closed, p.id, editor)).toEqual({ ok: false, error: 'draftClosed' })
      expect(counts()).toEqual(before)
    }
  })
})

describe('saveProvisionText', () => {
  it('saves the languages given, bumps the revision, writes a history row per language, audited', () => {
    const d = newDraft()
    const p = add(d, 'article', art('Each State shall criminalise.'))
    const saved = saveProvisionText(
      d,
      p.id,
      {
        baseRevision: 1,
        texts: {
          en: { heading: 'Offence', body: 'Each State Party shall criminalise.' },
          ar: { heading: 'الجريمة', body: 'تُجرِّم كل دولة طرف.' },
        },
      },
      editor,
    )
    expect(saved).toEqual({ ok: true, value: { revision: 2, changed: ['en', 'ar'] } })
    const texts = getProvisionTexts(p.id)
    expect(texts.ar).toMatchObject({ heading: 'الجريمة', body: 'تُجرِّم كل دولة طرف.', updatedById: editor.id })
    expect(getProvision(d.id, p.id)!.revision).toBe(2)
    expect(listProvisionChanges(d.id, p.id).map((c) => [c.lang, c.revision, c.changedById])).toEqual([
      ['ar', 2, editor.id],
      ['en', 2, editor.id],
      ['en', 1, editor.id],
    ])
    expect(lastAudit()).toMatchObject({
      action: 'draft.provision_text',
      details: JSON.stringify({ wId: p.wId, langs: ['en', 'ar'], revision: 2 }),
    })
  })

  it('changes nothing (no revision, no history) when the words are the same', () => {
    const d = newDraft()
    const p = add(d, 'article', art('Same'))
    const before = counts()
    expect(saveProvisionText(d, p.id, { baseRevision: 1, texts: art('Same') }, editor)).toEqual({
      ok: true,
      value: { revision: 1, changed: [] },
    })
    expect(counts()).toEqual(before)
  })

  it('refuses a save over a newer text of the same language, writes nothing and returns the current text', () => {
    const d = newDraft()
    const p = add(d, 'article', art('Original'))
    expect(saveProvisionText(d, p.id, { baseRevision: 1, texts: art('Theirs') }, other).ok).toBe(true)
    const before = counts()
    const refused = saveProvisionText(d, p.id, { baseRevision: 1, texts: art('Mine') }, editor)
    expect(refused).toMatchObject({
      ok: false,
      error: 'staleRevision',
      current: { revision: 2, texts: { en: { heading: '', body: 'Theirs', updatedById: other.id } } },
    })
    expect(counts()).toEqual(before)
    expect(getProvisionTexts(p.id).en!.body).toBe('Theirs')
    // From the current revision, the save goes through.
    expect(saveProvisionText(d, p.id, { baseRevision: 2, texts: art('Mine') }, editor)).toMatchObject({ ok: true })
  })

  it('does not refuse a save in Arabic because someone saved the English meanwhile', () => {
    const d = newDraft()
    const p = add(d, 'article', art('English'))
    expect(saveProvisionText(d, p.id, { baseRevision: 1, texts: art('English, revised') }, other).ok).toBe(true)
    const saved = saveProvisionText(
      d,
      p.id,
      { baseRevision: 1, texts: { ar: { heading: '', body: 'بالعربية' } } },
      editor,
    )
    expect(saved).toEqual({ ok: true, value: { revision: 3, changed: ['ar'] } })
    expect(getProvisionTexts(p.id).en!.body).toBe('English, revised')
  })

  it('removes a language emptied ("to translate"), but refuses to empty the last one', () => {
    const d = newDraft()
    const p = add(d, 'article', art('English', 'عربي'))
    expect(
      saveProvisionText(d, p.id, { baseRevision: 1, texts: { ar: { heading: '', body: '' } } }, editor),
    ).toMatchObject({
      ok: true,
    })
    expect(Object.keys(getProvisionTexts(p.id))).toEqual(['en'])
    expect(loadWorkingTree(d.id)!.toTranslate).toBe(1)
    const before = counts()
    expect(saveProvisionText(d, p.id, { baseRevision: 2, texts: { en: { heading: '', body: ' ' } } }, editor)).toEqual({
      ok: false,
      error: 'textRequired',
    })
    expect(counts()).toEqual(before)
  })

  it('refuses a provision of another draft, a revision from the future, and bad input, writing nothing', () => {
    const d = newDraft()
    const theirs = add(newDraft(), 'article', art('Theirs'))
    const mine = add(d, 'article', art('Mine'))
    const before = counts()
    expect(saveProvisionText(d, theirs.id, { baseRevision: 1, texts: art('x') }, editor)).toEqual({
      ok: false,
      error: 'provisionNotInDraft',
    })
    expect(saveProvisionText(d, mine.id, { baseRevision: 7, texts: art('x') }, editor)).toEqual({
      ok: false,
      error: 'invalid',
    })
    expect(saveProvisionText(d, mine.id, { baseRevision: 0, texts: art('x') }, editor)).toEqual({
      ok: false,
      error: 'invalid',
    })
    expect(saveProvisionText(d, mine.id, { texts: art('x') }, editor)).toEqual({ ok: false, error: 'invalid' })
    expect(counts()).toEqual(before)
  })
})

describe('moveProvision', () => {
  function threeArticlesAndTwoChapters() {
    const d = newDraft()
    const one = add(d, 'chapter', { en: { heading: 'One', body: '' } })
    const two = add(d, 'chapter', { en: { heading: 'Two', body: '' } })
    const a = add(d, 'article', art('A'), one.id)
    const b = add(d, 'article', art('B'), one.id)
    const c = add(d, 'article', art('C'), one.id)
    return { d, one, two, a, b, c }
  }

  it('moves up and down among siblings, refusing past the ends', () => {
    const { d, a, c } = threeArticlesAndTwoChapters()
    expect(moveProvision(d, c.id, { direction: 'up' }, editor)).toMatchObject({ ok: true, value: { position: 1 } })
    expect(outline(d)).toEqual(['One', '  A', '  C', '  B', 'Two'])
    expect(moveProvision(d, a.id, { direction: 'up' }, editor)).toEqual({ ok: false, error: 'cannotMove' })
    expect(moveProvision(d, a.id, { direction: 'down' }, editor).ok).toBe(true)
    expect(outline(d)).toEqual(['One', '  C', '  A', '  B', 'Two'])
    expect(lastAudit()).toMatchObject({ action: 'draft.provision_move' })
    expect(positionsOk(d.id)).toBe(true)
  })

  it('moves into another chapter (the end or a position) and renumbers both; the wId stays', () => {
    const { d, one, two, a, b } = threeArticlesAndTwoChapters()
    expect(moveProvision(d, b.id, { parentId: two.id }, editor)).toEqual({
      ok: true,
      value: { parentId: two.id, position: 0 },
    })
    expect(moveProvision(d, a.id, { parentId: String(two.id), position: 0 }, editor).ok).toBe(true)
    expect(outline(d)).toEqual(['One', '  C', 'Two', '  A', '  B'])
    expect(positionsOk(d.id)).toBe(true)
    expect(getProvision(d.id, a.id)!.wId).toBe(a.wId)
    // And out to the top level, where an article may stand.
    expect(moveProvision(d, a.id, { parentId: null, position: 1 }, editor).ok).toBe(true)
    expect(outline(d)).toEqual(['One', '  C', 'A', 'Two', '  B'])
    expect(moveProvision(d, one.id, { parentId: null, position: 99 }, editor).ok).toBe(true)
    expect(outline(d)).toEqual(['A', 'Two', '  B', 'One', '  C'])
    expect(positionsOk(d.id)).toBe(true)
  })

  it('refuses a move into itself or its own child, where the kind may not go, or into another draft', () => {
    const { d, one, a } = threeArticlesAndTwoChapters()
    const elsewhere = add(newDraft(), 'chapter', { en: { heading: 'Theirs', body: '' } })
    const before = counts()
    expect(moveProvision(d, one.id, { parentId: one.id }, editor)).toEqual({ ok: false, error: 'cannotMove' })
    expect(moveProvision(d, one.id, { parentId: a.id }, editor)).toEqual({ ok: false, error: 'cannotMove' })
    expect(moveProvision(d, one.id, { parentId: null, position: -1 }, editor)).toEqual({ ok: false, error: 'invalid' })
    const chapterTwo = getDb()
      .select()
      .from(provision)
      .where(eq(provision.draftId, d.id))
      .all()
      .find((p) => p.kind === 'chapter' && p.id !== one.id)!
    expect(moveProvision(d, chapterTwo.id, { parentId: one.id }, editor)).toEqual({
      ok: false,
      error: 'notAllowedHere',
    })
    expect(moveProvision(d, a.id, { parentId: elsewhere.id }, editor)).toEqual({
      ok: false,
      error: 'provisionNotInDraft',
    })
    expect(moveProvision(d, elsewhere.id, { direction: 'up' }, editor)).toEqual({
      ok: false,
      error: 'provisionNotInDraft',
    })
    expect(counts()).toEqual(before)
  })
})

describe('deleteProvision', () => {
  it('deletes a provision with its children, their texts and histories; siblings close up', () => {
    const d = newDraft()
    const one = add(d, 'chapter', { en: { heading: 'One', body: '' } })
    const a = add(d, 'article', art('A'), one.id)
    add(d, 'paragraph', art('A.1'), a.id)
    add(d, 'chapter', { en: { heading: 'Two', body: '' } })
    const before = counts()
    expect(deleteProvision(d, one.id, editor)).toEqual({ ok: true, value: { deleted: 3 } })
    const after = counts()
    expect(before.provision - after.provision).toBe(3)
    expect(before.text - after.text).toBe(3)
    expect(before.change - after.change).toBe(3)
    expect(outline(d)).toEqual(['Two'])
    expect(positionsOk(d.id)).toBe(true)
    expect(lastAudit()).toMatchObject({
      action: 'draft.provision_delete',
      details: JSON.stringify({ wId: one.wId, deleted: 3 }),
    })
  })

  it('refuses a provision of another draft, and writes nothing', () => {
    const d = newDraft()
    const theirs = add(newDraft(), 'article', art('Theirs'))
    const before = counts()
    expect(deleteProvision(d, theirs.id, editor)).toEqual({ ok: false, error: 'provisionNotInDraft' })
    expect(counts()).toEqual(before)
  })
})

describe('addProvisionTree', () => {
  const tree = (): ProvisionTreeNode[] => [
    {
      kind: 'preamble',
      texts: {},
      children: [
        { kind: 'paragraph', texts: art('Recalling resolution 2462', 'إذ تشير إلى القرار 2462'), children: [] },
      ],
    },
    {
      kind: 'chapter',
      wId: 'chp_1',
      texts: { en: { heading: 'General provisions', body: '' } },
      children: [
        { kind: 'article', wId: 'art_1', texts: art('Purpose', 'الغرض'), children: [] },
        { kind: 'article', texts: art('Scope'), children: [{ kind: 'paragraph', texts: art('(1)'), children: [] }] },
      ],
    },
  ]

  it('adds the whole tree at the end of the top level, keeping given wIds', () => {
    const d = newDraft()
    add(d, 'article', art('Already there'))
    expect(addProvisionTree(d, tree(), editor)).toEqual({ ok: true, value: { added: 6 } })
    expect(outline(d)).toEqual(
      [
        'Already there',
        'preamble',
        '  Recalling resolution 2462',
        'General provisions',
        '  Purpose',
        '  Scope',
        '    (1)',
      ].map((l) => (l === 'preamble' ? expect.stringMatching(/^preamble_/) : l)),
    )
    const working = loadWorkingTree(d.id)!
    expect(working.provisions.get('art_1')!.parentWId).toBe('chp_1')
    expect(working.toTranslate).toBe(4)
    expect(positionsOk(d.id)).toBe(true)
  })

  it('refuses 10,000 provisions in one request before parsing them, and writes nothing', () => {
    const d = newDraft()
    const huge = Array.from({ length: 10_000 }, () => ({ kind: 'article', texts: art('x'), children: [] }))
    const before = counts()
    const { result, queries } = countQueries(() => addProvisionTree(d, huge, editor))
    expect(result).toEqual({ ok: false, error: 'tooManyProvisions' })
    expect(queries).toBe(0)
    expect(counts()).toEqual(before)
  })

  it('refuses a tree nested absurdly deep, one that does not fit the structure, a wId twice or taken', () => {
    const d = newDraft()
    const existing = add(d, 'article', art('Existing'))
    let deep: unknown[] = []
    for (let i = 0; i < 50; i++) deep = [{ kind: 'point', texts: art('x'), children: deep }]
    const before = counts()
    expect(addProvisionTree(d, deep, editor)).toEqual({ ok: false, error: 'tooManyProvisions' })
    expect(
      addProvisionTree(
        d,
        [{ kind: 'article', texts: art('x'), children: [{ kind: 'chapter', texts: art('y'), children: [] }] }],
        editor,
      ),
    ).toEqual({
      ok: false,
      error: 'notAllowedHere',
    })
    expect(
      addProvisionTree(d, [{ kind: 'article', wId: existing.wId, texts: art('x'), children: [] }], editor),
    ).toEqual({
      ok: false,
      error: 'wIdTaken',
    })
    expect(
      addProvisionTree(
        d,
        [
          { kind: 'article', wId: 'art_9', texts: art('x'), children: [] },
          { kind: 'article', wId: 'art_9', texts: art('y'), children: [] },
        ],
        editor,
      ),
    ).toEqual({ ok: false, error: 'wIdTaken' })
    expect(addProvisionTree(d, [{ kind: 'article', texts: {}, children: [] }], editor)).toEqual({
      ok: false,
      error: 'textRequired',
    })
    expect(addProvisionTree(d, [{ kind: 'article', wId: 'has space', texts: art('x'), children: [] }], editor)).toEqual(
      { ok: false, error: 'invalid' },
    )
    expect(addProvisionTree(d, 'not a tree', editor)).toEqual({ ok: false, error: 'invalid' })
    expect(counts()).toEqual(before)
  })

  it('refuses a tree that would take the draft past its limit', () => {
    const d = newDraft()
    const rows = Array.from({ length: draftLimits.provisions - 1 }, (_, i) => ({
      draftId: d.id,
      kind: 'article' as const,
      position: i,
      wId: `art_fill${i}`,
    }))
    for (let i = 0; i < rows.length; i += 400)
      getDb()
        .insert(provision)
        .values(rows.slice(i, i + 400))
        .run()
    const before = counts()
    expect(addProvisionTree(d, tree(), editor)).toEqual({ ok: false, error: 'tooManyProvisions' })
    expect(counts()).toEqual(before)
    expect(countProvisions(d.id)).toBe(draftLimits.provisions - 1)
  })
})

describe('loadWorkingTree', () => {
  it('loads 400 provisions as a snapshot in three queries, in order, with "to translate" counted', () => {
    const d = newDraft()
    const chapters: ProvisionTreeNode[] = Array.from({ length: 20 }, (_, c) => ({
      kind: 'chapter',
      texts: { en: { heading: `Chapter ${c}`, body: '' }, ar: { heading: `الفصل ${c}`, body: '' } },
      children: Array.from({ length: 19 }, (_, a) => ({
        kind: 'article' as const,
        texts: a === 0 ? art(`Article ${c}.${a}`) : art(`Article ${c}.${a}`, `المادة ${c}.${a}`),
        children: [],
      })),
    }))
    expect(addProvisionTree(d, chapters, editor)).toEqual({ ok: true, value: { added: 400 } })
    const { result, queries } = countQueries(() => loadWorkingTree(d.id, new Date('2030-01-01T00:00:00Z')))
    expect(queries).toBe(3)
    const { snapshot, provisions, toTranslate } = result!
    expect(snapshot).toMatchObject({
      draftId: d.id,
      kind: 'model_law',
      languages: ['ar', 'en'],
      version: null,
      takenAt: '2030-01-01T00:00:00.000Z',
      titles: { en: d.titleEn, ar: d.titleAr },
    })
    expect(flattenSnapshot(snapshot.provisions)).toHaveLength(400)
    expect(snapshot.provisions[3]!.children[5]!.texts.en!.body).toBe('Article 3.5')
    expect(provisions.size).toBe(400)
    expect(toTranslate).toBe(20)
  })

  it('answers null for a draft that does not exist', () => {
    expect(loadWorkingTree(999_999)).toBeNull()
  })
})
