import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from '@playwright/test'
import {
  demo,
  expect,
  expectAccessible,
  languages,
  openTestDb,
  parliamentId,
  query,
  signInAs,
  snap,
  test,
} from './fixtures'

// The coordinators' dashboard: requests of the demo member's parliament written by SQL in several states and
// ages, a resource waiting for review, and the demo seed's upcoming meetings; the demo coordinator sees them in
// both languages (oldest open request first, a completed one not among the open), the page fits a 360 px screen,
// and the CSV export downloads with a BOM, Arabic headers for ?lang=ar and formula-like cells made safe. Members
// get 403 on both; a visitor is sent to sign in (and gets 403 for the file).

const strings = (lang: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const withStates = (lang: string) => ({ ...strings(lang, 'coordination'), states: strings(lang, 'requests').states })
const text = { en: withStates('en'), ar: withStates('ar') }

const stamp = Date.now()
const DAY = 86_400
const subjects = {
  oldest: `Review of the draft counter-terrorism financing law ${stamp}`,
  review: `مراجعة مشروع قانون حماية ضحايا الإرهاب ${stamp}`,
  progress: `Training for committee staff on oversight ${stamp}`,
  completed: `Briefing on resolution 2396 ${stamp}`,
  formula: `=HYPERLINK("http://evil.example") ${stamp}`,
}

async function pageAs(browser: Browser, baseURL: string, email: string | null) {
  const context = await browser.newContext({ baseURL })
  if (email) await signInAs(context, baseURL, email)
  return context.newPage()
}

/** A CSV file's records (quoted cells with commas, quotes and line breaks included). */
function parseCsv(body: string) {
  const records: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell)
      records.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  return records
}

test.beforeAll(() => {
  const qatar = parliamentId('Shura Council of Qatar')
  const [member] = query<{ id: number }>('select id from user where email = ?', demo.member.email)
  const [coordinator] = query<{ id: number }>('select id from user where email = ?', demo.coordinator.email)
  const now = Math.floor(Date.now() / 1000)
  const db = openTestDb()
  try {
    const insert = db.prepare(
      `insert into assistance_request (parliament_id, requester_id, kind, subject, need, state, assignee_id, submitted_at, state_changed_at)
       values (?, ?, ?, ?, 'What we need, in a few words.', ?, ?, ?, ?) returning id`,
    )
    const add = (subject: string, kind: string, state: string, waitedDays: number, assigneeId: number | null = null) =>
      (
        insert.get(
          qatar,
          member!.id,
          kind,
          subject,
          state,
          assigneeId,
          now - (waitedDays + 3) * DAY,
          now - waitedDays * DAY,
        ) as { id: number }
      ).id
    // The oldest open request has waited 400 days in its state: older than anything other specs make.
    add(subjects.oldest, 'legislative_drafting', 'submitted', 400)
    const review = add(subjects.review, 'legislative_drafting', 'under_review', 12, coordinator!.id)
    add(subjects.progress, 'training', 'in_progress', 3)
    add(subjects.completed, 'expert_briefing', 'completed', 800, coordinator!.id)
    const formula = add(subjects.formula, 'research', 'submitted', 1)
    db.prepare(
      `insert into assistance_request_topic (request_id, kind, value) values (?, 'pillar', '1'), (?, 'resolution', '1325'), (?, 'theme', 'women')`,
    ).run(formula, formula, formula)
    db.prepare(
      'insert into assistance_request_message (request_id, author_id, body, created_at) values (?, ?, ?, ?), (?, ?, ?, ?)',
    ).run(
      review,
      coordinator!.id,
      'Which articles should we look at first?',
      now - 5 * DAY,
      review,
      member!.id,
      'Articles 4 to 9, please.',
      now - 4 * DAY,
    )
    db.prepare(
      `insert into resource (type, title_en, title_ar, state, author_id, submitted_at) values ('policy_brief', ?, ?, 'submitted', ?, ?)`,
    ).run(
      `Policy brief on returning foreign terrorist fighters ${stamp}`,
      `موجز سياساتي بشأن عودة المقاتلين الإرهابيين الأجانب ${stamp}`,
      member!.id,
      now - 2 * DAY,
    )
  } finally {
    db.close()
  }
})

