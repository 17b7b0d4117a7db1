// `npm run bench:search`: the library's search on 100,000 resources (or more: BENCH_RESOURCES=1000000, or
// several sizes, BENCH_RESOURCES=100000,1000000, one table each). Generates them into a throwaway database
// (a temporary DATA_DIR, the app's own migrations and reindexing code), then times searchResources — the whole
// function the list page calls: parsing, matching, visibility, filters, facet counts, total, ranking, the page's
// rows and their snippets — for nine kinds of query, and prints p50, p95 and the slowest. Targets: at 100,000
// resources p95 < 15 ms for every kind and no query over 100 ms; at 1,000,000 p95 < 100 ms, none over 250 ms.
//
// The text is real prose cut into pieces: the Arabic and English chapters of the Open Election Data
// Initiative guide and the Universal Declaration of Human Rights from ../shared/data/arabic (see its
// SOURCES.md), so words have natural frequencies and diacritics. Without that folder, a small built-in list
// of words is used instead (said at the start); the figures are then less telling. Every resource is drawn from
// its own seed, so a library of 1,000,000 begins with the same 100,000 as a library of 100,000; the kinds of
// query are defined by shares of the library (a common term is in 20–80 % of it), so they mean the same at
// every size.
//
// The throwaway database is written with its journal in memory and without syncing (PRAGMA journal_mode=MEMORY,
// synchronous=OFF: never the app's settings), then put back in WAL mode before anything is measured.
// Disk: about 545 MB at 100,000 resources, 5.5 GB at 1,000,000 (mostly the text itself: summaries and PDFs).
//
// Environment: BENCH_RESOURCES (default 100000; a comma-separated list for several sizes), BENCH_QUERIES
// (queries of each kind, default 40), BENCH_KEEP=1 to keep the database (its path is printed), BENCH_DATA_DIR
// to use (and keep) a directory: a database already there is grown to the size asked, not generated again.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const reuse = process.env.BENCH_DATA_DIR
const dataDir = reuse ? path.resolve(reuse) : fs.mkdtempSync(path.join(os.tmpdir(), 'parlnet-bench-search-'))
fs.mkdirSync(dataDir, { recursive: true })
const keep = Boolean(reuse) || process.env.BENCH_KEEP === '1'
process.env.DATA_DIR = dataDir
process.env.DEMO = '0'
process.env.MIGRATIONS_DIR ??= path.join(ROOT, 'migrations')

const SIZES = [...new Set((process.env.BENCH_RESOURCES ?? '100000').split(',').map((s) => Number(s.trim())))]
  .filter((n) => Number.isSafeInteger(n) && n > 0)
  .sort((a, b) => a - b)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 40)
/** The targets: p95 and the slowest query, in ms, at a size. */
const target = (size: number) => (size <= 100_000 ? { p95: 15, max: 100 } : { p95: 100, max: 250 })

const { getDb, closeDb } = await import('~/utils/db.server')
const { reindexAllResources, searchResources, clearResourceSearchCaches } =
  await import('~/features/search/search.server')
const { ResourceSearchSchema } = await import('~/features/search/schemas')
const { foldForSearch, stemWord, STOPWORDS } = await import('~/features/search/text')
const { contentLanguages, regions, resolutions, resourceTypes, themes } = await import('#db/enums')

// ------------------------------------------------------------------------------------------------------
// Words

/** A deterministic random source (reseeded per resource and per size, so runs and sizes agree). */
let seed = 20211213
function reseed(value: number) {
  seed = Math.imul(value ^ 0x5bd1e995, 0x9e3779b1) | 0
}
function random() {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
function pickSome<T>(list: readonly T[], lo: number, hi: number) {
  const n = between(lo, hi)
  const chosen = new Set<T>()
  while (chosen.size < Math.min(n, list.length)) chosen.add(pick(list))
  return [...chosen]
}

const WORD = /[\p{L}\p{M}\p{N}\u0640]+/gu

/** Words of markdown or text as written: front matter, links, template tags and footnote marks left out. */
function wordsOf(text: string) {
  const clean = text
    .replace(/^---[\s\S]*?---/, ' ')
    .replace(/\{\{[^}]*\}\}|\{%[^%]*%\}/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\[\^[^\]]*\]/g, ' ')
  return [...clean.matchAll(WORD)].map((m) => m[0]).filter((w) => !/^\d+$/.test(w) || w.length === 4)
}

