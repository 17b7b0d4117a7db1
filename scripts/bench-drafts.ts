// `npm run bench:drafts`: how long a large draft takes to show, to compare and to export (issue 15). In a throwaway
// DATA_DIR it loads the demo (for its coordinator's account), then builds through the drafts feature's own functions
// a draft of 400 provisions (2 parts, 10 chapters, 130 articles, 258 paragraphs; Arabic and English bodies of real
// prose lengths) with 20 saved versions, edits and moves between them, comments and amendments. Then it measures:
//   - the draft's page, GET /en/drafts/{id} and /ar/drafts/{id} on the built portal (server.mjs, NODE_ENV=production,
//     BUILD_DIR respected) signed in as the demo coordinator through the real sign-in form; the time is the server's
//     own (its request log: from the request's arrival to the end of the answer), p50/p95 over BENCH_REQUESTS
//     sequential requests after a warm-up;
//   - the data the page reads, in this process: loadWorkingTree + numberProvisions + countOpenComments +
//     countOpenAmendments (also when the page is not there yet, and said so);
//   - comparing version 1 with version 20: compareSnapshots in this process (with and without reading both versions),
//     and GET /en/drafts/{id}/compare?from=1&to=20 when the portal has that page;
//   - the exports of version 20: exportAkomaNtoso in each language, exportDocx (both languages).
// It prints one table with the targets (page < 50 ms server time, compare < 200 ms, exports < 1 s) and the load
// average. Numbers only: nothing here fails because of a time.
//
// Text: bodies are taken from ../shared/data/arabic/udhr (the Universal Declaration of Human Rights in Arabic and
// English, which that folder's README lets tests and benchmarks read), only into the throwaway database; where the
// folder is absent, generated sentences of the same lengths stand in (and the script says so).
//
// Environment: BENCH_REQUESTS (requests per page, default 50), BENCH_RUNS (in-process runs per cell, default 30;
// a third of that for the Word export), BUILD_DIR (default build), KEEP_DATA=1 (keep the throwaway folder and print it).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BUILD_DIR = process.env.BUILD_DIR || 'build'
const REQUESTS = positive('BENCH_REQUESTS', 50)
const RUNS = positive('BENCH_RUNS', 30)
const COORDINATOR = { email: 'coordinator@demo.parlnet.example', password: 'demo-coordinator-password' }
const SHARED_TEXT = path.join(ROOT, '..', 'shared', 'data', 'arabic', 'udhr')