for (const lang of languages) {
  test(`the demo coordinator sees open requests oldest first, upcoming meetings and the review queue; the CSV downloads (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    const t = text[lang]
    const page = await pageAs(browser, baseURL!, demo.coordinator.email)
    await page.goto(`/${lang}/coordination`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title)

    // Open requests: ours in order of waiting, the completed one absent, links to the request pages.
    const table = page.locator('.coord-requests')
    const rowSubjects = await table.locator('tbody th[scope=row] a').allTextContents()
    const at = (s: string) => rowSubjects.indexOf(s)
    expect(at(subjects.oldest)).toBeGreaterThanOrEqual(0)
    expect(at(subjects.oldest)).toBeLessThan(at(subjects.review))
    expect(at(subjects.review)).toBeLessThan(at(subjects.progress))
    expect(at(subjects.progress)).toBeLessThan(at(subjects.formula))
    expect(rowSubjects).not.toContain(subjects.completed)
    const oldest = table.getByRole('row', { name: new RegExp(subjects.oldest) })
    await expect(oldest).toContainText(t.states.submitted)
    await expect(oldest).toContainText(lang === 'en' ? '400 days' : '400 يوم')
    const review = table.getByRole('row', { name: new RegExp(subjects.review) })
    await expect(review).toContainText(demo.coordinator.name)
    await expect(review).toContainText(lang === 'en' ? '12 days' : '12 يومًا')
    await expect(review.getByRole('cell').last()).toHaveText(/^2\D/)
    const href = await review.getByRole('link', { name: subjects.review }).getAttribute('href')
    expect(href).toMatch(new RegExp(`^/${lang}/requests/\\d+$`))

    // Upcoming meetings from the demo seed, with their capacity and a link to their participants.
    const workshop = page.getByRole('row', { name: /Regional workshop on model laws|ورشة عمل إقليمية/ })
    await expect(workshop).toContainText(
      new RegExp(t.meetings.confirmedOf.replace('{{n}}', '\\d+').replace('{{capacity}}', '40')),
    )
    expect(await workshop.getByRole('link').last().getAttribute('href')).toMatch(
      new RegExp(`^/${lang}/meetings/\\d+/participants$`),
    )

    // The resource waiting for review, and the queue.
    await expect(
      page.getByRole('link', {
        name: new RegExp(`${lang === 'en' ? 'Policy brief on returning' : 'موجز سياساتي'}.*${stamp}`),
      }),
    ).toHaveAttribute('href', new RegExp(`^/${lang}/resources/\\d+$`))
    await expect(page.getByRole('link', { name: t.review.all })).toHaveAttribute('href', `/${lang}/resources/review`)
    await expectAccessible(page)
    await snap(page, `coordination-${lang}`)

    // "Only mine": the request assigned to the demo coordinator, not the unassigned oldest one.
    await page.getByRole('link', { name: t.open.mine }).click()
    await expect(page).toHaveURL(new RegExp(`/${lang}/coordination\\?mine=1$`))
    await expect(page.getByRole('link', { name: subjects.review })).toBeVisible()
    await expect(page.getByRole('link', { name: subjects.oldest })).toHaveCount(0)

    // A 360 px screen: the tables scroll inside their box, the page does not.
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto(`/${lang}/coordination`)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await snap(page, `coordination-${lang}-360`)

    // The CSV in the page's language: a BOM, translated headers, one row per request, formula-like cells safe.
    const response = await page.request.get(`/coordination/requests.csv?lang=${lang}`)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toContain('text/csv')
    expect(response.headers()['cache-control']).toBe('no-store')
    expect(response.headers()['content-disposition']).toMatch(
      /^attachment; filename="requests-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    const body = await response.text()
    expect(body.charCodeAt(0)).toBe(0xfeff)
    const [header, ...rows] = parseCsv(body.slice(1))
    expect(header).toEqual(Object.values(t.csv).slice(0, 15))
    expect(header![0]).toBe(lang === 'en' ? 'Request' : 'رقم الطلب')
    expect(rows).toHaveLength(query<{ n: number }>('select count(*) n from assistance_request')[0]!.n)
    const formula = rows.find((r) => r[5]!.includes(`HYPERLINK("http://evil.example") ${stamp}`))!
    expect(formula[5]).toBe(`'${subjects.formula}`)
    expect(formula[6]).toBe(
      lang === 'en' ? 'pillar 1; resolution 1325; theme Women' : 'الركيزة 1؛ القرار 1325؛ موضوع المرأة',
    )
    expect(rows.find((r) => r[5] === subjects.completed)![10]).toBe(t.states.completed)
    expect(
      query(
        'select 1 from audit_event where action = ? and actor_id = (select id from user where email = ?)',
        'coordination.export_requests',
        demo.coordinator.email,
      ).length,
    ).toBeGreaterThan(0)
    await page.context().close()
  })
}

test('a member gets 403 on the dashboard and the CSV; a visitor is sent to sign in and gets 403 for the file', async ({
  browser,
  baseURL,
}) => {
  const member = await pageAs(browser, baseURL!, demo.member.email)
  expect((await member.goto('/en/coordination'))!.status()).toBe(403)
  expect((await member.request.get('/coordination/requests.csv?lang=en')).status()).toBe(403)
  const visitor = await pageAs(browser, baseURL!, null)
  await visitor.goto('/ar/coordination')
  await expect(visitor).toHaveURL(/\/ar\/login\?redirectTo=%2Far%2Fcoordination$/)
  const file = await visitor.request.get('/coordination/requests.csv', { maxRedirects: 0 })
  expect(file.status()).toBe(403)
  expect(await file.text()).not.toContain(subjects.oldest)
  await member.context().close()
  await visitor.context().close()
})
