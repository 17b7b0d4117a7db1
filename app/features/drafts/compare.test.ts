import { describe, expect, it } from 'vitest'

import { compareSnapshots, diffText } from './compare'
import { largeSnapshot, nextVersion, provision, sampleSnapshot } from './fixtures/snapshots'
import type { DraftSnapshot } from './snapshot'

const find = (c: ReturnType<typeof compareSnapshots>, wId: string) => c.provisions.find((p) => p.wId === wId)!
const inserted = (d: ReturnType<typeof diffText>) => d.segments.filter((s) => s.kind === 'added').map((s) => s.text)
const removed = (d: ReturnType<typeof diffText>) => d.segments.filter((s) => s.kind === 'removed').map((s) => s.text)

describe('diffText', () => {
  it('diffs English by words', () => {
    const d = diffText(
      'Each State shall criminalise financing.',
      'Each State Party shall criminalise the financing.',
      'en',
    )
    expect(d.changed).toBe(true)
    expect(inserted(d).map((s) => s.trim())).toEqual(['Party', 'the'])
    expect(d.segments.map((s) => s.text).join('')).toBe('Each State Party shall criminalise the financing.')
  })

  it('shows a haraka or a tatweel added inside an Arabic word as a change of that word', () => {
    const harakat = diffText('يعاقب كل من جمع أموالا', 'يُعاقَب كل من جمع أموالا', 'ar')
    expect(removed(harakat)).toEqual(['يعاقب'])
    expect(inserted(harakat)).toEqual(['يُعاقَب'])
    const tatweel = diffText('الدولة الطرف', 'الدولـة الطرف', 'ar')
    expect(removed(tatweel)).toEqual(['الدولة'])
    expect(inserted(tatweel)).toEqual(['الدولـة'])
    const shadda = diffText('الدولة', 'الدوّلة', 'ar')
    expect(shadda.changed && !shadda.layoutOnly).toBe(true)
  })

  it('uses Arabic word boundaries (punctuation apart from the word)', () => {
    const d = diffText('تمويل الإرهاب.', 'تمويل الإرهاب،', 'ar')
    expect(removed(d)).toEqual(['.'])
    expect(inserted(d)).toEqual(['،'])
  })

  it('keeps both texts recoverable: same+removed is the old text, same+added the new one', () => {
    const before = 'يهدف هذا القانون إلى منع تمويل الإرهاب.\n\n- أولا\n- ثانيا'
    const after = 'يهدف القانون إلى منع وتجريم تمويل الإرهاب.\n\n- أولاً\n- ثالثا'
    const d = diffText(before, after, 'ar')
    expect(
      d.segments
        .filter((s) => s.kind !== 'added')
        .map((s) => s.text)
        .join(''),
    ).toBe(before)
    expect(
      d.segments
        .filter((s) => s.kind !== 'removed')
        .map((s) => s.text)
        .join(''),
    ).toBe(after)
  })

  it('marks a change in spaces only as layoutOnly', () => {
    const d = diffText('a b\n\nc', 'a b c', 'en')
    expect(d).toMatchObject({ changed: true, layoutOnly: true })
    expect(diffText('', 'new', 'en').segments).toEqual([{ kind: 'added', text: 'new' }])
    expect(diffText('same', 'same', 'en')).toEqual({
      changed: false,
      layoutOnly: false,
      segments: [{ kind: 'same', text: 'same' }],
    })
  })
})

