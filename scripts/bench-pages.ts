// `npm run bench:pages`: requests per second of the built portal's /en and /ar beside a bare Node
// server that sends the same bytes, measured in the same run, and their ratio (target: at least 1/20).
//
// Layout of the run: three processes.
//   - the built portal (`node server.mjs`, NODE_ENV=production, throwaway DATA_DIR with the demo data);
//   - a bare `node:http` server answering every request with the captured page bytes; it runs in its
//     own child process, like the portal, so that neither server shares an event loop (or a CPU
//     core's worth of time slices) with autocannon, which runs here in this process. With only two
//     cores, putting the bare server in this process would make it compete with the load generator
//     and understate the baseline, flattering the ratio;
//   - this script, driving autocannon (10 connections, 10 s; BENCH_DURATION=seconds to shorten).
// Only one server is under load at a time: the other one is idle (or not started yet).
//
// Environment: BENCH_DURATION (seconds per measured run, default 10), BENCH_WARMUP (seconds of
// unreported load before each measured run so the JIT has settled, default 2; 0 turns it off),
// BENCH_PORT (preferred portal port, default 3310; a free one is chosen if it is taken).
// The portal keeps its own environment otherwise: `PAGE_CACHE=0 npm run bench:pages` measures every page
// rendered afresh, without the 2-second cache of anonymous pages (server/page-cache.mjs).
//
// Exit code: 0 when every run was measured cleanly (whether or not the target was reached); 1 when
// the portal could not start, a page could not be fetched, or a run saw errors or non-2xx responses.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// autocannon ships no type declarations; only the part of its API used here is typed.
interface Histogram {
  average: number
  p50: number
  p99: number
}
interface AutocannonResult {
  requests: Histogram
  latency: Histogram
  errors: number
  timeouts: number
  non2xx: number
  mismatches: number
  '2xx': number
  statusCodeStats?: Record<string, { count: number }>
}
interface AutocannonOptions {
  url: string
  connections: number
  duration: number
}
interface AutocannonInstance {
  stop(): void
}
type Autocannon = (
  opts: AutocannonOptions,
  cb: (err: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance

const require = createRequire(import.meta.url)
const autocannon = require('autocannon') as Autocannon

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// The directory is measured on the whole world (IPU's 266 chambers), seeded before the portal starts.
const PAGES = ['/en', '/ar', '/en/parliaments', '/ar/parliaments?sort=country']
const CONNECTIONS = 10
const TARGET = 20 // the portal must reach at least 1/TARGET of the bare server's req/s

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number (got ${JSON.stringify(raw)})`)
  return value
}

const DURATION = numberFromEnv('BENCH_DURATION', 10)
const WARMUP = numberFromEnv('BENCH_WARMUP', 2)
const PREFERRED_PORT = numberFromEnv('BENCH_PORT', 3310)

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
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
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

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

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

async function startPortal(dataDir: string): Promise<{ url: string }> {
  const port = (await portIsFree(PREFERRED_PORT)) ? PREFERRED_PORT : await ephemeralPort()
  const child = track(
    spawn(process.execPath, ['server.mjs'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DEMO: '1',
        LOG_REQUESTS: '0',
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
      if (res.status === 200) return { url }
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
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length })
  res.end(body)
})
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
`

async function startBareServer(
  body: Buffer,
  contentType: string,
  dir: string,
  name: string,
): Promise<{ url: string; child: ChildProcess }> {
  const bodyFile = path.join(dir, `${name}.body`)
  writeFileSync(bodyFile, body)
  const child = track(
    spawn(process.execPath, ['-e', BARE_SERVER], {
      env: { ...process.env, BODY_FILE: bodyFile, CONTENT_TYPE: contentType },
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
  // The baseline must really send the same bytes.
  const check = await fetch(url)
  const echoed = Buffer.from(await check.arrayBuffer())
  if (!echoed.equals(body)) throw new Error('the bare server does not send the captured bytes')
  return { url, child }
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Measurement {
  rps: number
  p50: number
  p99: number
  problems: string[]
}

function load(url: string, duration: number): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    currentRun = autocannon({ url, connections: CONNECTIONS, duration }, (err, result) => {
      currentRun = undefined
      if (err) reject(err)
      else resolve(result)
    })
  })
}

async function measure(url: string): Promise<Measurement> {
  if (WARMUP > 0) await load(url, WARMUP)
  const result = await load(url, DURATION)
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
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, problems }
}

interface Row {
  page: string
  bytes: number
  remix: Measurement
  bare: Measurement
}

function ratioOf(row: Row): number {
  return row.remix.rps > 0 ? row.bare.rps / row.remix.rps : Infinity
}

function printTable(rows: Row[]): void {
  const header = [
    'page',
    'bytes',
    'remix req/s',
    'bare req/s',
    'ratio',
    'remix p50',
    'remix p99',
    'bare p50',
    'bare p99',
  ]
  const body = rows.map((row) => [
    row.page,
    String(row.bytes),
    row.remix.rps.toFixed(1),
    row.bare.rps.toFixed(1),
    `1/${ratioOf(row).toFixed(1)}`,
    `${row.remix.p50} ms`,
    `${row.remix.p99} ms`,
    `${row.bare.p50} ms`,
    `${row.bare.p99} ms`,
  ])
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const cells of body) console.log(line(cells))
}

async function main(): Promise<number> {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'parlnet-bench-'))
  const dataDir = path.join(tempDir, 'data')

  const world = path.join(ROOT, '..', 'shared', 'data', 'parliaments')
  if (existsSync(world)) {
    console.log('seeding the demo and the world (npm run db:seed -- --world)…')
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-seed.ts', '--world'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    })
    if (seeded.status !== 0) throw new Error(`the world seed failed: ${seeded.stderr.trim().split('\n').pop()}`)
  } else {
    console.log(`${world} is absent: the directory is measured on the demo's 9 parliaments only`)
  }
  console.log(`starting the built portal (DATA_DIR=${dataDir})…`)
  const portal = await startPortal(dataDir)
  console.log(
    `portal up at ${portal.url}; ${CONNECTIONS} connections, ${DURATION} s per run` +
      (WARMUP > 0 ? ` after ${WARMUP} s warm-up` : ''),
  )

  const rows: Row[] = []
  for (const page of PAGES) {
    const res = await fetch(portal.url + page, { redirect: 'manual' })
    const body = Buffer.from(await res.arrayBuffer())
    const contentType = res.headers.get('content-type') ?? 'application/octet-stream'
    if (res.status !== 200) throw new Error(`GET ${page} answered ${res.status}, not 200`)

    process.stdout.write(`${page}: remix… `)
    const remix = await measure(portal.url + page)
    process.stdout.write(`${remix.rps.toFixed(0)} req/s; bare… `)
    const bare = await startBareServer(body, contentType, tempDir, page.replace(/\W/g, '_'))
    const bareResult = await measure(bare.url)
    await stopChild(bare.child)
    console.log(`${bareResult.rps.toFixed(0)} req/s`)
    rows.push({ page, bytes: body.length, remix, bare: bareResult })
  }

  console.log()
  printTable(rows)
  console.log()

  let failed = false
  for (const row of rows) {
    for (const [side, m] of [
      ['remix', row.remix],
      ['bare', row.bare],
    ] as const) {
      if (m.problems.length > 0) {
        failed = true
        console.log(`FAIL ${row.page} (${side}): ${m.problems.join('; ')}`)
      }
    }
  }
  const verdicts = rows.map((row) => {
    const ratio = ratioOf(row)
    return `${row.page} 1/${ratio.toFixed(1)} ${ratio <= TARGET ? 'reaches' : 'MISSES'} the target`
  })
  const allMet = rows.every((row) => ratioOf(row) <= TARGET)
  console.log(`target ≥ 1/${TARGET} of the bare server: ${verdicts.join('; ')}${allMet ? ' — OK' : ' — NOT MET'}`)
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
