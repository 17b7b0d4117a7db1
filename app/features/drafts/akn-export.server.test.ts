import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { XMLParser } from 'fast-xml-parser'
import { afterAll, describe, expect, it } from 'vitest'

import { aknFileName, escapeXml, exportAkomaNtoso } from './akn-export.server'
import { largeSnapshot, provision, sampleSnapshot } from './fixtures/snapshots'
import type { DraftKind, DraftSnapshot } from './snapshot'

const xsd = resolve(process.cwd(), '../shared/data/akn/akomantoso30.xsd')
const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
const canValidate = hasXmllint && existsSync(xsd)
if (!canValidate) {
  console.warn(
    `Akoma Ntoso schema validation skipped: ${hasXmllint ? '' : 'xmllint is not installed (apt-get install libxml2-utils); '}${existsSync(xsd) ? '' : `${xsd} is absent`}`,
  )
}

const dir = mkdtempSync(join(tmpdir(), 'akn-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** xmllint's verdict on a document: '' when valid, else its messages. */
function validate(xml: string, name: string) {
  const file = join(dir, name)
  writeFileSync(file, xml)
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' })
    return ''
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e)
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
})

function elementsWithEid(xml: string) {
  const found: { tag: string; eId?: string; wId?: string }[] = []
  const walk = (node: unknown, tag: string) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, tag))
    if (!node || typeof node !== 'object') return
    const o = node as Record<string, unknown>
    if (['article', 'chapter', 'part', 'section', 'paragraph', 'point', 'hcontainer', 'preamble'].includes(tag)) {
      found.push({ tag, eId: o['@_eId'] as string, wId: o['@_wId'] as string })
    }
    for (const [k, v] of Object.entries(o)) if (!k.startsWith('@_')) walk(v, k)
  }
  walk(parser.parse(xml), '')
  return found
}

describe('exportAkomaNtoso', () => {
  const s = sampleSnapshot()
  const ar = exportAkomaNtoso(s, 'ar')
  const en = exportAkomaNtoso(s, 'en')

  it.skipIf(!canValidate)('validates against the Akoma Ntoso 3.0 schema, in Arabic and in English', () => {
    expect(validate(ar, 'ar.xml')).toBe('')
    expect(validate(en, 'en.xml')).toBe('')
  })

  it.skipIf(!canValidate)('validates for every kind of draft, an empty draft and an untitled one', () => {
    for (const kind of ['model_law', 'model_policy', 'national_strategy', 'resolution', 'guidelines'] as DraftKind[]) {
      expect(validate(exportAkomaNtoso({ ...s, kind }, 'ar'), `${kind}.xml`)).toBe('')
    }
    const empty: DraftSnapshot = { ...s, provisions: [], titles: {}, summaries: {}, version: null }
    expect(validate(exportAkomaNtoso(empty, 'en'), 'empty.xml')).toBe('')
    expect(validate(exportAkomaNtoso({ ...empty, kind: 'guidelines' }, 'en'), 'empty-doc.xml')).toBe('')
  })

  it.skipIf(!canValidate)('validates a preamble with children, line breaks and 400 provisions', () => {
    const odd: DraftSnapshot = {
      ...s,
      provisions: [
        provision('p', 'preamble', { en: { heading: 'Whereas', body: 'one\ntwo' } }, [
          provision('pp', 'paragraph', { en: { heading: '', body: 'recital' } }),
        ]),
        provision('a', 'article', { en: { heading: '', body: '' } }),
      ],
    }
    expect(validate(exportAkomaNtoso(odd, 'en'), 'odd.xml')).toBe('')
    expect(validate(exportAkomaNtoso(largeSnapshot(400), 'ar'), 'large.xml')).toBe('')
  })

  it('is an act for a model law and a named doc for the others, in the Akoma Ntoso namespace', () => {
    expect(ar).toContain('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="modelLaw">')
    expect(exportAkomaNtoso({ ...s, kind: 'national_strategy' }, 'en')).toContain('<doc name="nationalStrategy">')
    expect(ar).toContain('<identification source="#parlnet">')
    expect(ar).toContain('<FRBRcountry value="un"/>')
    expect(ar).toContain('<FRBRlanguage language="ar"/>')
    expect(ar).toContain('value="/akn/un/act/model-law/parlnet/2026-05-04/draft-7/ara@ver_2"')
    expect(en).toContain('value="/akn/un/act/model-law/parlnet/2026-05-04/draft-7/eng@ver_2"')
    // the Work is the same in both languages, the Expressions differ
    const work = (x: string) => x.match(/<FRBRWork>.*<\/FRBRWork>/)![0]
    expect(work(ar)).toBe(work(en))
    expect(aknFileName(s, 'ar')).toBe('draft-7-v2-ar.akn.xml')
  })

  it('gives every provision an eId and its wId, the same in both languages', () => {
    const a = elementsWithEid(ar)
    const e = elementsWithEid(en)
    expect(a).toHaveLength(14)
    expect(a.every((x) => x.eId && x.wId)).toBe(true)
    expect(e).toEqual(a)
    expect(a.find((x) => x.wId === 'w-a3')).toEqual({ tag: 'article', eId: 'art_3', wId: 'w-a3' })
    expect(a.find((x) => x.wId === 'w-a2p2b')!.eId).toBe('art_2__para_2__point_b')
  })

  it('writes numbers, headings and texts in the language of the file', () => {
    expect(ar).toContain('<num>المادة 3</num><heading>جريمة التمويل</heading>')
    expect(ar).toContain('<num>الفصل الثاني</num>')
    expect(en).toContain('<num>Chapter II</num><heading>Offences</heading>')
    expect(en).toContain('<paragraph eId="art_2__para_1" wId="w-a2p1"><num>1.</num>')
    expect(ar).toContain('<point eId="art_2__para_2__point_a" wId="w-a2p2a"><num>(أ)</num>')
    expect(ar).toContain('<p class="title"><docTitle>القانون النموذجي لمكافحة تمويل الإرهاب</docTitle></p>')
  })

  it('escapes <, &, quotes in texts and attributes', () => {
    expect(en).toContain('Whoever collects or provides funds &lt;wilfully&gt; &amp; &quot;knowingly&quot; commits')
    expect(ar).toContain('&lt;أو&gt; قدّمها &amp; &quot;عمدًا&quot;')
    expect(en).toContain('parliaments &amp; assemblies')
    expect(escapeXml(`a<b>&"c"'d'\u0001\uFFFE`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;')
    const attr = exportAkomaNtoso({ ...s, titles: { ...s.titles, ar: 'عنوان "مقتبس" & <وسم>' } }, 'en')
    expect(attr).toContain('<FRBRname value="عنوان &quot;مقتبس&quot; &amp; &lt;وسم&gt;"/>')
  })

  it('keeps an untranslated provision, marked, with no text', () => {
    expect(en).toMatch(
      /<article eId="art_4" wId="w-a4" class="untranslated"><num>Article 4<\/num><content eId="art_4__content"><p\/><\/content><\/article>/,
    )
    expect(ar).not.toContain('untranslated')
  })

  it('exports 400 provisions in both languages', () => {
    const big = largeSnapshot(400)
    exportAkomaNtoso(big, 'ar')
    const t0 = performance.now()
    const xml = exportAkomaNtoso(big, 'ar') + exportAkomaNtoso(big, 'en')
    const ms = performance.now() - t0
    console.info(
      `Akoma Ntoso export, 400 provisions, ar + en: ${ms.toFixed(1)} ms, ${(xml.length / 1024).toFixed(0)} KiB`,
    )
    expect(xml.match(/<article /g)?.length).toBeGreaterThan(0)
  })
})
