// Loads every national chamber from IPU's "Women in national parliaments" ranking (1 September 2021) as
// context rows (joinedAt null), so the directory and charts can be seen at full scale. The data files are
// not ours to redistribute: they are read at run time from ../shared/data/parliaments (or --from).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { eq, isNotNull } from 'drizzle-orm'
import countries from 'i18n-iso-countries'
import ar from 'i18n-iso-countries/langs/ar.json'
import en from 'i18n-iso-countries/langs/en.json'
import { z } from 'zod'
import { parliamentSearchText } from '~/features/network/parliament.server'
import type { Db } from '~/utils/db.server'
import { chambers, regions, type Chamber, type Region } from './enums'
import { parliament } from './schema/index'

countries.registerLocale(en)
countries.registerLocale(ar)

export const IPU_RANKING_FILE = 'ipu-women-ranking-2021-09-with-iso3.csv'
export const IPU_AS_OF = '2021-09-01'

/** ../shared/data/parliaments beside the project root (where this repository's checkout lives). */
export function defaultWorldDataDir() {
  return path.resolve(fileURLToPath(new URL('../../shared/data/parliaments/', import.meta.url)))
}

/** The ranking's region codes (all six occur in the 2021 file); anything else is an error, not a guess. */
const regionByCode: Record<string, Region> = {
  'SUB-SAHARAN': 'africa',
  AME: 'americas',
  ASIA: 'asia',
  EUR: 'europe',
  MENA: 'middle_east_north_africa',
  PAC: 'pacific',
}

/** Codes the cleaned file gets wrong: ISO 3166's code for The Gambia is GMB. */
const iso3Corrections: Record<string, string> = { GBM: 'GMB' }

// The short, common name of each country, as i18n-iso-countries' Arabic names already are: its English list
// has a few formal ones ("Islamic Republic of Iran", "Moldova, Republic of") that read badly before a colon
// and sort away from the country. Three Arabic names are out of date where the English is current.
const englishNameOverrides: Record<string, string> = {
  BN: 'Brunei',
  CI: "Côte d'Ivoire",
  CN: 'China',
  FM: 'Micronesia',
  GM: 'Gambia',
  IR: 'Iran',
  LA: 'Laos',
  MD: 'Moldova',
  MK: 'North Macedonia',
  RU: 'Russia',
  SY: 'Syria',
  TZ: 'Tanzania',
  US: 'United States',
}
const arabicNameOverrides: Record<string, string> = {
  BY: 'بيلاروس',
  FM: 'ميكرونيسيا',
  MM: 'ميانمار',
  SZ: 'إسواتيني',
}

// Country first, so that a country's chambers sort together in the directory in both languages.
const chamberLabel: Record<Chamber, { en: string; ar: string }> = {
  single: { en: 'parliament', ar: 'البرلمان' },
  lower: { en: 'lower house', ar: 'المجلس الأدنى' },
  upper: { en: 'upper house', ar: 'المجلس الأعلى' },
}

export function worldChamberNames(country: { en: string; ar: string }, chamber: Chamber) {
  return { nameEn: `${country.en}: ${chamberLabel[chamber].en}`, nameAr: `${country.ar}: ${chamberLabel[chamber].ar}` }
}

const WorldChamberSchema = z
  .object({
    kind: z.literal('national'),
    countryCode: z.string().regex(/^[A-Z]{2}$/),
    chamber: z.enum(chambers),
    nameEn: z.string().trim().min(1),
    nameAr: z.string().trim().min(1),
    region: z.enum(regions),
    joinedAt: z.null(),
    ipuSeats: z.number().int().positive(),
    ipuWomen: z.number().int().nonnegative(),
    ipuAsOf: z.iso.date(),
  })
  .refine((c) => c.ipuWomen <= c.ipuSeats, { message: 'more women than seats', path: ['ipuWomen'] })

export type WorldChamber = z.infer<typeof WorldChamberSchema>

