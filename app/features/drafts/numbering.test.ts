import { describe, expect, it } from 'vitest'

import { largeSnapshot, provision, sampleSnapshot } from './fixtures/snapshots'
import { numberProvisions, provisionLabel, provisionNum, romanNumeral } from './numbering'

describe('numberProvisions', () => {
  const { ordered, byWId } = numberProvisions(sampleSnapshot().provisions)
  const eId = (wId: string) => byWId.get(wId)!.eId

  it('gives each provision its Akoma Ntoso eId from its place', () => {
    expect(eId('w-pre')).toBe('preamble')
    expect(eId('w-def')).toBe('hcontainer_1')
    expect(eId('w-part1')).toBe('part_1')
    expect(eId('w-ch1')).toBe('part_1__chp_1')
    expect(eId('w-ch2')).toBe('part_1__chp_2')
    expect(eId('w-sec1')).toBe('part_1__chp_2__sec_1')
    // articles count through the whole draft, whatever chapter or section they sit in
    expect(['w-a1', 'w-a2', 'w-a3', 'w-a4'].map(eId)).toEqual(['art_1', 'art_2', 'art_3', 'art_4'])
    expect(eId('w-a2p2')).toBe('art_2__para_2')
    expect(eId('w-a2p2b')).toBe('art_2__para_2__point_b')
  })

  it('lists provisions in document order with parent and place', () => {
    expect(ordered.map((n) => n.wId).slice(0, 6)).toEqual(['w-pre', 'w-def', 'w-part1', 'w-ch1', 'w-a1', 'w-a2'])
    expect(byWId.get('w-a4')).toMatchObject({ parentWId: 'w-ch2', index: 1, depth: 2, ordinal: 4 })
    expect(new Set(ordered.map((n) => n.eId)).size).toBe(ordered.length)
  })

  it('renumbers when an article moves into another chapter', () => {
    const s = sampleSnapshot()
    const ch1 = s.provisions[2]!.children[0]!
    const ch2 = s.provisions[2]!.children[1]!
    ch2.children.unshift(ch1.children.shift()!) // article 1 moves to the head of chapter 2
    const n = numberProvisions(s.provisions).byWId
    expect(n.get('w-a2')!.eId).toBe('art_1')
    expect(n.get('w-a1')!.eId).toBe('art_2')
    expect(n.get('w-a3')!.eId).toBe('art_3')
  })

  it('numbers points within points, should a structure allow them', () => {
    const n = numberProvisions([
      provision('a', 'article', {}, [
        provision('p', 'point', {}, [provision('pp', 'point', {}, [provision('ppp', 'point', {})])]),
      ]),
    ]).byWId
    expect(n.get('pp')!.eId).toBe('art_1__point_a__point_i')
    expect(n.get('ppp')!.eId).toBe('art_1__point_a__point_i__point_1')
    expect(provisionNum(n.get('pp')!, 'en')).toBe('(i)')
    expect(provisionNum(n.get('pp')!, 'ar')).toBe('(1)')
  })

  it('numbers chapters and sections within their parent', () => {
    const tree = [
      provision('c1', 'chapter', {}, [provision('s1', 'section', {}), provision('s2', 'section', {})]),
      provision('c2', 'chapter', {}, [provision('s3', 'section', {})]),
    ]
    const n = numberProvisions(tree).byWId
    expect(['c1', 's1', 's2', 'c2', 's3'].map((w) => n.get(w)!.eId)).toEqual([
      'chp_1',
      'chp_1__sec_1',
      'chp_1__sec_2',
      'chp_2',
      'chp_2__sec_1',
    ])
  })

  it('numbers 40,000 provisions', () => {
    const s = largeSnapshot(40_000)
    const { ordered } = numberProvisions(s.provisions)
    expect(ordered).toHaveLength(40_000)
  })
})

describe('labels', () => {
  const n = numberProvisions(sampleSnapshot().provisions).byWId
  const get = (w: string) => n.get(w)!

  it('reads in English', () => {
    expect(provisionLabel(get('w-a3'), 'en')).toBe('Article 3')
    expect(provisionLabel(get('w-ch2'), 'en')).toBe('Chapter II')
    expect(provisionLabel(get('w-part1'), 'en')).toBe('Part I')
    expect(provisionLabel(get('w-sec1'), 'en')).toBe('Section 1')
    expect(provisionLabel(get('w-pre'), 'en')).toBe('Preamble')
    expect(provisionNum(get('w-pre'), 'en')).toBeNull()
    expect(provisionNum(get('w-a2p2'), 'en')).toBe('2.')
    expect(provisionNum(get('w-a2p2b'), 'en')).toBe('(b)')
    expect(provisionLabel(get('w-a2p2b'), 'en')).toBe('Point (b)')
  })

  it('reads in Arabic, with the digits the portal formats numbers with', () => {
    const digits = new Intl.NumberFormat('ar').format(3)
    expect(provisionLabel(get('w-a3'), 'ar')).toBe(`المادة ${digits}`)
    expect(provisionLabel(get('w-ch2'), 'ar')).toBe('الفصل الثاني')
    expect(provisionLabel(get('w-part1'), 'ar')).toBe('الباب الأول')
    expect(provisionLabel(get('w-sec1'), 'ar')).toBe('الفرع الأول')
    expect(provisionLabel(get('w-def'), 'ar')).toBe('التعريفات')
    expect(provisionNum(get('w-a2p2b'), 'ar')).toBe('(ب)')
    expect(provisionLabel({ kind: 'chapter', ordinal: 11, pointDepth: 0 }, 'ar')).toBe('الفصل الحادي عشر')
    expect(provisionLabel({ kind: 'chapter', ordinal: 20, pointDepth: 0 }, 'ar')).toBe('الفصل العشرون')
    expect(provisionLabel({ kind: 'chapter', ordinal: 21, pointDepth: 0 }, 'ar')).toBe(
      `الفصل ${new Intl.NumberFormat('ar').format(21)}`,
    )
  })

  it('writes Roman numerals and long letter runs', () => {
    expect([1, 4, 9, 14, 40, 90, 400, 1994].map(romanNumeral)).toEqual([
      'I',
      'IV',
      'IX',
      'XIV',
      'XL',
      'XC',
      'CD',
      'MCMXCIV',
    ])
    const points = numberProvisions([
      provision(
        'a',
        'article',
        {},
        Array.from({ length: 28 }, (_, i) => provision(`p${i}`, 'point', {})),
      ),
    ]).byWId
    expect(points.get('p25')!.eId).toBe('art_1__point_z')
    expect(points.get('p26')!.eId).toBe('art_1__point_aa')
    expect(provisionNum(points.get('p27')!, 'ar')).toBe('(غ)')
  })
})