const corpusDir = path.resolve(ROOT, '../shared/data/arabic')
function readCorpus(lang: 'ar' | 'en') {
  const guide = path.join(corpusDir, 'oedi', lang)
  const udhr = path.join(corpusDir, 'udhr', lang === 'ar' ? 'arb.txt' : 'eng.txt')
  if (!fs.existsSync(guide) || !fs.existsSync(udhr)) return null
  const texts = fs
    .readdirSync(guide)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => fs.readFileSync(path.join(guide, f), 'utf8'))
  return wordsOf([...texts, fs.readFileSync(udhr, 'utf8')].join('\n'))
}

const FALLBACK = {
  en: 'parliament parliamentary oversight committee terrorism counter prevention violent extremism security council resolution law legislation budget hearing report human rights rule of law youth women victims financing assets border fighters foreign return rehabilitation prison online radicalisation infrastructure energy transport cooperation network assembly union member staff training handbook policy brief strategy pillar national plan community education government dialogue support capacity building research analysis model provisions drafting review accountability transparency justice compensation assistance the of and to in for on with by a is that as be are'.split(
    ' ',
  ),
  ar: 'البرلمان البرلمانات البرلمانية برلماني الرقابة اللجنة الإرهاب مكافحة منع التطرف العنيف مجلس الأمن قرار القانون التشريعات الميزانية جلسة تقرير حقوق الإنسان سيادة الشباب المرأة النساء الضحايا تمويل الأصول الحدود المقاتلين الأجانب عودة إعادة التأهيل السجون الإنترنت البنية التحتية الطاقة النقل التعاون الشبكة الجمعية الاتحاد الأعضاء الموظفين التدريب دليل موجز السياسات الاستراتيجية الركيزة الوطنية خطة المجتمع التعليم الحكومة الحوار الدعم القدرات البحث التحليل النموذجية الصياغة المراجعة المساءلة الشفافية العدالة التعويض المساعدة في من على إلى أن التي الذي عن مع هذا'.split(
    ' ',
  ),
}

const arCorpus = readCorpus('ar')
const enCorpus = readCorpus('en')
const usingCorpus = Boolean(arCorpus && enCorpus)
if (!usingCorpus) {
  console.log(`note: ${corpusDir} not found; generating from a small built-in word list (figures less telling).`)
}
const streams = { ar: arCorpus ?? FALLBACK.ar, en: enCorpus ?? FALLBACK.en }

/** `n` words of the language's prose, in runs of 20 to 60 from random places (word frequencies stay natural). */
function prose(lang: 'ar' | 'en', n: number) {
  const stream = streams[lang]
  if (!usingCorpus) return Array.from({ length: n }, () => pick(stream)).join(' ')
  const runs: string[] = []
  for (let left = n; left > 0;) {
    const start = between(0, stream.length - 1)
    const take = Math.min(left, between(20, 60), stream.length - start)
    runs.push(stream.slice(start, start + take).join(' '))
    left -= take
  }
  return runs.join(' ')
}

// Rare words: made-up names (of places, people, projects), a few hundred of them, each in a few dozen summaries
// per 100,000 resources.
const SYLLABLES = {
  en: ['ka', 'ro', 'mi', 'ta', 'len', 'dor', 'vi', 'san', 'bel', 'qu', 'zar', 'ne', 'lo', 'tum', 'gra', 'phi'],
  ar: ['كا', 'رو', 'مي', 'تا', 'لين', 'دور', 'في', 'سان', 'بيل', 'قو', 'زار', 'ني', 'لو', 'توم', 'غرا', 'جي'],
}
reseed(-1)
const rareWords = {
  en: Array.from({ length: 300 }, () => Array.from({ length: 4 }, () => pick(SYLLABLES.en)).join('')),
  ar: Array.from({ length: 300 }, () => Array.from({ length: 4 }, () => pick(SYLLABLES.ar)).join('')),
}
/** Prose, with one in ten getting a rare word somewhere. */
function summary(lang: 'ar' | 'en', n: number) {
  const text = prose(lang, n)
  return random() < 0.1 ? `${text} ${pick(rareWords[lang])}` : text
}