/**
 * RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes; CRLF or LF line ends; a
 * leading BOM is dropped. Returns rows of raw strings (an empty last line is not a row).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c !== '"') field += c
      else if (text[i + 1] === '"') {
        field += '"'
        i++
      } else quoted = false
    } else if (c === '"' && field === '') {
      quoted = true
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed before the end of the file')
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

type IpuCountry = {
  line: number
  iso3: string
  name: string
  region: Region
  lower: { seats: number; women: number }
  upper: { seats: number; women: number } | null
}

const requiredColumns = ['country', 'iso3', 'region', 'Seats*', 'Women', 'Seats*.1', 'Women.1'] as const

/** Reads the ranking into one entry per country (the cleaned file lists Armenia twice, once per region). */
export function readIpuRanking(file: string): { countries: IpuCountry[]; notes: string[] } {
  const [header, ...records] = parseCsv(fs.readFileSync(file, 'utf8'))
  if (!header) throw new Error(`${file} is empty`)
  const column = Object.fromEntries(
    requiredColumns.map((name) => {
      const index = header.indexOf(name)
      if (index < 0) throw new Error(`${file}: no "${name}" column (found: ${header.join(', ')})`)
      return [name, index]
    }),
  ) as Record<(typeof requiredColumns)[number], number>

  const notes: string[] = []
  const byIso3 = new Map<string, IpuCountry>()
  records.forEach((record, i) => {
    const line = i + 2
    if (record.length === 1 && record[0]!.trim() === '') return
    const cell = (name: (typeof requiredColumns)[number]) => (record[column[name]] ?? '').trim()
    // "-" (or nothing) means the country has no such chamber.
    const count = (name: (typeof requiredColumns)[number]) => {
      const value = cell(name)
      if (value === '-' || value === '') return null
      if (!/^\d+$/.test(value))
        throw new Error(`${file}:${line}: "${name}" should be a whole number or "-", got "${value}"`)
      return Number(value)
    }
    const name = cell('country')
    const regionCode = cell('region')
    const region = regionByCode[regionCode]
    if (!region) throw new Error(`${file}:${line} (${name}): unknown region "${regionCode}"`)
    const lowerSeats = count('Seats*')
    const lowerWomen = count('Women')
    if (lowerSeats === null || lowerWomen === null)
      throw new Error(`${file}:${line} (${name}): no seats or women for the lower or single house`)
    const upperSeats = count('Seats*.1')
    const upperWomen = count('Women.1')
    if ((upperSeats === null) !== (upperWomen === null))
      throw new Error(`${file}:${line} (${name}): the upper house has seats or women but not both`)
    let iso3 = cell('iso3').toUpperCase()
    const corrected = iso3Corrections[iso3]
    if (corrected) {
      notes.push(`${name}: ISO3 "${iso3}" read as "${corrected}"`)
      iso3 = corrected
    }
    const entry: IpuCountry = {
      line,
      iso3,
      name,
      region,
      lower: { seats: lowerSeats, women: lowerWomen },
      upper: upperSeats === null ? null : { seats: upperSeats, women: upperWomen! },
    }
    const seen = byIso3.get(iso3)
    if (!seen) {
      byIso3.set(iso3, entry)
      return
    }
    if (JSON.stringify([seen.lower, seen.upper]) !== JSON.stringify([entry.lower, entry.upper])) {
      throw new Error(`${file}: ${iso3} is listed on lines ${seen.line} and ${line} with different figures`)
    }
    notes.push(
      `${name} (${iso3}) is listed twice (lines ${seen.line} and ${line})` +
        (seen.region === entry.region ? '' : `; kept the first region, ${seen.region}, not ${entry.region}`),
    )
  })
  return { countries: [...byIso3.values()], notes }
}

function countryNames(alpha2: string) {
  const nameEn = englishNameOverrides[alpha2] ?? countries.getName(alpha2, 'en')
  const nameAr = arabicNameOverrides[alpha2] ?? countries.getName(alpha2, 'ar')
  if (!nameEn || !nameAr) throw new Error(`i18n-iso-countries has no English or Arabic name for ${alpha2}`)
  return { en: nameEn, ar: nameAr }
}

/** The chambers the ranking describes, one row each, validated; `file` is the CSV. */
export function worldChambers(file: string): { rows: WorldChamber[]; notes: string[] } {
  const { countries: ipu, notes } = readIpuRanking(file)
  const rows = ipu.flatMap((c) => {
    const countryCode = countries.alpha3ToAlpha2(c.iso3)
    if (!countryCode) throw new Error(`${file}:${c.line} (${c.name}): "${c.iso3}" is not an ISO 3166-1 alpha-3 code`)
    const names = countryNames(countryCode)
    const figures: [Chamber, { seats: number; women: number }][] = c.upper
      ? [
          ['lower', c.lower],
          ['upper', c.upper],
        ]
      : [['single', c.lower]]
    return figures.map(([chamber, { seats, women }]) => {
      const parsed = WorldChamberSchema.safeParse({
        kind: 'national',
        countryCode,
        chamber,
        ...worldChamberNames(names, chamber),
        region: c.region,
        joinedAt: null,
        ipuSeats: seats,
        ipuWomen: women,
        ipuAsOf: IPU_AS_OF,
      })
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        throw new Error(`${file}:${c.line} (${c.name}, ${chamber}): ${issue.path.join('.')} ${issue.message}`)
      }
      return parsed.data
    })
  })
  return { rows, notes }
}

