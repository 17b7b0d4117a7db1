// `npm run bench:pages`: requests per second and latency of the built portal's pages, for a visitor (served from
// the 2-second page cache, and rendered afresh) and for the signed-in demo member, each beside a bare Node server
// that sends the same bytes, measured in the same run, with their ratio (target: at least 1/20). One table.
//
// Layout of the run:
//   - the demo data and the world (`npm run db:seed -- --world`, IPU's 266 chambers) seeded once into a throwaway
//     DATA_DIR, then copied, so that two portals (`node server.mjs`, NODE_ENV=production) run on equal data:
//       A: as configured (the page cache on): "visitor cached" and "member" (a session cookie bypasses the cache);
//       B: PAGE_CACHE=0: "visitor uncached", every page rendered afresh;
//   - the member signs in on A through the real sign-in form (POST /en/login with the Origin header) and keeps the
//     session cookie. Every client sends the `lang` cookie a browser keeps after its first page (without it each
//     answer sets that cookie, and an answer that sets a cookie is never cached);
//   - a bare `node:http` server answering every request with the captured bytes of the page (the visitor's or the
//     member's); it runs in its own child process, like the portals, so that no server shares an event loop with
//     autocannon, which runs here in this process (with two cores, a bare server in this process would compete with
//     the load generator and understate the baseline, flattering the ratio).
// Only one server is under load at a time: the others are idle.
//
// BENCH_COMPARE=/path/to/another/checkout (built, with its node_modules) runs the same cells on that tree's portals
// too, seeded by its own scripts, and prints its figures in the same table ("before" columns): a before/after in one
// run. Each tree's ratio is to a bare server sending that tree's own bytes (the pages of two trees may differ).
//
// Environment: BENCH_SECONDS (seconds per measured cell, default 3; BENCH_DURATION is the old name), BENCH_WARMUP
// (seconds of unreported load before each cell so the JIT has settled, default 1; 0 turns it off),
// BENCH_CONNECTIONS (default 10), BENCH_ENCODING (raw, the default: no Accept-Encoding; br or gzip: every client
// asks for that encoding, and the bare server sends the same compressed bytes with the same Content-Encoding),
// BENCH_PAGES (a comma-separated list instead of the five pages; `meeting` stands for the meeting page), BUILD_DIR
// (the build each tree serves, default build/), BENCH_COMPARE (above), BENCH_ROUNDS (default 1: with n, each portal cell is
// measured n times, the trees taking turns to go first, and the table shows the median req/s and the latencies of
// all rounds: steadier on a busy machine), BENCH_CPU_PROF=dir (portal A of this tree runs with --cpu-prof, its
// profile written to dir when it stops).
//
// Exit code: 0 when every cell was measured cleanly (whether or not the target was reached); 1 when a portal could
// not start, a page could not be fetched or signing in failed, or a cell saw errors or non-2xx responses.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

