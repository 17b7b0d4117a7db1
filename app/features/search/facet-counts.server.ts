// Filters and facet counts: the query's filters as bit masks, and the counting loop over the facet table.
//   decided by the same rule as the rest of the library.
import {
  contentLanguages,
  regions,
  resolutions,
  resourceTypes,
  themes,
  type ContentLanguage,
  type Pillar,
  type Region,
  type Resolution,
  type ResourceType,
  type Theme,
} from '#db/enums'
import type { Language } from '~/utils/i18n'
import { type ParsedQuery } from './query'
import { type Segment } from './snippet'
import type { ResourceSearchQuery } from './schemas'
import type { ResourceSort } from './search-params'
import {
  FacetTable,
  YEAR_BASE,
  YEAR_SPAN,
  languageBit,
  regionIndex,
  resolutionBit,
  themeBit,
  typeIndex,
} from './facet-table.server'
import { scratch } from './shared.server'

export type FacetCount<T> = { value: T; count: number }
export type ResourceFacets = {
  type: FacetCount<ResourceType>[]
  pillar: FacetCount<Pillar>[]
  resolution: FacetCount<Resolution>[]
  theme: FacetCount<Theme>[]
  language: FacetCount<ContentLanguage>[]
  region: FacetCount<Region>[]
  year: FacetCount<number>[]
}

export type { Segment }

export type ResourceSearchRow = {
  id: number
  type: ResourceType
  titleEn: string
  titleAr: string
  summaryEn: string
  summaryAr: string
  visibility: 'public' | 'members'
  publishedOn: string | null
  publishedAt: Date | null
  year: number | null
  themes: Theme[]
  /** The title in the page's language (or the other), its matching words marked; `lang` set on fallback. */
  title: { segments: Segment[]; lang: Language | undefined }
  /** About 30 words around the first match, from the best field; `lang` set when not the page's language. */
  snippet: { segments: Segment[]; lang: Language | undefined } | null
}

export type ResourceSearchResult = {
  rows: ResourceSearchRow[]
  total: number
  page: number
  pageSize: number
  sort: ResourceSort
  facets: ResourceFacets
  /** Why the query could not be searched (the page says so; nothing is listed). */
  problem: Exclude<ParsedQuery['problem'], 'empty'>
  /** The query was cut (too long, too many words): the page says so. */
  capped: boolean
}

/** A filter as a bit mask over a facet's codes (0: not filtering). */
export function maskOf<T>(values: T[], code: (v: T) => number | undefined) {
  let mask = 0
  for (const v of values) {
    const c = code(v)
    if (c !== undefined) mask |= 2 ** c
  }
  return mask
}

export type Filters = {
  type: number
  region: number
  pillar: number
  resolution: number
  theme: number
  language: number
  years: Uint8Array | null
}

export function isFiltering(f: Filters) {
  return Boolean(f.type || f.region || f.years || f.pillar || f.resolution || f.theme || f.language)
}

export function compileFilters(query: ResourceSearchQuery): Filters {
  let years: Uint8Array | null = null
  if (query.year.length) {
    years = new Uint8Array(YEAR_SPAN)
    for (const y of query.year) if (y > YEAR_BASE && y < YEAR_BASE + YEAR_SPAN) years[y - YEAR_BASE] = 1
  }
  return {
    type: maskOf(query.type, (v) => typeIndex.get(v)),
    region: maskOf(query.region, (v) => regionIndex.get(v)),
    pillar: maskOf(query.pillar, (v) => v - 1),
    resolution: maskOf(query.resolution, (v) => resolutionBit.get(v)),
    theme: maskOf(query.theme, (v) => themeBit.get(v)),
    language: maskOf(query.language, (v) => languageBit.get(v)),
    years,
  }
}

// The facets while counting: their number, their array in the facet table, their histogram's size.
export const F_TYPE = 0
export const F_REGION = 1
export const F_YEAR = 2
export const F_PILLAR = 3
export const F_RESOLUTION = 4
export const F_THEME = 5
export const F_LANGUAGE = 6
export const HISTOGRAM_SIZES = [
  16,
  16,
  YEAR_SPAN,
  16,
  1 << resolutions.length,
  1 << themes.length,
  1 << contentLanguages.length,
]

export type Counts = {
  type: Int32Array
  region: Int32Array
  year: Int32Array
  pillar: Int32Array
  resolution: Int32Array
  theme: Int32Array
  language: Int32Array
}

/** A multi-valued facet's counts from the histogram of its bit masks: each mask's count added to its bits. */
export function bitCounts(histogram: Int32Array, size: number) {
  const counts = new Int32Array(size)
  for (let mask = 1; mask < histogram.length; mask++) {
    const n = histogram[mask]!
    if (n) for (let m = mask; m; m &= m - 1) counts[31 - Math.clz32(m & -m)]! += n
  }
  return counts
}

/**
 * What the viewer may see among the candidates (every resource, or the query's matches) and the filters keep
 * (the hits, ascending), with the facet counts, in one pass: a histogram per facet of the hits' codes (bit masks
 * for the multi-valued ones), turned into counts at the end. A facet's counts ignore its own filter, so the
 * other values of a filter in use stay visible with what choosing them would give: a resource failing only
 * that filter counts in that facet. About 1.5 ms for 100,000 candidates.
 */