function positive(name: string, fallback: number) {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number (got ${raw})`)
  return n
}

// The throwaway data folder, set before any module reads the configuration.
const tempDir = mkdtempSync(path.join(os.tmpdir(), 'parlnet-bench-drafts-'))
const dataDir = path.join(tempDir, 'data')
process.env.DATA_DIR = dataDir
process.env.DEMO = '0'
process.env.SMTP_URL = '' // mail stays in the throwaway outbox
process.env.LOG_REQUESTS = '0'

let server: ChildProcess | undefined
process.on('exit', () => {
  server?.kill('SIGKILL')
  if (process.env.KEEP_DATA !== '1') rmSync(tempDir, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))

const { seedDemo } = await import('#db/seed')
const { getDb, closeDb } = await import('~/utils/db.server')
const schema = await import('#db/schema/index')
const { and, eq } = await import('drizzle-orm')
const drafts = {
  ...(await import('~/features/drafts/draft.server')),
  ...(await import('~/features/drafts/provision.server')),
  ...(await import('~/features/drafts/version.server')),
  ...(await import('~/features/drafts/tree.server')),
  ...(await import('~/features/drafts/comment.server')),
  ...(await import('~/features/drafts/amendment.server')),
  ...(await import('~/features/drafts/numbering')),
  ...(await import('~/features/drafts/compare')),
  ...(await import('~/features/drafts/akn-export.server')),
  ...(await import('~/features/drafts/docx-export.server')),
}
type Node = import('~/features/drafts/schemas').ProvisionTreeNode

function check<T>(step: string, result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`${step} was refused (${result.error})`)
  return result.value
}

// ---------------------------------------------------------------------------------------------
// Text of realistic lengths

function loadProse(): { en: string[]; ar: string[]; source: string } {
  const read = (lang: string) =>
    readFileSync(path.join(SHARED_TEXT, `${lang}.txt`), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 60)
  if (existsSync(path.join(SHARED_TEXT, 'arb.txt')) && existsSync(path.join(SHARED_TEXT, 'eng.txt')))
    return { en: read('eng'), ar: read('arb'), source: 'UDHR prose from ../shared/data/arabic/udhr' }
  const en = 'The competent authority shall take the measures that this Law requires without delay'
  const ar = 'تتخذ السلطة المختصة التدابير التي يقتضيها هذا القانون دون تأخير وفقًا لأحكامه'
  const make = (s: string) => Array.from({ length: 40 }, (_, i) => `${s} (${i + 1}). `.repeat(1 + (i % 4)).trim())
  return { en: make(en), ar: make(ar), source: '../shared/data/arabic/udhr is absent: generated sentences' }
}
const prose = loadProse()
const body = (lang: 'en' | 'ar', i: number) => {
  const list = prose[lang]
  // One paragraph in three holds two sentences of the source, as a long paragraph of a law does.
  return i % 3 === 0 ? `${list[i % list.length]} ${list[(i + 7) % list.length]}` : list[i % list.length]!
}
const texts = (enHeading: string, arHeading: string, i: number | null) => ({
  en: { heading: enHeading, body: i === null ? '' : body('en', i) },
  ar: { heading: arHeading, body: i === null ? '' : body('ar', i) },
})

/** 2 parts × 5 chapters × 13 articles; 2 paragraphs per article but the last two (1 each): 400 provisions. */
function buildTree(): Node[] {
  let paragraphs = 0
  let articles = 0
  return [1, 2].map((partNo) => ({
    kind: 'part',
    texts: texts(`Part ${partNo} heading`, `عنوان الباب ${partNo}`, null),
    children: [1, 2, 3, 4, 5].map((chapterNo) => ({
      kind: 'chapter',
      texts: texts(`Chapter heading ${partNo}.${chapterNo}`, `عنوان الفصل ${partNo}.${chapterNo}`, null),
      children: Array.from({ length: 13 }, () => {
        articles++
        const count = articles > 128 ? 1 : 2
        return {
          kind: 'article',
          texts: texts(
            `Obligations of the competent authority ${articles}`,
            `التزامات السلطة المختصة ${articles}`,
            null,
          ),
          children: Array.from({ length: count }, () => {
            paragraphs++
            return { kind: 'paragraph', texts: texts('', '', paragraphs), children: [] } satisfies Node
          }),
        } satisfies Node
      }),
    })),
  }))
}

// ---------------------------------------------------------------------------------------------
// The draft

function buildDraft() {
  const db = getDb()
  const person = (email: string) => {
    const u = db.select().from(schema.user).where(eq(schema.user.email, email)).get()!
    return { id: u.id, name: u.name, role: u.role, parliamentId: u.parliamentId }
  }
  const coordinator = person(COORDINATOR.email)
  const member = person('member@demo.parlnet.example')
  const leads = db.select({ id: schema.parliament.id }).from(schema.parliament).limit(2).all()
  const { id } = check(
    'createDraft',
    drafts.createDraft(
      {
        kind: 'model_law',
        titleEn: 'Benchmark model law of 400 provisions',
        titleAr: 'قانون نموذجي للقياس من 400 حكم',
        summaryEn: 'A draft made by scripts/bench-drafts.ts.',
        summaryAr: 'مسودة أنشأها برنامج القياس.',
        originalLanguage: 'ar',
        coordinatorId: coordinator.id,
        leadParliamentIds: leads.map((l) => l.id),
        editorIds: [member.id],
        visibility: 'public',
      },
      coordinator,
    ),
  )
  const current = () => drafts.getDraft(id)!
  check('addProvisionTree', drafts.addProvisionTree(current(), buildTree(), coordinator))
  const rows = () =>
    db
      .select({ id: schema.provision.id, kind: schema.provision.kind, revision: schema.provision.revision })
      .from(schema.provision)
      .where(eq(schema.provision.draftId, id))
      .orderBy(schema.provision.id)
      .all()
  const paragraphs = rows().filter((r) => r.kind === 'paragraph')
  const chapters = rows().filter((r) => r.kind === 'chapter')
  const articles = rows().filter((r) => r.kind === 'article')

  const edit = (version: number) => {
    // Ten paragraphs change in both languages (a few words each), and one article in two versions moves chapter.
    for (let k = 0; k < 10; k++) {
      const p = paragraphs[(version * 37 + k * 23) % paragraphs.length]!
      const revision = db
        .select({ r: schema.provision.revision })
        .from(schema.provision)
        .where(eq(schema.provision.id, p.id))
        .get()!.r
      const words = drafts.getProvisionTexts(p.id)
      check(
        'saveProvisionText',
        drafts.saveProvisionText(
          current(),
          p.id,
          {
            baseRevision: revision,
            texts: {
              en: { heading: '', body: `${words.en!.body} It applies from version ${version} on.` },
              ar: {
                heading: '',
                body: `${words.ar!.body.replace('في', 'على')} ويسري ذلك اعتبارًا من النسخة ${version}.`,
              },
            },
          },
          version % 2 ? coordinator : member,
        ),
      )
    }
    if (version % 2 === 0) {
      const a = articles[(version * 13) % articles.length]!
      const to = chapters[(version * 3) % chapters.length]!
      check('moveProvision', drafts.moveProvision(current(), a.id, { parentId: to.id, position: 0 }, coordinator))
    }
  }

  for (let version = 1; version <= 20; version++) {
    if (version > 1) edit(version)
    if (version === 11) {
      check(
        'moveDraftStage',
        drafts.moveDraftStage(
          current(),
          { to: 'consultation', closesAt: new Date(Date.now() + 30 * 86_400_000) },
          coordinator,
        ),
      )
      // 40 comment threads (10 of them with a reply), 20 amendments: 15 left open, 3 accepted, 2 rejected.
      const d = current()
      for (let k = 0; k < 40; k++) {
        const p = paragraphs[(k * 17) % paragraphs.length]!
        const c = check('postComment', drafts.postComment(d, p.id, { body: body('ar', k + 3) }, member))
        if (k % 4 === 0)
          check('replyToComment', drafts.replyToComment(d, c.id, { body: body('en', k + 5) }, coordinator))
      }
      for (let k = 0; k < 20; k++) {
        const p = paragraphs[(k * 29 + 5) % paragraphs.length]!
        const a = check(
          'proposeAmendment',
          drafts.proposeAmendment(
            d,
            p.id,
            { kind: 'replace', texts: texts('', '', k + 11), justification: body('en', k + 2) },
            member,
          ),
        )
        if (k < 3) check('acceptAmendment', drafts.acceptAmendment(current(), a.id, {}, coordinator))
        else if (k < 5)
          check('rejectAmendment', drafts.rejectAmendment(current(), a.id, { reason: body('en', k) }, coordinator))
      }
    }
    check('saveVersion', drafts.saveVersion(current(), { note: `Version ${version}` }, coordinator))
  }
  const count = db
    .select({ id: schema.provision.id })
    .from(schema.provision)
    .where(and(eq(schema.provision.draftId, id)))
    .all().length
  return { id, provisions: count }
}

// ---------------------------------------------------------------------------------------------
// Measuring

type Figures = { p50: number; p95: number; n: number }

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
function figures(times: number[]): Figures {
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length }
}

async function timeIt(runs: number, fn: () => unknown): Promise<Figures> {
  for (let i = 0; i < Math.min(3, runs); i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return figures(times)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** The built portal on the throwaway data, its request log kept (one line per answer, with the server's time). */
async function startPortal() {
  if (!existsSync(path.join(ROOT, BUILD_DIR, 'server', 'index.js')))
    throw new Error(`no ${BUILD_DIR}/server/index.js: run the build first (npm run bench:drafts does)`)
  const port = await freePort()
  const child = spawn(process.execPath, ['server.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO: '0',
      LOG_REQUESTS: '1',
      SMTP_URL: '',
      BUILD_DIR,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server = child
  const log: string[] = []
  let tail = ''
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (tail + chunk.toString()).split('\n')
    tail = lines.pop()!
    log.push(...lines)
  })
  let errors = ''
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the portal exited before answering:\n${errors}`)
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })
      await res.arrayBuffer()
      if (res.ok) return { url, log, pid: child.pid! }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`the portal did not answer /healthz within 30 s:\n${errors}`)
}