function resolveRankingFile(from: string) {
  const file = fs.existsSync(from) && fs.statSync(from).isDirectory() ? path.join(from, IPU_RANKING_FILE) : from
  if (!fs.existsSync(file)) {
    throw new Error(
      `IPU ranking not found: ${file}. The world seed reads ${IPU_RANKING_FILE} from ../shared/data/parliaments ` +
        'beside the project (it is not copied into the repository); pass --from DIR (or the CSV itself) to read it elsewhere.',
    )
  }
  return file
}

export type SeedWorldResult = { inserted: number; updated: number; unchanged: number; notes: string[] }

/**
 * Adds or refreshes one row per chamber, matched on country code and chamber. A national row of the same
 * country with no chamber yet (the demo's Qatar and UK rows) becomes its single or lower chamber and keeps
 * its names and joinedAt. Existing rows keep their names; only the chamber and IPU's figures are written.
 * All or nothing, in one transaction; running it again changes nothing.
 */
export function seedWorld(db: Db, { from = defaultWorldDataDir() }: { from?: string } = {}): SeedWorldResult {
  const file = resolveRankingFile(path.resolve(from))
  const { rows, notes } = worldChambers(file)
  const result: SeedWorldResult = { inserted: 0, updated: 0, unchanged: 0, notes }

  db.transaction((tx) => {
    const existing = tx
      .select({
        id: parliament.id,
        countryCode: parliament.countryCode,
        chamber: parliament.chamber,
        ipuSeats: parliament.ipuSeats,
        ipuWomen: parliament.ipuWomen,
        ipuAsOf: parliament.ipuAsOf,
      })
      .from(parliament)
      .where(isNotNull(parliament.countryCode))
      .all()
    const byChamber = new Map(existing.filter((p) => p.chamber).map((p) => [`${p.countryCode}/${p.chamber}`, p]))
    const withoutChamber = new Map<string, typeof existing>()
    for (const p of existing) {
      if (!p.chamber) withoutChamber.set(p.countryCode!, [...(withoutChamber.get(p.countryCode!) ?? []), p])
    }
    // English names are unique; null marks a name this run has just used.
    const idByNameEn = new Map<string, number | null>(
      tx
        .select({ id: parliament.id, nameEn: parliament.nameEn })
        .from(parliament)
        .all()
        .map((p) => [p.nameEn, p.id]),
    )

    for (const row of rows) {
      let match = byChamber.get(`${row.countryCode}/${row.chamber}`)
      if (!match && row.chamber !== 'upper') {
        const candidates = withoutChamber.get(row.countryCode) ?? []
        if (candidates.length > 1) {
          throw new Error(
            `${row.countryCode} has ${candidates.length} national rows without a chamber (ids ${candidates.map((c) => c.id).join(', ')}); ` +
              'set their chambers before seeding the world, so the right one gets IPU’s figures',
          )
        }
        match = candidates[0]
      }
      const figures = { ipuSeats: row.ipuSeats, ipuWomen: row.ipuWomen, ipuAsOf: row.ipuAsOf }
      if (match) {
        const same =
          match.chamber === row.chamber &&
          match.ipuSeats === row.ipuSeats &&
          match.ipuWomen === row.ipuWomen &&
          match.ipuAsOf === row.ipuAsOf
        if (same) result.unchanged++
        else {
          tx.update(parliament)
            .set({ chamber: row.chamber, ...figures, updatedAt: new Date() })
            .where(eq(parliament.id, match.id))
            .run()
          result.updated++
        }
        continue
      }
      const clash = idByNameEn.get(row.nameEn)
      if (clash !== undefined) {
        throw new Error(
          `"${row.nameEn}" (${row.countryCode}, ${row.chamber}) is already the name of ` +
            (clash === null ? 'another chamber in the ranking' : `parliament ${clash}, which is not that chamber`),
        )
      }
      tx.insert(parliament)
        .values({ ...row, website: null, searchText: parliamentSearchText(row) })
        .run()
      idByNameEn.set(row.nameEn, null)
      result.inserted++
    }
  })
  return result
}
