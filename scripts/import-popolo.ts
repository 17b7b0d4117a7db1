// Imports the members of one legislature from a Popolo JSON file (EveryPolitician's exports, for example):
//   npm run import:popolo -- FILE [--parliament ID] [--country CC --region REGION] [--dry-run]
// Prints a preview (new, updated, unchanged, rejected and why), then writes it all in one transaction unless
// --dry-run. Any refusal is one line on stderr and exit code 1, with the database untouched.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { regions, type Region } from '#db/schema/index'
import {
  MAX_POPOLO_BYTES,
  PopoloImportError,
  checkPopoloSize,
  commitPopoloImport,
  parsePopoloJson,
  planPopoloImport,
  summarize,
  type PopoloImportOptions,
  type PopoloImportSummary,
} from '~/features/network/popolo/import.server'
import { closeDb } from '~/utils/db.server'

const USAGE = 'usage: npm run import:popolo -- FILE [--parliament ID] [--country CC --region REGION] [--dry-run]'
const SHOWN_REJECTIONS = 50

function fail(message: string): never {
  // One line, whatever the message carries (a file's names, a JSON error).
  console.error(`import:popolo: ${message.replace(/\s+/g, ' ').trim()}`)
  closeDb()
  process.exit(1)
}

function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        parliament: { type: 'string' },
        country: { type: 'string' },
        region: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    fail(`${(error as Error).message}; ${USAGE}`)
  }
}

function readOptions(values: ReturnType<typeof readArgs>['values'], file: string): PopoloImportOptions {
  const options: PopoloImportOptions = { source: path.basename(file) }
  if (values.parliament !== undefined) {
    if (!/^[1-9][0-9]{0,9}$/.test(values.parliament))
      fail(`--parliament must be a parliament's id (got "${values.parliament}")`)
    options.parliamentId = Number(values.parliament)
  }
  if (values.country !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(values.country)) fail(`--country must be a two-letter ISO code (got "${values.country}")`)
    options.countryCode = values.country.toUpperCase()
  }
  if (values.region !== undefined) {
    if (!(regions as readonly string[]).includes(values.region)) fail(`--region must be one of ${regions.join(', ')}`)
    options.region = values.region as Region
  }
  return options
}

/** Stat first: a file over the limit is refused without reading a byte of it. */
function readFile(file: string) {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch (error) {
    fail(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    )
  }
  if (!stat.isFile()) fail(`${file} is not a file`)
  checkPopoloSize(stat.size, MAX_POPOLO_BYTES)
  return fs.readFileSync(file)
}

function pad(cells: (string | number)[], widths: number[]) {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ')
}

function printPreview(file: string, s: PopoloImportSummary) {
  const p = s.parliament
  const lines = [`Popolo import of ${path.basename(file)}`]
  if (s.legislature) {
    const names = [s.legislature.nameEn, s.legislature.nameAr].filter(Boolean).join(' / ')
    lines.push(`Legislature in the file: ${names} ("${s.legislature.id}")`)
  }
  if (p.match === 'new') {
    lines.push(
      `Parliament: new, ${[p.nameEn, p.nameAr].filter(Boolean).join(' / ')} (${p.kind}, ${p.countryCode}, ${p.region})`,
    )
  } else {
    const how = { option: 'chosen with --parliament', members: 'where its people already are', name: 'same name' }[
      p.matchedBy
    ]
    lines.push(`Parliament: #${p.match} ${[p.nameEn, p.nameAr].filter(Boolean).join(' / ')} (${how})`)
  }
  const widths = [12, 6, 6, 8, 10, 8, 9]
  lines.push(
    '',
    pad(['', 'total', 'new', 'updated', 'unchanged', 'ignored', 'rejected'], widths),
    pad(
      [
        'persons',
        s.persons.total,
        s.persons.new,
        s.persons.updated,
        s.persons.unchanged,
        '-',
        s.persons.rejected.length,
      ],
      widths,
    ),
    pad(
      [
        'memberships',
        s.memberships.total,
        s.memberships.new,
        s.memberships.updated,
        s.memberships.unchanged,
        s.memberships.ignored,
        s.memberships.rejected.length,
      ],
      widths,
    ),
  )
  const list = <T>(title: string, items: T[], line: (item: T) => string) => {
    if (items.length === 0) return
    lines.push('', `${title}:`, ...items.slice(0, SHOWN_REJECTIONS).map((item) => `  ${line(item)}`))
    if (items.length > SHOWN_REJECTIONS) lines.push(`  … and ${items.length - SHOWN_REJECTIONS} more`)
  }
  list('Rejected persons', s.persons.rejected, (r) => `${r.id}${r.name ? ` (${r.name})` : ''}: ${r.reason}`)
  list(
    'Rejected memberships',
    s.memberships.rejected,
    (r) => `${r.id} (person ${r.personId || '?'}, organization ${r.organizationId || '?'}): ${r.reason}`,
  )
  list(
    'Genders not understood, stored as unknown',
    s.persons.unreadGenders,
    (g) => `"${g.value}": ${g.persons} persons`,
  )
  console.log(lines.join('\n'))
}

function counts(s: PopoloImportSummary) {
  const { persons: p, memberships: m } = s
  return (
    `persons ${p.new} new, ${p.updated} updated, ${p.unchanged} unchanged, ${p.rejected.length} rejected; ` +
    `memberships ${m.new} new, ${m.updated} updated, ${m.unchanged} unchanged, ${m.ignored} ignored, ${m.rejected.length} rejected`
  )
}

const { values, positionals } = readArgs()
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
if (positionals.length !== 1)
  fail(positionals.length === 0 ? `no file given; ${USAGE}` : `one file at a time; ${USAGE}`)
const file = positionals[0]!
const options = readOptions(values, file)

try {
  const started = performance.now()
  const plan = planPopoloImport(parsePopoloJson(readFile(file)), options)
  printPreview(file, summarize(plan))
  if (values['dry-run']) {
    console.log(`\nDry run, nothing written: ${counts(plan)}.`)
  } else {
    const result = commitPopoloImport(plan, options, null)
    const ms = Math.round(performance.now() - started)
    console.log(
      result.written
        ? `\nImported into parliament #${result.parliamentId} in ${ms} ms: ${counts(result)}.`
        : `\nNothing to write, parliament #${result.parliamentId} already holds this file: ${counts(result)}.`,
    )
  }
  closeDb()
} catch (error) {
  if (error instanceof PopoloImportError) fail(error.message)
  fail(`the import failed and nothing was written: ${(error as Error).message}`)
}