/** Signs the coordinator in through the real form (as bench-pages does for the member); the `session=…` pair. */
async function signIn(url: string) {
  const res = await fetch(`${url}/en/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'lang=en' },
    body: new URLSearchParams({ email: COORDINATOR.email, password: COORDINATOR.password, redirectTo: '/en' }),
  })
  await res.arrayBuffer()
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((pair) => pair.startsWith('session=') && pair.length > 'session='.length)
  if (res.status < 300 || res.status >= 400 || !session) throw new Error(`signing in answered ${res.status}`)
  return session
}

type PageResult = { status: number; server?: Figures; client?: Figures; cpuMs?: number }

/** The portal's CPU time so far (user + system, ms), from /proc: what a request costs whatever else the machine runs. */
function cpuTimeOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name; in clock ticks (100/s).
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}

/** GETs the page REQUESTS times in a row (after 5 unmeasured); the server's times come from its request log. */
async function measurePage(
  portal: { url: string; log: string[]; pid: number },
  page: string,
  cookie: string,
): Promise<PageResult> {
  const lang = page.slice(1, 3)
  const get = async () => {
    const res = await fetch(portal.url + page, { headers: { cookie: `lang=${lang}; ${cookie}` }, redirect: 'manual' })
    await res.arrayBuffer()
    return res.status
  }
  const status = await get()
  if (status !== 200) return { status }
  for (let i = 0; i < 4; i++) await get()
  const pathOnly = page.split('?')[0]!
  const logged = () => portal.log.filter((line) => line.includes(` GET ${pathOnly} 200 `)).length
  const before = logged()
  const client: number[] = []
  const cpuBefore = cpuTimeOf(portal.pid)
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now()
    await get()
    client.push(performance.now() - start)
  }
  // The log line is written when the answer has gone: give the last one a moment to arrive.
  for (let i = 0; i < 20 && logged() < before + REQUESTS; i++) await new Promise((r) => setTimeout(r, 50))
  const server = portal.log
    .filter((line) => line.includes(` GET ${pathOnly} 200 `))
    .slice(before)
    .map((line) => Number(/ (\d+(?:\.\d+)?)ms$/.exec(line)?.[1]))
    .filter((ms) => Number.isFinite(ms))
  const cpuAfter = cpuTimeOf(portal.pid)
  const cpuMs = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / REQUESTS : undefined
  return { status, server: server.length ? figures(server) : undefined, client: figures(client), cpuMs }
}

// ---------------------------------------------------------------------------------------------

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`

async function main() {
  const loadAtStart = load()
  const started = performance.now()
  await seedDemo(getDb())
  const { id, provisions } = buildDraft()
  const versions = drafts.listVersions(id).length
  const setup = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`draft ${id}: ${provisions} provisions, ${versions} versions, built in ${setup} s; text: ${prose.source}`)

  const rows: { what: string; how: string; p50: string; p95: string; target: string }[] = []
  const add = (what: string, how: string, f: Figures | string, target: string) =>
    rows.push({
      what,
      how,
      p50: typeof f === 'string' ? f : ms(f.p50),
      p95: typeof f === 'string' ? '' : ms(f.p95),
      target,
    })

  // In this process first, while the portal is not running.
  const data = await timeIt(RUNS, () => {
    const tree = drafts.loadWorkingTree(id)!
    drafts.numberProvisions(tree.snapshot.provisions)
    drafts.countOpenComments(id)
    drafts.countOpenAmendments(id)
  })
  const v1 = drafts.getVersion(id, 1)!.snapshot
  const v20 = drafts.getVersion(id, 20)!.snapshot
  const comparison = drafts.compareSnapshots(v1, v20)
  const compare = await timeIt(RUNS, () => drafts.compareSnapshots(v1, v20))
  const compareWithRead = await timeIt(RUNS, () =>
    drafts.compareSnapshots(drafts.getVersion(id, 1)!.snapshot, drafts.getVersion(id, 20)!.snapshot),
  )
  const aknEn = await timeIt(RUNS, () => drafts.exportAkomaNtoso(v20, 'en'))
  const aknAr = await timeIt(RUNS, () => drafts.exportAkomaNtoso(v20, 'ar'))
  const docxRuns = Math.max(3, Math.round(RUNS / 3))
  const docx = await timeIt(docxRuns, () => drafts.exportDocx(v20))
  const sizes = {
    aknEn: Buffer.byteLength(drafts.exportAkomaNtoso(v20, 'en')),
    aknAr: Buffer.byteLength(drafts.exportAkomaNtoso(v20, 'ar')),
    docx: (await drafts.exportDocx(v20)).byteLength,
  }
  closeDb()

  const pages: [string, string][] = [
    [`/en/drafts/${id}`, 'page < 50 ms'],
    [`/ar/drafts/${id}`, 'page < 50 ms'],
    [`/en/drafts/${id}/compare?from=1&to=20`, 'compare < 200 ms'],
  ]
  const served: Record<string, PageResult> = {}
  // Without a build (or a portal that will not start) the in-process figures are still printed, and why not the rest.
  let portalProblem: string | null = null
  try {
    const portal = await startPortal()
    const cookie = await signIn(portal.url)
    for (const [page] of pages) served[page] = await measurePage(portal, page, cookie)
  } catch (error) {
    portalProblem = error instanceof Error ? error.message : String(error)
  }
  server?.kill('SIGTERM')

  for (const [page, target] of pages) {
    const r = served[page]
    if (!r) add(`GET ${page}`, 'portal not measured (below)', '-', target)
    else if (r.status !== 200) add(`GET ${page}`, `portal answered ${r.status}`, `${r.status}: not measured`, target)
    else {
      add(`GET ${page}`, `server time, ${REQUESTS} requests`, r.server ?? 'no log lines', target)
      if (r.client) add(`GET ${page}`, 'round trip (client)', r.client, '')
      if (r.cpuMs !== undefined) add(`GET ${page}`, 'server CPU per request (mean)', ms(r.cpuMs), '')
    }
  }
  add('page data', `loadWorkingTree + numberProvisions + counts, ${RUNS} runs`, data, 'page < 50 ms')
  add('compare v1 → v20', `compareSnapshots, ${RUNS} runs`, compare, 'compare < 200 ms')
  add('compare v1 → v20', `getVersion ×2 + compareSnapshots, ${RUNS} runs`, compareWithRead, 'compare < 200 ms')
  add('Akoma Ntoso, en', `exportAkomaNtoso v20, ${RUNS} runs, ${sizes.aknEn} B`, aknEn, 'export < 1 s')
  add('Akoma Ntoso, ar', `exportAkomaNtoso v20, ${RUNS} runs, ${sizes.aknAr} B`, aknAr, 'export < 1 s')
  add('Word (.docx)', `exportDocx v20 (ar + en), ${docxRuns} runs, ${sizes.docx} B`, docx, 'export < 1 s')

  const header = { what: 'what', how: 'how', p50: 'p50', p95: 'p95', target: 'target' }
  const cols = ['what', 'how', 'p50', 'p95', 'target'] as const
  const widths = cols.map((c) => Math.max(header[c].length, ...rows.map((r) => r[c].length)))
  const line = (r: typeof header) =>
    cols.map((c, i) => (c === 'p50' || c === 'p95' ? r[c].padStart(widths[i]!) : r[c].padEnd(widths[i]!))).join('  ')
  console.log()
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of rows) console.log(line(r).trimEnd())
  console.log()
  const c = comparison.counts
  console.log(
    `comparison v1 → v20: ${comparison.provisions.length} provisions, ${c.changed} changed, ${c.moved} moved, ` +
      `${c.renumbered} renumbered, ${c.added} added, ${c.deleted} deleted`,
  )
  if (portalProblem) console.log(`the portal was not measured: ${portalProblem}`)
  for (const [page] of pages)
    if (served[page]?.status === 404) console.log(`${page}: 404, the page is not in this build yet`)
  console.log(`load average (1, 5, 15 min): ${loadAtStart} at start, ${load()} at end; ${os.cpus().length} cores`)
  if (process.env.KEEP_DATA === '1') console.log(`data kept in ${dataDir}`)
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`bench-drafts: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exit(1)
  })