// ------------------------------------------------------------------------------------------------------
// Generating

/** Adds resources until the library holds `size` (resource i always drawn from seed i). */
function generate(from: number, size: number) {
  const client = getDb().$client
  const insertResource = client.prepare(
    `INSERT INTO resource (id, type, title_en, title_ar, summary_en, summary_ar, authors, tags, published_on, year,
       region, visibility, state, published_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertPillar = client.prepare('INSERT INTO resource_pillar (resource_id, pillar) VALUES (?, ?)')
  const insertResolution = client.prepare('INSERT INTO resource_resolution (resource_id, resolution) VALUES (?, ?)')
  const insertTheme = client.prepare('INSERT INTO resource_theme (resource_id, theme) VALUES (?, ?)')
  const insertLanguage = client.prepare('INSERT INTO resource_language (resource_id, language) VALUES (?, ?)')
  const insertFile = client.prepare(
    `INSERT INTO resource_file (resource_id, sha256, size, media_type, original_name, language, extracted_text)
     VALUES (?, ?, ?, 'application/pdf', 'document.pdf', ?, ?)`,
  )
  const pillarNumbers = [1, 2, 3, 4]
  const start = Date.UTC(2005, 0, 1) / 1000
  const span = Date.UTC(2026, 0, 1) / 1000 - start
  let pdfs = 0
  let words = 0
  // Batches of 50,000 in a transaction each (the statements stay prepared).
  for (let batch = from; batch < size; batch += 50_000) {
    client.transaction(() => {
      for (let i = batch; i < Math.min(size, batch + 50_000); i++) {
        reseed(i)
        const id = i + 1
        const r = random()
        const lang = r < 0.45 ? 'ar' : r < 0.8 ? 'en' : 'both'
        const hasEn = lang !== 'ar'
        const hasAr = lang !== 'en'
        const lengths = [between(6, 14), between(6, 14), between(60, 200), between(60, 200)] as const
        const titleEn = hasEn ? prose('en', lengths[0]) : ''
        const titleAr = hasAr ? prose('ar', lengths[1]) : ''
        const summaryEn = hasEn ? summary('en', lengths[2]) : ''
        const summaryAr = hasAr ? summary('ar', lengths[3]) : ''
        words += (hasEn ? lengths[0] + lengths[2] : 0) + (hasAr ? lengths[1] + lengths[3] : 0)
        const publishedAt = start + Math.floor(random() * span)
        const year = new Date(publishedAt * 1000).getUTCFullYear()
        const state = random() < 0.9 ? 'published' : pick(['draft', 'submitted', 'returned'])
        insertResource.run(
          id,
          pick(resourceTypes),
          titleEn,
          titleAr,
          summaryEn,
          summaryAr,
          random() < 0.3 ? prose(hasEn ? 'en' : 'ar', 3) : '',
          random() < 0.5 ? [prose(hasEn ? 'en' : 'ar', 1), prose(hasEn ? 'en' : 'ar', 1)].join(', ') : '',
          `${year}-06-01`,
          year,
          pick(regions),
          random() < 0.85 ? 'public' : 'members',
          state,
          state === 'published' ? publishedAt : null,
          publishedAt,
          publishedAt,
        )
        for (const p of pickSome(pillarNumbers, 1, 2)) insertPillar.run(id, p)
        for (const res of pickSome(resolutions, 0, 2)) insertResolution.run(id, res)
        for (const t of pickSome(themes, 1, 3)) insertTheme.run(id, t)
        const languages = new Set<string>(lang === 'both' ? ['ar', 'en'] : [lang])
        if (random() < 0.15) languages.add(pick(contentLanguages))
        for (const l of languages) insertLanguage.run(id, l)
        // One in twenty has a PDF with a few thousand words of text.
        if (random() < 0.05) {
          const fileLang = hasAr && (!hasEn || random() < 0.5) ? 'ar' : 'en'
          const n = between(1000, 4000)
          const text = prose(fileLang, n)
          words += n
          insertFile.run(id, id.toString(16).padStart(64, '0'), text.length, fileLang, text)
          pdfs++
        }
      }
    })()
  }
  return { pdfs, words }
}

// ------------------------------------------------------------------------------------------------------
// Measuring

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

type BenchQuery = { q: string; params?: Record<string, string | string[]> }

function measure(queries: BenchQuery[]) {
  const times: number[] = []
  const totals: number[] = []
  for (const [round, list] of [
    [0, queries.slice(0, 5)],
    [1, queries],
  ] as const) {
    for (const { q, params } of list) {
      clearResourceSearchCaches()
      const query = ResourceSearchSchema.parse({
        q,
        type: [],
        pillar: [],
        resolution: [],
        theme: [],
        language: [],
        region: [],
        year: [],
        ...params,
      })
      const started = performance.now()
      const result = searchResources(query, null, q && /[\u0600-\u06ff]/.test(q) ? 'ar' : 'en')
      const ms = performance.now() - started
      if (round === 1) {
        times.push(ms)
        totals.push(result.total)
      }
    }
  }
  times.sort((a, b) => a - b)
  totals.sort((a, b) => a - b)
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1)!,
    medianHits: percentile(totals, 50),
    maxHits: totals.at(-1)!,
  }
}

/** Document frequency of every stem in the index (fts5vocab). */
function stemFrequencies() {
  const client = getDb().$client
  client.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, 'resource_fts', 'row')")
  const df = new Map<string, number>()
  for (const [term, doc] of client.prepare('SELECT term, doc FROM temp.bench_vocab').raw().all() as [
    string,
    number,
  ][]) {
    df.set(term, doc)
  }
  return df
}

/** Distinct written words of the prose whose stem is in a share [lo, hi] of the library's resources. */
function wordsWithShare(
  df: Map<string, number>,
  size: number,
  lo: number,
  hi: number,
  filter: (w: string) => boolean = () => true,
) {
  const seen = new Set<string>()
  const out: string[] = []
  for (const w of [...streams.en, ...streams.ar, ...rareWords.en, ...rareWords.ar]) {
    const folded = foldForSearch(w)
    if (!folded || folded.includes(' ') || STOPWORDS.has(folded) || seen.has(folded)) continue
    seen.add(folded)
    const n = df.get(stemWord(folded)) ?? 0
    if (n >= Math.max(1, lo * size) && n <= hi * size && filter(w)) out.push(w)
  }
  return out
}

function sample<T>(list: T[], n: number) {
  const copy = [...list]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy.slice(0, n)
}

/** The kinds of query at this size: label and queries. */
function queryKinds(size: number): [string, BenchQuery[]][] {
  reseed(size)
  const df = stemFrequencies()
  const arabicWithMarks = [...new Set(streams.ar.filter((w) => /[\u064B-\u0652]/.test(w)))]
  const count = (share: number) => Math.round(share * size).toLocaleString('en')
  const rare = wordsWithShare(df, size, 0, 0.002)
  const common = wordsWithShare(df, size, 0.2, 0.8)
  const middle = wordsWithShare(df, size, 0.01, 0.15)
  const prefixes = [
    ...new Set(
      wordsWithShare(df, size, 0.02, 0.8, (w) => foldForSearch(w).length >= 6).map((w) =>
        foldForSearch(w).slice(0, between(3, 5)),
      ),
    ),
  ]
  // A facet click: one filter of the three the list shows first with many values.
  const facets = [
    (): Record<string, string[]> => ({ type: [pick(resourceTypes)] }),
    (): Record<string, string[]> => ({ theme: [pick(themes)] }),
    (): Record<string, string[]> => ({ language: [pick(['ar', 'en', 'fr'])] }),
  ]
  return [
    [`rare terms (≤ ${count(0.002)} documents)`, sample(rare, QUERIES).map((q) => ({ q }))],
    [`common terms (${count(0.2)}–${count(0.8)} docs)`, sample(common, QUERIES).map((q) => ({ q }))],
    ['two terms (common + middle)', sample(common, QUERIES).map((a) => ({ q: `${a} ${pick(middle)}` }))],
    ['Arabic words with diacritics', sample(arabicWithMarks, QUERIES).map((q) => ({ q }))],
    ['prefix queries (3–5 letters*)', sample(prefixes, QUERIES).map((p) => ({ q: `${p}*` }))],
    [
      'common term + a facet filter',
      sample(common, QUERIES).map((q, i) => ({ q, params: facets[i % facets.length]!() })),
    ],
    [
      'common term + two filters',
      sample(common, QUERIES).map((q) => ({ q, params: { type: ['report'], year: ['2019'] } })),
    ],
    ['common term, page 50', sample(common, QUERIES).map((q) => ({ q, params: { page: '50' } }))],
    ['no query (newest, all facets)', Array.from({ length: 10 }, () => ({ q: '' }))],
  ]
}

const ms = (v: number) => `${v.toFixed(1).padStart(6)} ms`
const mb = (bytes: number) => `${(bytes / 1e6).toLocaleString('en', { maximumFractionDigits: 0 })} MB`

/** The database's size on disk: the file and its WAL. */
function diskSize() {
  const file = path.join(dataDir, 'portal.db')
  return [file, `${file}-wal`, `${file}-shm`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0)
}

/**
 * Bulk writing: the rollback journal in memory (out of WAL mode, so the pages are written once, not twice), no
 * syncing (a throwaway database: never the app's settings), a big page cache.
 */
function bulkMode(on: boolean) {
  const client = getDb().$client
  if (on) {
    client.pragma('journal_mode = DELETE')
    client.pragma('journal_mode = MEMORY')
    client.pragma('synchronous = OFF')
    client.pragma('cache_size = -1000000')
  } else {
    client.pragma('journal_mode = WAL')
    client.pragma('synchronous = FULL')
    client.pragma('cache_size = -2000')
  }
}

const wallStarted = performance.now()
let peakDisk = 0
let allMet = true
try {
  console.log(`bench:search — ${SIZES.map((n) => n.toLocaleString('en')).join(', ')} resources in ${dataDir}`)
  for (const size of SIZES) {
    const client = getDb().$client
    const existing = client.prepare('SELECT count(*) FROM resource').pluck().get() as number
    if (existing > size)
      throw new Error(`${dataDir} holds ${existing} resources, more than ${size} (set BENCH_RESOURCES)`)
    if (existing < size) {
      bulkMode(true)
      let started = performance.now()
      const { pdfs, words } = generate(existing, size)
      const generated = (performance.now() - started) / 1000
      started = performance.now()
      const { indexed } = reindexAllResources()
      const reindexed = (performance.now() - started) / 1000
      bulkMode(false)
      peakDisk = Math.max(peakDisk, diskSize())
      console.log(
        `\ngenerated ${(size - existing).toLocaleString('en')} resources (${pdfs.toLocaleString('en')} with PDF text, ${(words / 1e6).toFixed(1)} M words) in ${generated.toFixed(1)} s; ` +
          `indexed ${indexed.toLocaleString('en')} in ${reindexed.toFixed(1)} s (reindexAllResources, optimize included); database ${mb(diskSize())}`,
      )
    }
    const kinds = queryKinds(size)
    const goal = target(size)
    console.log(
      `\n${size.toLocaleString('en')} resources${' '.repeat(Math.max(1, 24 - size.toLocaleString('en').length))}` +
        `${'p50'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}   hits (median / max)`,
    )
    let ok = true
    for (const [label, queries] of kinds) {
      if (!queries.length) {
        console.log(`${label.padEnd(34)}  (no query of this kind in the vocabulary)`)
        continue
      }
      const m = measure(queries)
      ok &&= m.p95 < goal.p95 && m.max < goal.max
      console.log(
        `${label.padEnd(34)}${ms(m.p50)}${ms(m.p95)}${ms(m.max)}   ${m.medianHits.toLocaleString('en')} / ${m.maxHits.toLocaleString('en')}`,
      )
    }
    allMet &&= ok
    console.log(
      `target at ${size.toLocaleString('en')}: p95 < ${goal.p95} ms for every kind and no query over ${goal.max} ms: ${ok ? 'met' : 'NOT met'}` +
        ` (database ${mb(diskSize())})`,
    )
  }
} finally {
  closeDb()
  console.log(
    `\nwall time ${((performance.now() - wallStarted) / 1000).toFixed(0)} s; largest database ${mb(peakDisk || diskSize())}` +
      `${allMet ? '' : '; a target was NOT met'}`,
  )
  if (keep) console.log(`kept ${dataDir}`)
  else fs.rmSync(dataDir, { recursive: true, force: true })
}
