// `npm run bench:surveys`: how long a large questionnaire's results take to show and to export (issue 16). In a
// throwaway DATA_DIR it loads the demo (for its coordinator's account), then writes straight into the tables a
// questionnaire of 60 questions of every kind (5 options per choice, 4 rows per matrix) sent to 270 parliaments of
// every region and kind, all of which submitted a full response (about 16,000 answers, 40,000 ticked options and
// rated rows). Then it measures:
//   - the results page, GET /{en,ar}/surveys/{id}/results (and ?by=region) on the built portal (server.mjs,
//     NODE_ENV=production, BUILD_DIR respected), signed in as the demo coordinator through the real sign-in form, and
//     as a visitor once the results are published (aggregates, small cells hidden); the time is the server's own (its
//     request log: from the request's arrival to the end of the answer), p50/p95 over BENCH_REQUESTS sequential
//     requests after a warm-up;
//   - in this process: computeResults (coordinator, aggregates only), the XLSX export in each language, the CSV.
// It prints one table with the targets (results page < 100 ms server time, XLSX export < 2 s) and the load average.
// Numbers only: nothing here fails because of a time.
//
// Environment: BENCH_REQUESTS (requests per page, default 50), BENCH_RUNS (in-process runs per cell, default 20;
// a quarter of that for the XLSX), BUILD_DIR (default build), KEEP_DATA=1 (keep the throwaway folder and print it).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BUILD_DIR = process.env.BUILD_DIR || 'build'
const REQUESTS = positive('BENCH_REQUESTS', 50)
const RUNS = positive('BENCH_RUNS', 20)
const COORDINATOR = { email: 'coordinator@demo.parlnet.example', password: 'demo-coordinator-password' }
const QUESTIONS = 60
const PARLIAMENTS = 270