// autocannon ships no type declarations; only the part of its API used here is typed.
interface AutocannonResult {
  requests: { total: number }
  duration: number
  errors: number
  timeouts: number
  non2xx: number
  '2xx': number
  statusCodeStats?: Record<string, { count: number }>
}
interface AutocannonOptions {
  url: string
  connections: number
  duration: number
  headers?: Record<string, string>
}
interface AutocannonInstance {
  stop(): void
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void
}
type Autocannon = (
  opts: AutocannonOptions,
  cb: (err: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance

const require = createRequire(import.meta.url)
const autocannon = require('autocannon') as Autocannon

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// The meeting page is found at run time (the first public meeting the visitor's list links to).
// BENCH_PAGES=/en/about,/en overrides the list (comma-separated; `meeting` stands for that page).
const PAGES = process.env.BENCH_PAGES
  ? process.env.BENCH_PAGES.split(',').map((page) => page.trim())
  : ['/en', '/ar', '/ar/resources', '/en/parliaments', 'meeting']
const MEMBER = { email: 'member@demo.parlnet.example', password: 'demo-member-password', name: 'Demo Member' }
const TARGET = 20 // a page must reach at least 1/TARGET of the bare server's req/s

function numberFromEnv(names: string[], fallback: number): number {
  for (const name of names) {
    const raw = process.env[name]
    if (raw === undefined || raw === '') continue
    const value = Number(raw)
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`${name} must be a non-negative number (got ${JSON.stringify(raw)})`)
    return value
  }
  return fallback
}

const DURATION = numberFromEnv(['BENCH_SECONDS', 'BENCH_DURATION'], 3)
const WARMUP = numberFromEnv(['BENCH_WARMUP'], 1)
const ROUNDS = Math.max(1, Math.round(numberFromEnv(['BENCH_ROUNDS'], 1)))
const CONNECTIONS = numberFromEnv(['BENCH_CONNECTIONS'], 10)
const COMPARE = process.env.BENCH_COMPARE ? path.resolve(process.env.BENCH_COMPARE) : undefined
const CPU_PROF = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined
// The build each tree's portals serve (server.mjs reads the same variable): `npm run build` writes build/.
const BUILD_DIR = process.env.BUILD_DIR || 'build'
const ENCODING = process.env.BENCH_ENCODING || 'raw'
if (!['raw', 'br', 'gzip'].includes(ENCODING))
  throw new Error(`BENCH_ENCODING must be raw, br or gzip (got ${JSON.stringify(ENCODING)})`)
/** The headers every measuring client sends: its cookie, and the encoding it accepts (none when raw). */
function clientHeaders(cookie?: string): Record<string, string> {
  return { ...(cookie ? { cookie } : {}), ...(ENCODING === 'raw' ? {} : { 'accept-encoding': ENCODING }) }
}

// ---------------------------------------------------------------------------------------------
// Cleanup: every child and the temp dir go away on success, on error and on SIGINT/SIGTERM.

const children = new Set<ChildProcess>()
let tempDir: string | undefined
let currentRun: AutocannonInstance | undefined
let cleanedUp = false

function track(child: ChildProcess): ChildProcess {
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

async function cleanup(): Promise<void> {
  if (cleanedUp) return
  cleanedUp = true
  currentRun?.stop()
  await Promise.all([...children].map(stopChild))
  if (tempDir) rmSync(tempDir, { recursive: true, force: true })
}

// Last resort if the process leaves by a path that skipped cleanup(): synchronous only.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL')
  if (tempDir) rmSync(tempDir, { recursive: true, force: true })
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping`)
    void cleanup().finally(() => process.exit(130))
  })
}

// ---------------------------------------------------------------------------------------------
// Processes

function ephemeralPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** Keeps the last lines a child wrote, to show them if it dies. */
function captureOutput(child: ChildProcess): () => string {
  let text = ''
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return () => text.trim()
}

function describeExit(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`
}

/** Seeds the demo and the world with the tree's own scripts (its schema), into dataDir. */
function seed(root: string, dataDir: string): void {
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-seed.ts', '--world'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  })
  if (seeded.status !== 0)
    throw new Error(`the world seed failed in ${root}: ${seeded.stderr.trim().split('\n').pop()}`)
}

interface Portal {
  url: string
  child: ChildProcess
}

async function startPortal(root: string, dataDir: string, env: Record<string, string>, nodeArgs: string[] = []) {
  const port = await ephemeralPort()
  const child = track(
    spawn(process.execPath, [...nodeArgs, 'server.mjs'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DEMO: '1',
        LOG_REQUESTS: '0',
        BUILD_DIR,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )
  const output = captureOutput(child)
  const url = `http://127.0.0.1:${port}`

  let exited = false
  child.once('exit', () => {
    exited = true
  })
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the portal exited (${describeExit(child)}) before /healthz answered:\n${output()}`)
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })
      await res.arrayBuffer()
      if (res.status === 200) return { url, child } satisfies Portal
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`the portal did not answer GET /healthz with 200 within 30 s:\n${output()}`)
}

// Runs in its own process: answers every request with the bytes in BODY_FILE and CONTENT_TYPE.
const BARE_SERVER = `
const http = require('node:http')
const body = require('node:fs').readFileSync(process.env.BODY_FILE)
const type = process.env.CONTENT_TYPE
const encoding = process.env.CONTENT_ENCODING ? { 'Content-Encoding': process.env.CONTENT_ENCODING } : {}
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': type, ...encoding, 'Content-Length': body.length })
  res.end(body)
})
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
`

async function startBareServer(
  body: Buffer,
  contentType: string,
  contentEncoding: string | null,
  dir: string,
  name: string,
): Promise<{ url: string; child: ChildProcess }> {
  const bodyFile = path.join(dir, `${name}.body`)
  writeFileSync(bodyFile, body)
  const child = track(
    spawn(process.execPath, ['-e', BARE_SERVER], {
      env: { ...process.env, BODY_FILE: bodyFile, CONTENT_TYPE: contentType, CONTENT_ENCODING: contentEncoding ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )
  const output = captureOutput(child)
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bare server did not start:\n${output()}`)), 10_000)
    child.once('exit', () => {
      clearTimeout(timer)
      reject(new Error(`the bare server exited (${describeExit(child)}):\n${output()}`))
    })
    child.stdout?.on('data', () => {
      const match = /PORT (\d+)/.exec(output())
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
  })
  const url = `http://127.0.0.1:${port}`
  // The baseline must really send the same bytes (fetch would decode them: read them as they come).
  const echoed = (await getRaw(url, {})).body
  if (!echoed.equals(body)) throw new Error('the bare server does not send the captured bytes')
  return { url, child }
}

