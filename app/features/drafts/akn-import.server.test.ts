import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { exportAkomaNtoso } from './akn-export.server'
import { importAkomaNtoso } from './akn-import.server'
import { largeSnapshot, sampleSnapshot } from './fixtures/snapshots'
import type { DraftSnapshot, SnapshotProvision } from './snapshot'
import { normalizeBody } from './text-format'

/** A snapshot as an export keeps it: bodies in canonical form, headings trimmed. */
function canonical(s: DraftSnapshot): DraftSnapshot {
  const fix = (p: SnapshotProvision): SnapshotProvision => ({
    ...p,
    texts: Object.fromEntries(
      Object.entries(p.texts).map(([l, t]) => [l, { heading: t.heading.trim(), body: normalizeBody(t.body) }]),
    ),
    children: p.children.map(fix),
  })
  return { ...s, provisions: s.provisions.map(fix) }
}

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: string }) => {
  if (!r.ok) throw new Error(r.error)
  return r.value
}

describe('importAkomaNtoso', () => {
  it('gives back the exported snapshot, structure and texts, from the Arabic and English files', () => {
    const s = sampleSnapshot()
    const files = s.languages.map((l) => exportAkomaNtoso(s, l))
    const back = unwrap(importAkomaNtoso(files, { draftId: s.draftId, takenAt: s.takenAt }))
    expect(back).toEqual(canonical({ ...s, version: null }))
  })

  it('round-trips 400 provisions, a body with line breaks and every kind of draft', () => {
    const big = largeSnapshot(400)
    big.provisions[0]!.children[0]!.texts.en!.body = 'line one\nline two\n\n- item <one>\n- item & two &lt; &#38; &amp;'
    const back = unwrap(
      importAkomaNtoso([exportAkomaNtoso(big, 'en'), exportAkomaNtoso(big, 'ar')], {
        draftId: 1,
        takenAt: big.takenAt,
      }),
    )
    expect(back.provisions).toEqual(canonical(big).provisions)
    expect(back.languages).toEqual(['en', 'ar'])
    for (const kind of ['model_policy', 'national_strategy', 'resolution', 'guidelines'] as const) {
      expect(unwrap(importAkomaNtoso(exportAkomaNtoso({ ...big, kind }, 'ar'))).kind).toBe(kind)
    }
  })

  it('reads a foreign act: a namespace prefix, sections as articles, eIds as wIds, lists of points', () => {
    const xml = readFileSync(join(__dirname, 'fixtures/commonwealth-act.xml'), 'utf8')
    const s = unwrap(importAkomaNtoso(xml))
    expect(s).toMatchObject({ kind: 'model_law', languages: ['en'], titles: { en: 'Sample Act' } })
    const [chapter] = s.provisions
    expect(chapter).toMatchObject({ wId: 'chp_1', kind: 'chapter', texts: { en: { heading: 'Interpretation' } } })
    const article = chapter!.children[0]!
    expect(article).toMatchObject({ wId: 'chp_1__sec_1', kind: 'article', texts: { en: { heading: 'Definitions' } } })
    expect(article.children.map((p) => p.kind)).toEqual(['paragraph', 'paragraph'])
    expect(article.children[0]!.texts.en!.body).toBe('In this Act, unless the context indicates otherwise — & so on:')
    expect(article.children[1]!.texts.en!.body).toBe('the following apply:')
    expect(article.children[1]!.children.map((p) => [p.kind, p.texts.en!.body])).toEqual([
      ['point', 'first'],
      ['point', 'second'],
    ])
  })

  it('keeps to the structure drafts allow: a point in a point becomes a list item of its parent', () => {
    const xml = exportAkomaNtoso(sampleSnapshot(), 'en').replace(
      '<content eId="art_2__para_2__point_b__content"><p>companies.</p></content>',
      '<intro><p>companies:</p></intro><point eId="x"><num>(i)</num><content><p>listed</p></content></point>',
    )
    expect(xml).toContain('<point eId="x">')
    const s = unwrap(importAkomaNtoso(xml))
    const point = s.provisions[2]!.children[0]!.children[1]!.children[1]!.children[1]!
    expect(point).toMatchObject({ wId: 'w-a2p2b', kind: 'point', children: [] })
    expect(point.texts.en!.body).toBe('companies:\n\n- listed')
  })

  it('makes new wIds for elements without ids or with duplicates', () => {
    let n = 0
    const xml = exportAkomaNtoso(sampleSnapshot(), 'en')
      .replace('wId="w-a2"', 'wId="w-a1"')
      .replace(/ eId="art_3" wId="w-a3"/, '')
    const s = unwrap(importAkomaNtoso(xml, { newWId: () => `gen-${++n}` }))
    const ids: string[] = []
    const walk = (ps: SnapshotProvision[]) => ps.forEach((p) => (ids.push(p.wId), walk(p.children)))
    walk(s.provisions)
    expect(new Set(ids).size).toBe(ids.length)
    // a duplicate wId falls back on the element's eId, no id at all gets a new one
    expect(ids).toContain('art_2')
    expect(ids).toContain('gen-1')
  })

  it('refuses what is not XML, not Akoma Ntoso, too large or without a body, and never throws', () => {
    const good = exportAkomaNtoso(sampleSnapshot(), 'en')
    const cases: [string | Uint8Array, string][] = [
      ['%PDF-1.4 not xml', 'aknNotXml'],
      ['<akomaNtoso><act>', 'aknNotXml'],
      ['', 'aknNotXml'],
      [new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]), 'aknNotXml'],
      ['<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'aknNotAkomaNtoso'],
      ['<akomaNtoso xmlns="http://example.org/other"><act/></akomaNtoso>', 'aknNotAkomaNtoso'],
      [`<!DOCTYPE x [<!ENTITY a "aaaa">]>${good.replace(/^<\?xml[^>]*>\n/, '')}`, 'aknNotAkomaNtoso'],
      [
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="x"><meta/></act></akomaNtoso>',
        'aknNoBody',
      ],
      [
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="x"><body><hcontainer name="empty"/></body></act></akomaNtoso>',
        'aknNoBody',
      ],
    ]
    for (const [input, error] of cases) expect([input, importAkomaNtoso(input)]).toEqual([input, { ok: false, error }])
    expect(importAkomaNtoso(good, { maxBytes: 1000 })).toEqual({ ok: false, error: 'aknTooLarge' })
    expect(importAkomaNtoso(new TextEncoder().encode(good), { maxBytes: 1000 })).toEqual({
      ok: false,
      error: 'aknTooLarge',
    })
    expect(importAkomaNtoso(exportAkomaNtoso(largeSnapshot(3000), 'en'))).toEqual({
      ok: false,
      error: 'aknTooManyProvisions',
    })
    expect(importAkomaNtoso([])).toEqual({ ok: false, error: 'aknNoBody' })
    expect(unwrap(importAkomaNtoso(new TextEncoder().encode(`\uFEFF${good}`))).provisions).toHaveLength(3)
  })

  it('imports 400 provisions', () => {
    const xml = exportAkomaNtoso(largeSnapshot(400), 'ar')
    const t0 = performance.now()
    expect(importAkomaNtoso(xml).ok).toBe(true)
    const ms = performance.now() - t0
    console.info(`Akoma Ntoso import, 400 provisions: ${ms.toFixed(1)} ms`)
  })
})