function positive(name: string, fallback: number) {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number (got ${raw})`)
  return n
}

// The throwaway data folder, set before any module reads the configuration.
const tempDir = mkdtempSync(path.join(os.tmpdir(), 'parlnet-bench-surveys-'))
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
const { eq } = await import('drizzle-orm')
const { mechanismKinds, parliamentKinds, regions } = await import('#db/enums')
const { questionKinds, yesNoValues } = await import('~/features/surveys/vocabulary')
const { loadQuestionnaire } = await import('~/features/surveys/questionnaire.server')
const { computeResults } = await import('~/features/surveys/results.server')
const { responsesCsv, responsesXlsx } = await import('~/features/surveys/export.server')
type QuestionKind = (typeof questionKinds)[number]

// ---------------------------------------------------------------------------------------------
// The questionnaire and its 270 responses

/** A fixed sequence of pseudo-random numbers (the same data at every run). */
function random(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
}

function buildSurvey() {
  const db = getDb()
  const rand = random(16)
  const coordinatorId = db
    .select({ id: schema.user.id })
    .from(schema.user)
    .where(eq(schema.user.email, COORDINATOR.email))
    .get()!.id
  return db.transaction((tx) => {
    // The demo's parliaments, then more of every region and kind up to 270.
    const used = new Set(
      tx
        .select({ code: schema.parliament.countryCode })
        .from(schema.parliament)
        .all()
        .map((p) => p.code),
    )
    const codes: string[] = []
    for (let a = 0; a < 26 && codes.length < PARLIAMENTS; a++)
      for (let b = 0; b < 26 && codes.length < PARLIAMENTS; b++) {
        const code = String.fromCharCode(65 + a, 65 + b)
        if (!used.has(code)) codes.push(code)
      }
    let existing = tx.select({ id: schema.parliament.id }).from(schema.parliament).all().length
    for (let i = 0; existing < PARLIAMENTS; i++, existing++) {
      const kind = i % 10 === 9 ? 'union' : i % 5 === 3 ? 'assembly' : 'national'
      tx.insert(schema.parliament)
        .values({
          kind,
          countryCode: kind === 'national' ? codes[i]! : null,
          chamber: kind === 'national' ? 'single' : null,
          nameEn: `Benchmark parliament ${i + 1}`,
          nameAr: `برلمان القياس ${i + 1}`,
          region: regions[i % regions.length]!,
          joinedAt: '2021-12-13',
        })
        .run()
    }
    const parliaments = tx.select({ id: schema.parliament.id }).from(schema.parliament).limit(PARLIAMENTS).all()
    const surveyId = tx
      .insert(schema.survey)
      .values({
        titleEn: 'Benchmark questionnaire of 60 questions',
        titleAr: 'استبيان القياس من 60 سؤالًا',
        introEn: 'A questionnaire made by scripts/bench-surveys.ts.',
        introAr: 'استبيان أنشأه برنامج القياس.',
        status: 'closed',
        sentAt: new Date(),
        createdById: coordinatorId,
      })
      .returning({ id: schema.survey.id })
      .get().id
    const sections = [0, 1, 2, 3, 4, 5].map(
      (position) =>
        tx
          .insert(schema.surveySection)
          .values({ surveyId, position, titleEn: `Section ${position + 1}`, titleAr: `القسم ${position + 1}` })
          .returning({ id: schema.surveySection.id })
          .get().id,
    )
    const questions: { id: number; kind: QuestionKind; options: number[] }[] = []
    for (let i = 0; i < QUESTIONS; i++) {
      const kind = questionKinds[i % questionKinds.length]!
      const id = tx
        .insert(schema.surveyQuestion)
        .values({
          surveyId,
          sectionId: sections[Math.floor(i / 10)]!,
          position: i,
          kind,
          textEn: `Question ${i + 1}: how does your parliament address the threats of terrorism and violent extremism?`,
          textAr: `السؤال ${i + 1}: كيف يتصدى برلمانكم لتهديدات الإرهاب والتطرف العنيف؟`,
          scaleLowEn: 'Not at all',
          scaleLowAr: 'إطلاقًا',
          scaleHighEn: 'Fully',
          scaleHighAr: 'تمامًا',
          unitEn: kind === 'number' ? 'members' : '',
          unitAr: kind === 'number' ? 'عضوًا' : '',
          numberMin: kind === 'number' ? 0 : null,
          numberMax: kind === 'number' ? 1000 : null,
        })
        .returning({ id: schema.surveyQuestion.id })
        .get().id
      const count = kind === 'matrix' ? 4 : kind === 'single_choice' || kind === 'multiple_choice' ? 5 : 0
      const options = Array.from(
        { length: count },
        (_, k) =>
          tx
            .insert(schema.surveyOption)
            .values({ questionId: id, position: k, labelEn: `Option ${k + 1}`, labelAr: `الخيار ${k + 1}` })
            .returning({ id: schema.surveyOption.id })
            .get().id,
      )
      questions.push({ id, kind, options })
    }
    let answers = 0
    let choices = 0
    for (const p of parliaments) {
      const mechanismId = tx
        .insert(schema.mechanism)
        .values({
          parliamentId: p.id,
          kind: mechanismKinds[p.id % mechanismKinds.length]!,
          nameEn: 'Committee',
          nameAr: 'لجنة',
        })
        .returning({ id: schema.mechanism.id })
        .get().id
      const responseId = tx
        .insert(schema.surveyResponse)
        .values({ surveyId, parliamentId: p.id, status: 'submitted', startedAt: new Date(), submittedAt: new Date() })
        .returning({ id: schema.surveyResponse.id })
        .get().id
      for (const q of questions) {
        const base = { responseId, questionId: q.id }
        const pickOption = () => q.options[Math.floor(rand() * q.options.length)]!
        const text = 'تمويل الإرهاب والتجنيد عبر الإنترنت من أبرز التحديات التي تواجه البرلمان'
        const values: Partial<typeof schema.surveyAnswer.$inferInsert> =
          q.kind === 'single_choice'
            ? { optionId: pickOption() }
            : q.kind === 'yes_no'
              ? { choice: yesNoValues[Math.floor(rand() * 3)]! }
              : q.kind === 'scale'
                ? { numberValue: 1 + Math.floor(rand() * 5) }
                : q.kind === 'number'
                  ? { numberValue: Math.floor(rand() * 600) }
                  : q.kind === 'date'
                    ? { textValue: `20${10 + Math.floor(rand() * 15)}-0${1 + Math.floor(rand() * 9)}-15` }
                    : q.kind === 'short_text' || q.kind === 'long_text'
                      ? { textValue: q.kind === 'long_text' ? `${text}. ${text}.` : text }
                      : q.kind === 'mechanism'
                        ? { mechanismId }
                        : {}
        if (q.kind === 'file') {
          const fileId = tx
            .insert(schema.surveyFile)
            .values({
              responseId,
              sha256: '0'.repeat(64),
              size: 1000,
              mediaType: 'application/pdf',
              originalName: 'report.pdf',
            })
            .returning({ id: schema.surveyFile.id })
            .get().id
          values.fileId = fileId
        }
        tx.insert(schema.surveyAnswer)
          .values({ ...base, ...values })
          .run()
        answers++
        if (q.kind === 'multiple_choice' || q.kind === 'matrix') {
          for (const optionId of q.options) {
            if (q.kind === 'multiple_choice' && rand() < 0.5) continue
            tx.insert(schema.surveyAnswerChoice)
              .values({ ...base, optionId, scaleValue: q.kind === 'matrix' ? 1 + Math.floor(rand() * 5) : null })
              .run()
            choices++
          }
        }
      }
    }
    return { surveyId, parliaments: parliaments.length, answers, choices }
  })
}

// ---------------------------------------------------------------------------------------------
// Measuring (as scripts/bench-drafts.ts)

type Figures = { p50: number; p95: number; n: number }

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
function figures(times: number[]): Figures {
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length }
}

async function timeIt(runs: number, fn: () => unknown): Promise<Figures> {
  for (let i = 0; i < Math.min(2, runs); i++) await fn()
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
    throw new Error(`no ${BUILD_DIR}/server/index.js: run the build first (npm run bench:surveys does)`)
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
      // A visitor's page is timed as the server makes it, not as its cache of visitors' pages returns it.
      PAGE_CACHE: '0',
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
      if (res.ok) return { url, log }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`the portal did not answer /healthz within 30 s:\n${errors}`)
}

/** Signs the coordinator in through the real form; the `session=…` pair. */
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

type PageResult = { status: number; bytes?: number; server?: Figures; client?: Figures }

/** GETs the page REQUESTS times in a row (after 5 unmeasured); the server's times come from its request log. */
async function measurePage(portal: { url: string; log: string[] }, page: string, cookie: string): Promise<PageResult> {
  const lang = page.slice(1, 3)
  let bytes = 0
  const get = async () => {
    const res = await fetch(portal.url + page, {
      headers: { cookie: `lang=${lang}${cookie ? `; ${cookie}` : ''}` },
      redirect: 'manual',
    })
    bytes = (await res.arrayBuffer()).byteLength
    return res.status
  }
  const status = await get()
  if (status !== 200) return { status }
  for (let i = 0; i < 4; i++) await get()
  // The log has the path without its query (server/log-redaction.mjs).
  const pathOnly = page.split('?')[0]!
  const logged = () => portal.log.filter((line) => line.includes(` GET ${pathOnly} 200 `)).length
  const before = logged()
  const client: number[] = []
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
  return { status, bytes, server: server.length ? figures(server) : undefined, client: figures(client) }
}

// ---------------------------------------------------------------------------------------------

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 1)} ms`)

