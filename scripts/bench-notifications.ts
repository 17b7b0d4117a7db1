// `npm run bench:notifications` (issue 17), in a throwaway DATA_DIR: 46,000 members, 500 groups (5 threads each),
// 100,000 posts, 20,000 saved searches and 120,000 unread notifications (one in two people has some; a daily or an
// immediate kind), inserted straight into the database; then
//   - one daily digest run (sendDigests('daily')): its time and the process's peak memory (RSS high-water mark);
//   - the notification centre's data for a member with 5,000 notifications (listNotifications + unreadCount), in
//     this process, p50/p95 over BENCH_RUNS runs. NOT yet measured through the built server (see the report).
// Numbers only: nothing here fails because of a time. Targets: digest < 60 s, page < 50 ms.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const RUNS = Number(process.env.BENCH_RUNS || 50)
const tempDir = mkdtempSync(path.join(os.tmpdir(), 'parlnet-bench-notifications-'))
process.env.DATA_DIR = path.join(tempDir, 'data')
process.env.DEMO = '0'
process.env.SMTP_URL = ''
process.on('exit', () => rmSync(tempDir, { recursive: true, force: true }))

const { getDb, closeDb } = await import('~/utils/db.server')
const { sendDigests } = await import('~/features/notifications/digest.server')
const { listNotifications, unreadCount } = await import('~/features/notifications/centre.server')

const db = getDb().$client
const t0 = performance.now()
db.transaction(() => {
  const u = db.prepare(`insert into user (email, name, locale, password_hash) values (?, ?, ?, '!')`)
  for (let i = 1; i <= 46_000; i++) u.run(`m${i}@bench.example`, `Member ${i}`, i % 2 ? 'en' : 'ar')
  const g = db.prepare(`insert into work_group (name_en, name_ar, access) values (?, ?, ?)`)
  for (let i = 1; i <= 500; i++) g.run(`Group ${i}`, `مجموعة ${i}`, i % 3 ? 'open' : 'closed')
  const gm = db.prepare(`insert or ignore into group_member (group_id, user_id, state) values (?, ?, 'active')`)
  for (let i = 1; i <= 46_000; i++) gm.run((i % 500) + 1, i)
  const th = db.prepare(`insert into group_thread (group_id, title, author_id) values (?, ?, ?)`)
  for (let i = 1; i <= 2_500; i++) th.run(((i - 1) % 500) + 1, `Thread ${i}`, i)
  const p = db.prepare(`insert into group_post (thread_id, author_id, body) values (?, ?, ?)`)
  for (let i = 1; i <= 100_000; i++) p.run((i % 2_500) + 1, (i % 46_000) + 1, `Post ${i} about the Sahel dialogue`)
  const s = db.prepare(`insert into saved_search (user_id, name, scope, query, frequency) values (?, ?, ?, ?, ?)`)
  for (let i = 1; i <= 20_000; i++) s.run((i % 46_000) + 1, `Search ${i}`, 'resources', `q=term${i}`, 'daily')
  const n = db.prepare(
    `insert into notification (user_id, kind, group_id, subject_type, subject_id, title_en, title_ar, path)
     values (?, ?, ?, 'post', ?, ?, ?, '/groups/1/threads/1')`,
  )
  for (let i = 1; i <= 120_000; i++) {
    const userId = ((i * 7) % 23_000) * 2 + 2
    n.run(userId, i % 4 ? 'reply' : 'mention', (userId % 500) + 1, i, `Reply ${i}`, `رد ${i}`)
  }
  for (let i = 1; i <= 5_000; i++) n.run(1, 'reply', null, i, `Reply ${i}`, `رد ${i}`)
})()
const loaded = performance.now() - t0

const d0 = performance.now()
const mails = sendDigests('daily', new Date())
const digestMs = performance.now() - d0
const peakMb = process.resourceUsage().maxRSS / 1024

const times: number[] = []
for (let i = 0; i < RUNS + 5; i++) {
  const s0 = performance.now()
  listNotifications(1)
  unreadCount(1)
  if (i >= 5) times.push(performance.now() - s0)
}
times.sort((a, b) => a - b)
const pct = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2)
console.log(`data inserted in ${(loaded / 1000).toFixed(1)} s`)
console.log(
  `daily digest run: ${mails} mails in ${(digestMs / 1000).toFixed(2)} s, peak RSS ${peakMb.toFixed(0)} MB (target < 60 s)`,
)
console.log(`centre data, 5,000 notifications (in process): p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms (target < 50 ms)`)
console.log(
  `load average: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
)
closeDb()