describe('compareSnapshots', () => {
  it('finds added, deleted, moved, renumbered, changed and unchanged provisions', () => {
    const v1 = sampleSnapshot()
    const v2: DraftSnapshot = structuredClone(v1)
    const part = v2.provisions[2]!
    const [ch1, ch2] = part.children as [(typeof part.children)[0], (typeof part.children)[0]]
    // a new article at the head of chapter 1; article 1 moves into chapter 2; article 4 is deleted
    const a1 = ch1.children.shift()!
    ch1.children.unshift(provision('w-new', 'article', { en: { heading: 'New', body: 'New text' } }))
    ch2.children.pop()
    ch2.children.push(a1)
    // article 3 changes a word in Arabic; the two points of article 2 swap
    const sec = ch2.children[0]!
    sec.children[0]!.texts.ar!.body = sec.children[0]!.texts.ar!.body.replace('عمدًا', 'عمدًا وقصدًا')
    const para = ch1.children[1]!.children[1]!
    para.children.reverse()

    const c = compareSnapshots(v1, v2)
    expect(find(c, 'w-new')).toMatchObject({ place: 'added', changed: false, before: null })
    expect(find(c, 'w-a4')).toMatchObject({ place: 'deleted', after: null, before: { eId: 'art_4' } })
    expect(find(c, 'w-a1')).toMatchObject({ place: 'moved', before: { eId: 'art_1' }, after: { eId: 'art_4' } })
    // article 2 sits where it sat in chapter 1 but is numbered 2 → 2 (one came, one left before it): unchanged
    expect(find(c, 'w-a2').place).toBe('unchanged')
    // article 3 keeps its place and number (one article came before it, one left): only its words changed
    expect(find(c, 'w-a3')).toMatchObject({ place: 'unchanged', changed: true })
    expect(find(c, 'w-a3').languages.ar!.status).toBe('changed')
    expect(find(c, 'w-a3').languages.en!.status).toBe('unchanged')
    expect(inserted(find(c, 'w-a3').languages.ar!.body).join('')).toContain('وقصدًا')
    // of two swapped siblings one is moved, and both are renumbered or moved
    const swapped = [find(c, 'w-a2p2a'), find(c, 'w-a2p2b')].map((p) => p.place).sort()
    expect(swapped).toEqual(['moved', 'renumbered'])
    expect(find(c, 'w-pre')).toMatchObject({ place: 'unchanged', changed: false })
    expect(c.counts).toMatchObject({ added: 1, deleted: 1, changed: 1 })
    // document order of the newer version, the deleted article after what preceded it
    const order = c.provisions.map((p) => p.wId)
    expect(order.indexOf('w-a4')).toBe(order.indexOf('w-a3') + 1)
    expect(order.indexOf('w-new')).toBe(order.indexOf('w-ch1') + 1)
  })

  it('calls renumbered what keeps its place while others come before it', () => {
    const v1 = sampleSnapshot()
    const v2: DraftSnapshot = structuredClone(v1)
    v2.provisions[2]!.children[0]!.children.unshift(provision('w-new', 'article', { ar: { heading: '', body: 'نص' } }))
    const c = compareSnapshots(v1, v2)
    expect(find(c, 'w-a1')).toMatchObject({ place: 'renumbered', before: { eId: 'art_1' }, after: { eId: 'art_2' } })
    expect(find(c, 'w-a2p2')).toMatchObject({ place: 'renumbered', after: { eId: 'art_3__para_2' } })
    expect(find(c, 'w-ch1').place).toBe('unchanged')
    expect(c.counts).toMatchObject({ added: 1, deleted: 0, moved: 0, changed: 0 })
  })

  it('reports a translation written in a new language and one removed', () => {
    const v1 = sampleSnapshot()
    const v2: DraftSnapshot = structuredClone(v1)
    const a4 = v2.provisions[2]!.children[1]!.children[1]!
    a4.texts.en = { heading: 'Penalties', body: 'The offender shall be imprisoned.' }
    delete v2.provisions[0]!.texts.en
    const c = compareSnapshots(v1, v2)
    expect(find(c, 'w-a4').languages.en).toMatchObject({ status: 'added' })
    expect(find(c, 'w-a4').languages.en!.heading.segments).toEqual([{ kind: 'added', text: 'Penalties' }])
    expect(find(c, 'w-pre').languages.en!.status).toBe('removed')
    expect(Object.keys(find(c, 'w-a4').languages)).toEqual(['ar', 'en'])
  })

  // Its time is for `npm run bench:drafts` to print; a test never asserts one.
  it('compares versions 1↔20, 6↔7 and 1↔11 of a 400-provision draft', () => {
    const versions = [largeSnapshot(400)]
    for (let i = 1; i < 20; i++) versions.push(nextVersion(versions[i - 1]!, i))
    compareSnapshots(versions[0]!, versions[1]!) // warm up
    const times: number[] = []
    let result
    for (const [a, b] of [
      [0, 19],
      [5, 6],
      [0, 10],
    ] as const) {
      const t0 = performance.now()
      result = compareSnapshots(versions[a]!, versions[b]!)
      times.push(performance.now() - t0)
    }
    console.info(`compare 400 provisions, versions 1↔20, 6↔7, 1↔11: ${times.map((t) => t.toFixed(1)).join(', ')} ms`)
    expect(result!.counts.changed).toBeGreaterThan(0)
  })
})