export function tally(table: FacetTable, candidates: Int32Array | null, filters: Filters, level: number) {
  const { listed, type, region, year, pillars, resolutions: res, themes: th, languages: lang } = table
  const codes = [type, region, year, pillars, res, th, lang]
  const n = candidates ? candidates.length : table.capacity
  const capacity = table.capacity
  const hits = scratch(n)
  let total = 0
  const f = filters
  const filtering = isFiltering(f)
  const hType = new Int32Array(HISTOGRAM_SIZES[F_TYPE]!)
  const hRegion = new Int32Array(HISTOGRAM_SIZES[F_REGION]!)
  const hYear = new Int32Array(HISTOGRAM_SIZES[F_YEAR]!)
  const hPillar = new Int32Array(HISTOGRAM_SIZES[F_PILLAR]!)
  const hResolution = new Int32Array(HISTOGRAM_SIZES[F_RESOLUTION]!)
  const hTheme = new Int32Array(HISTOGRAM_SIZES[F_THEME]!)
  const hLanguage = new Int32Array(HISTOGRAM_SIZES[F_LANGUAGE]!)
  // Per facet, the histogram of the resources that fail its filter only.
  const near = filtering ? HISTOGRAM_SIZES.map((size) => new Int32Array(size)) : []
  for (let i = 0; i < n; i++) {
    const id = candidates ? candidates[i]! : i
    if (id >= capacity || listed[id]! < level) continue
    if (filtering) {
      let fails = 0
      let failed = 0
      if (f.type && !(f.type & (1 << type[id]!))) {
        fails++
        failed = F_TYPE
      }
      if (f.region && !(f.region & (1 << region[id]!))) {
        fails++
        failed = F_REGION
      }
      if (f.years && !f.years[year[id]!]) {
        fails++
        failed = F_YEAR
      }
      if (f.pillar && !(f.pillar & pillars[id]!)) {
        fails++
        failed = F_PILLAR
      }
      if (f.resolution && !(f.resolution & res[id]!)) {
        fails++
        failed = F_RESOLUTION
      }
      if (f.theme && !(f.theme & th[id]!)) {
        fails++
        failed = F_THEME
      }
      if (f.language && !(f.language & lang[id]!)) {
        fails++
        failed = F_LANGUAGE
      }
      if (fails === 1) near[failed]![codes[failed]![id]!]!++
      if (fails) continue
    }
    hits[total++] = id
    hType[type[id]!]!++
    hRegion[region[id]!]!++
    hYear[year[id]!]!++
    hPillar[pillars[id]!]!++
    hResolution[res[id]!]!++
    hTheme[th[id]!]!++
    hLanguage[lang[id]!]!++
  }
  const add = (histogram: Int32Array, facet: number) => {
    if (filtering) near[facet]!.forEach((v, i) => (histogram[i]! += v))
    return histogram
  }
  const counts: Counts = {
    type: add(hType, F_TYPE),
    region: add(hRegion, F_REGION),
    year: add(hYear, F_YEAR),
    pillar: bitCounts(add(hPillar, F_PILLAR), 4),
    resolution: bitCounts(add(hResolution, F_RESOLUTION), resolutions.length),
    theme: bitCounts(add(hTheme, F_THEME), themes.length),
    language: bitCounts(add(hLanguage, F_LANGUAGE), contentLanguages.length),
  }
  return { hits: hits.slice(0, total), counts }
}

export function facetList(counts: Counts, query: ResourceSearchQuery): ResourceFacets {
  // Values with results, and the chosen ones even at 0 (so they can be unchosen).
  const keep = <T>(value: T, count: number, chosen: readonly T[]) => count > 0 || chosen.includes(value)
  const years: FacetCount<number>[] = []
  for (let i = YEAR_SPAN - 1; i > 0; i--) {
    const year = YEAR_BASE + i
    if (keep(year, counts.year[i]!, query.year)) years.push({ value: year, count: counts.year[i]! })
  }
  return {
    type: resourceTypes
      .map((value, i) => ({ value, count: counts.type[i + 1]! }))
      .filter((f) => keep(f.value, f.count, query.type)),
    pillar: ([1, 2, 3, 4] as const)
      .map((value, i) => ({ value, count: counts.pillar[i]! }))
      .filter((f) => keep(f.value, f.count, query.pillar)),
    resolution: resolutions
      .map((value, i) => ({ value, count: counts.resolution[i]! }))
      .filter((f) => keep(f.value, f.count, query.resolution)),
    theme: themes
      .map((value, i) => ({ value, count: counts.theme[i]! }))
      .filter((f) => keep(f.value, f.count, query.theme)),
    language: contentLanguages
      .map((value, i) => ({ value, count: counts.language[i]! }))
      .filter((f) => keep(f.value, f.count, query.language)),
    region: regions
      .map((value, i) => ({ value, count: counts.region[i + 1]! }))
      .filter((f) => keep(f.value, f.count, query.region)),
    year: years,
  }
}

/** What tally returns (the facet table keeps the library's first page of it, per viewer level). */
export type Tally = ReturnType<typeof tally>