// ---------------------------------------------------------------------------------------------
// One tree: its two portals and the member's cookie

interface Tree {
  label: string
  root: string
  cached: Portal
  uncached: Portal
  memberCookie: (lang: string) => string
}

/** Signs the demo member in through the real form, as a browser would; returns the `session=…` cookie pair. */
async function signIn(portal: Portal): Promise<string> {
  const res = await fetch(`${portal.url}/en/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: portal.url, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'lang=en' },
    body: new URLSearchParams({ email: MEMBER.email, password: MEMBER.password, redirectTo: '/en' }).toString(),
  })
  await res.arrayBuffer()
  const session = res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .find((pair) => pair.startsWith('session=') && pair.length > 'session='.length)
  if (res.status < 300 || res.status >= 400 || !session)
    throw new Error(`signing in as ${MEMBER.email} answered ${res.status}, no session`)
  return session
}

async function startTree(label: string, root: string): Promise<Tree> {
  if (!existsSync(path.join(root, BUILD_DIR, 'server', 'index.js')))
    throw new Error(`${root} has no ${BUILD_DIR}/ (run BUILD_DIR=${BUILD_DIR} npm run build there first)`)
  const dataA = path.join(tempDir!, label, 'data-a')
  const dataB = path.join(tempDir!, label, 'data-b')
  console.log(`${label}: seeding the demo and the world (npm run db:seed -- --world) in ${root}…`)
  seed(root, dataA)
  cpSync(dataA, dataB, { recursive: true })
  const profile = CPU_PROF && label === 'after' ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : []
  const cached = await startPortal(root, dataA, {}, profile)
  const uncached = await startPortal(root, dataB, { PAGE_CACHE: '0' })
  const session = await signIn(cached)
  console.log(`${label}: portals up at ${cached.url} (page cache) and ${uncached.url} (PAGE_CACHE=0); member signed in`)
  return { label, root, cached, uncached, memberCookie: (lang) => `lang=${lang}; ${session}` }
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Measurement {
  rps: number
  p50: number
  p95: number
  problems: string[]
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

function load(url: string, duration: number, headers: Record<string, string>, times?: number[]) {
  return new Promise<AutocannonResult>((resolve, reject) => {
    const run = autocannon({ url, connections: CONNECTIONS, duration, headers }, (err, result) => {
      currentRun = undefined
      if (err) reject(err)
      else resolve(result)
    })
    if (times) run.on('response', (_client, status, _bytes, ms) => status < 300 && times.push(ms))
    currentRun = run
  })
}

interface Run {
  rps: number
  times: number[]
  problems: string[]
}

/** One measured run (after its warm-up): req/s and the latencies of the successful responses. */
async function run(url: string, cookie?: string): Promise<Run> {
  const headers = clientHeaders(cookie)
  if (WARMUP > 0) await load(url, WARMUP, headers)
  const times: number[] = []
  const result = await load(url, DURATION, headers, times)
  const problems: string[] = []
  if (result.errors > 0) problems.push(`${result.errors} errors (${result.timeouts} timeouts)`)
  if (result.non2xx > 0) {
    const codes = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, { count }]) => `${count}×${code}`)
      .join(', ')
    problems.push(`${result.non2xx} non-2xx responses${codes ? ` (${codes})` : ''}`)
  }
  if (result['2xx'] === 0) problems.push('no successful responses')
  return { rps: result['2xx'] / result.duration, times, problems }
}

/** The median req/s of the runs, and the percentiles of all their latencies together. */
function summarize(runs: Run[]): Measurement {
  const rates = runs.map((r) => r.rps).sort((a, b) => a - b)
  const middle = rates.length >> 1
  const rps = rates.length % 2 ? rates[middle]! : (rates[middle - 1]! + rates[middle]!) / 2
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b)
  return { rps, p50: percentile(times, 50), p95: percentile(times, 95), problems: runs.flatMap((r) => r.problems) }
}

/** The bare server's figure for these bytes, in its own process, as many rounds as the portals. */
async function measureBare(
  captured: { body: Buffer; contentType: string; contentEncoding: string | null },
  name: string,
): Promise<Measurement> {
  const server = await startBareServer(
    captured.body,
    captured.contentType,
    captured.contentEncoding,
    tempDir!,
    name.replace(/\W/g, '_'),
  )
  const runs: Run[] = []
  for (let round = 0; round < ROUNDS; round++) runs.push(await run(server.url))
  await stopChild(server.child)
  return summarize(runs)
}

/** A GET whose body is kept as it came on the wire (compressed or not). */
function getRaw(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
  })
}

/** GET as the client will ask it; the bytes, after checking the answer is what that client should see. */
async function capture(url: string, cookie: string, member: boolean) {
  const res = await getRaw(url, clientHeaders(cookie))
  const { body } = res
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}, not 200`)
  const contentEncoding = res.headers['content-encoding'] ?? null
  // Not every answer comes as asked (the visitor page cache keeps gzip only; answers under 1 KB stay raw): the
  // table says what came, and the bare server sends those same bytes.
  const decoded =
    contentEncoding === 'br'
      ? zlib.brotliDecompressSync(body)
      : contentEncoding === 'gzip'
        ? zlib.gunzipSync(body)
        : body
  if (member !== decoded.toString().includes(MEMBER.name))
    throw new Error(`GET ${url} ${member ? 'does not show' : 'shows'} the signed-in member`)
  if (!member && res.headers['set-cookie']) throw new Error(`GET ${url} sets a cookie: the page cache skips it`)
  return { body, contentType: res.headers['content-type'] ?? 'application/octet-stream', contentEncoding }
}