async function main() {
  const loadAtStart = load()
  const started = performance.now()
  await seedDemo(getDb())
  const built = buildSurvey()
  const setup = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `survey ${built.surveyId}: ${QUESTIONS} questions of ${questionKinds.length} kinds, ${built.parliaments} ` +
      `parliaments of ${regions.length} regions and ${parliamentKinds.length} kinds (all submitted), ` +
      `${built.answers} answers, ${built.choices} ticked options and rated rows; built in ${setup} s`,
  )

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
  const questionnaire = loadQuestionnaire(built.surveyId)!
  const full = await timeIt(RUNS, () => computeResults(loadQuestionnaire(built.surveyId)!, { aggregatesOnly: false }))
  const aggregates = await timeIt(RUNS, () =>
    computeResults(loadQuestionnaire(built.surveyId)!, { aggregatesOnly: true }),
  )
  const xlsxRuns = Math.max(3, Math.round(RUNS / 4))
  const xlsxEn = await timeIt(xlsxRuns, () => responsesXlsx(loadQuestionnaire(built.surveyId)!, 'en'))
  const xlsxAr = await timeIt(xlsxRuns, () => responsesXlsx(loadQuestionnaire(built.surveyId)!, 'ar'))
  const csv = await timeIt(RUNS, () => responsesCsv(loadQuestionnaire(built.surveyId)!, 'ar'))
  const sizes = {
    xlsx: (await responsesXlsx(questionnaire, 'ar')).byteLength,
    csv: Buffer.byteLength(responsesCsv(questionnaire, 'ar')),
  }
  // Published, so that a visitor's page (aggregates, small cells hidden) can be measured too.
  getDb()
    .update(schema.survey)
    .set({ resultsPublishedAt: new Date() })
    .where(eq(schema.survey.id, built.surveyId))
    .run()
  closeDb()

  const base = `/surveys/${built.surveyId}/results`
  const pages: [string, 'coordinator' | 'visitor'][] = [
    [`/en${base}`, 'coordinator'],
    [`/ar${base}`, 'coordinator'],
    [`/en${base}?by=region`, 'coordinator'],
    [`/ar${base}?by=kind`, 'coordinator'],
    [`/en${base}`, 'visitor'],
    [`/ar${base}?by=region`, 'visitor'],
  ]
  const served: PageResult[] = []
  let portalProblem: string | null = null
  try {
    const portal = await startPortal()
    const cookie = await signIn(portal.url)
    for (const [page, who] of pages) served.push(await measurePage(portal, page, who === 'coordinator' ? cookie : ''))
  } catch (error) {
    portalProblem = error instanceof Error ? error.message : String(error)
  }
  server?.kill('SIGTERM')

  pages.forEach(([page, who], i) => {
    const r = served[i]
    const target = 'page < 100 ms'
    if (!r) add(`GET ${page}`, `${who}: portal not measured (below)`, '-', target)
    else if (r.status !== 200) add(`GET ${page}`, `${who}: portal answered ${r.status}`, 'not measured', target)
    else {
      const kb = Math.round((r.bytes ?? 0) / 1024)
      add(`GET ${page}`, `${who}, server time, ${REQUESTS} requests, ${kb} KiB`, r.server ?? 'no log lines', target)
      if (r.client) add(`GET ${page}`, `${who}, round trip (client)`, r.client, '')
    }
  })
  add('results data', `computeResults (coordinator) + loadQuestionnaire, ${RUNS} runs`, full, 'page < 100 ms')
  add('results data', `computeResults (aggregates only) + loadQuestionnaire, ${RUNS} runs`, aggregates, 'page < 100 ms')
  add('XLSX, en', `responsesXlsx, ${xlsxRuns} runs`, xlsxEn, 'XLSX < 2 s')
  add('XLSX, ar', `responsesXlsx, ${xlsxRuns} runs, ${sizes.xlsx} B`, xlsxAr, 'XLSX < 2 s')
  add('CSV, ar', `responsesCsv, ${RUNS} runs, ${sizes.csv} B`, csv, '')

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
  if (portalProblem) console.log(`the portal was not measured: ${portalProblem}`)
  pages.forEach(([page], i) => {
    if (served[i]?.status === 404) console.log(`${page}: 404, the page is not in this build yet`)
  })
  console.log(`load average (1, 5, 15 min): ${loadAtStart} at start, ${load()} at end; ${os.cpus().length} cores`)
  if (process.env.KEEP_DATA === '1') console.log(`data kept in ${dataDir}`)
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`bench-surveys: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exit(1)
  })