/** The first meeting the visitor's list of meetings links to (a published public one). */
async function findMeetingPage(portal: Portal): Promise<string> {
  const res = await fetch(`${portal.url}/en/meetings`, { headers: { cookie: 'lang=en' } })
  const id = /href="\/en\/meetings\/(\d+)"/.exec(await res.text())?.[1]
  if (!id) throw new Error('no public meeting is linked from /en/meetings')
  return `/en/meetings/${id}`
}

const audiences = ['visitor cached', 'visitor uncached', 'member'] as const
type Audience = (typeof audiences)[number]

/** One tree's figures for a cell: the portal's, and the bare server's sending the same bytes. */
interface Side extends Measurement {
  bytes: number
  encoding: string
  bare: Measurement
}

interface Cell {
  page: string
  audience: Audience
  // by tree label: 'after' (this tree), 'before' (BENCH_COMPARE)
  sides: Record<string, Side>
}

function ratioOf(side: Side): number {
  return side.rps > 0 ? side.bare.rps / side.rps : Infinity
}

function printTable(cells: Cell[], labels: string[]): void {
  const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`
  const header = ['page', 'who']
  for (const label of labels) {
    const prefix = labels.length > 1 ? `${label} ` : ''
    const names = [...(ENCODING === 'raw' ? [] : ['encoding']), 'bytes', 'req/s', 'p50', 'p95', 'bare req/s', 'ratio']
    header.push(...names.map((name) => prefix + name))
  }
  const body = cells.map((cell) => {
    const cells = [cell.page, cell.audience]
    for (const label of labels) {
      const m = cell.sides[label]!
      const ratio = `1/${ratioOf(m).toFixed(1)}`
      if (ENCODING !== 'raw') cells.push(m.encoding)
      cells.push(String(m.bytes), m.rps.toFixed(0), ms(m.p50), ms(m.p95), m.bare.rps.toFixed(0), ratio)
    }
    return cells
  })
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const cells of body) console.log(line(cells))
}

async function main(): Promise<number> {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'parlnet-bench-'))
  if (CPU_PROF) mkdirSync(CPU_PROF, { recursive: true })
  if (!existsSync(path.join(ROOT, '..', 'shared', 'data', 'parliaments')))
    console.log('../shared/data/parliaments is absent: the directory is measured on the demo parliaments only')

  const trees = [await startTree('after', ROOT)]
  if (COMPARE) trees.push(await startTree('before', COMPARE))
  const labels = trees.map((tree) => tree.label)
  const meetingPage = await findMeetingPage(trees[0]!.cached)
  const pages = PAGES.map((page) => (page === 'meeting' ? meetingPage : page))
  console.log(
    `${CONNECTIONS} connections, ${DURATION} s per cell` +
      (WARMUP > 0 ? ` after ${WARMUP} s warm-up` : '') +
      `; ${pages.length} pages × ${audiences.length} audiences × ${trees.length} tree(s)` +
      (ROUNDS > 1 ? `, ${ROUNDS} rounds` : '') +
      `; answers ${ENCODING === 'raw' ? 'raw (no Accept-Encoding)' : `${ENCODING} (Accept-Encoding: ${ENCODING})`}` +
      '\n',
  )

  // Every page once on every portal before anything is measured, so that the first cell is not the JIT's warm-up.
  if (WARMUP > 0) {
    for (const tree of trees)
      for (const page of pages) {
        const lang = page.slice(1, 3)
        await load(tree.cached.url + page, 0.5, clientHeaders(`lang=${lang}`))
        await load(tree.uncached.url + page, 0.5, clientHeaders(`lang=${lang}`))
        await load(tree.cached.url + page, 0.5, clientHeaders(tree.memberCookie(lang)))
      }
  }

  const cells: Cell[] = []
  for (const page of pages) {
    const lang = page.slice(1, 3)
    const visitorCookie = `lang=${lang}`
    for (const audience of audiences) {
      const member = audience === 'member'
      const sides: Cell['sides'] = {}
      process.stdout.write(`${page} ${audience}:`)
      const targets = []
      for (const tree of trees) {
        const server = audience === 'visitor uncached' ? tree.uncached : tree.cached
        const cookie = member ? tree.memberCookie(lang) : visitorCookie
        const captured = await capture(server.url + page, cookie, member)
        targets.push({ label: tree.label, url: server.url + page, cookie, captured, runs: [] as Run[] })
      }
      for (let round = 0; round < ROUNDS; round++) {
        for (const target of round % 2 ? [...targets].reverse() : targets)
          target.runs.push(await run(target.url, target.cookie))
      }
      for (const { label, captured, runs } of targets) {
        const m = summarize(runs)
        // The visitor's page is the same bytes cached or not (bar the nonce), when it came in the same encoding (the
        // page cache keeps gzip, not brotli): one bare figure for both.
        const cached = cells.find((cell) => cell.page === page && cell.audience === 'visitor cached')?.sides[label]
        const bare =
          audience === 'visitor uncached' && cached && cached.encoding === (captured.contentEncoding ?? 'raw')
            ? cached.bare
            : await measureBare(captured, `${label}-${page}-${audience}`)
        sides[label] = { ...m, bytes: captured.body.length, encoding: captured.contentEncoding ?? 'raw', bare }
        process.stdout.write(` ${label} ${m.rps.toFixed(0)} req/s (bare ${bare.rps.toFixed(0)});`)
      }
      console.log()
      cells.push({ page, audience, sides })
    }
  }

  for (const tree of trees) await Promise.all([stopChild(tree.cached.child), stopChild(tree.uncached.child)])
  console.log()
  printTable(cells, labels)
  console.log()

  let failed = false
  for (const cell of cells) {
    for (const [label, side] of Object.entries(cell.sides)) {
      for (const [who, m] of [
        [label, side],
        [`${label} bare`, side.bare],
      ] as const) {
        if (m.problems.length === 0) continue
        failed = true
        console.log(`FAIL ${cell.page} ${cell.audience} (${who}): ${m.problems.join('; ')}`)
      }
    }
  }
  // The target is for pages rendered afresh: the signed-in member's, and the visitor's without the cache.
  const judged = cells.filter((cell) => cell.audience !== 'visitor cached')
  const verdicts = judged.map((cell) => {
    const ratio = ratioOf(cell.sides.after!)
    return `${cell.page} ${cell.audience} 1/${ratio.toFixed(1)}${ratio <= TARGET ? '' : ' MISSES'}`
  })
  const allMet = judged.every((cell) => ratioOf(cell.sides.after!) <= TARGET)
  console.log(
    `target ≥ 1/${TARGET} of the bare server, uncached: ${verdicts.join('; ')}${allMet ? ' — OK' : ' — NOT MET'}`,
  )
  if (failed) console.log('the measurement is not valid: some requests failed (see above)')
  return failed ? 1 : 0
}

main()
  .then(async (code) => {
    await cleanup()
    process.exit(code)
  })
  .catch(async (error: unknown) => {
    console.error(`\nbench-pages: ${error instanceof Error ? error.message : String(error)}`)
    await cleanup()
    process.exit(1)
  })
