import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import ExcelJS from 'exceljs'
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
  waitForHydration,
} from './fixtures'

// A questionnaire's results in the browser (issue 16 §3), in both languages, on a questionnaire written straight into
// the database: the coordinator sees a multiple choice answered {A,B}, {A}, {B,C} counted per option (A 2, B 2, C 1;
// a response still being written is not counted), the free-text answers by parliament, and downloads the XLSX, read
// back here with exceljs (Arabic headers in Arabic, a right-to-left sheet). A visitor gets a 404 before the results are
// published; once the coordinator has published them, the aggregates only, with every breakdown of fewer than 5
// parliaments hidden and said so. A member can neither download the exports nor publish (forged requests: 403/404,
// nothing written). axe and no sideways scrolling at 360 px on the coordinator's and the visitor's pages.

type Strings = typeof import('../locales/en/surveys.json')
const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join('locales', file), 'utf8')) as T
const text = { en: read<Strings>('en/surveys.json'), ar: read<Strings>('ar/surveys.json') }
const common = {
  en: read<typeof import('../locales/en/common.json')>('en/common.json'),
  ar: read<typeof import('../locales/ar/common.json')>('ar/common.json'),
}
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''))
const number = (n: number, lang: string) => new Intl.NumberFormat(lang).format(n)
const share = (n: number, lang: string) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(n)

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveys-results-'))
test.afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }))

async function pageAs(browser: Browser, baseURL: string, email: string | null) {
  const context = await browser.newContext({ baseURL })
  if (email) await signInAs(context, baseURL, email)
  return context.newPage()
}

/** axe, then at 360 px: no sideways scrolling, axe again. */
async function check(page: Page, name: string) {
  await expectAccessible(page)
  await snap(page, name)
  const size = page.viewportSize()!
  await page.setViewportSize({ width: 360, height: 800 })
  await snap(page, `${name}-360`)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectAccessible(page)
  await page.setViewportSize(size)
}

function run(sql: string, ...params: unknown[]) {
  const db = openTestDb()
  try {
    return db.prepare(sql).run(...params)
  } finally {
    db.close()
  }
}
const one = (sql: string, ...params: unknown[]) => query<{ id: number }>(sql, ...params)[0]!.id

const options = [
  { en: 'Recruitment online', ar: 'التجنيد عبر الإنترنت' },
  { en: 'Financing of terrorism', ar: 'تمويل الإرهاب' },
  { en: 'Returning fighters', ar: 'المقاتلون العائدون' },
]
const remark = { en: 'Our committee meets monthly', ar: 'تجتمع لجنتنا شهريًا' }

/**
 * An open questionnaire sent to four demo parliaments: three submitted ({A,B}, {A}, {B,C} and a remark in words), one
 * still writing ({C}: not counted). Its results are not published.
 */
function insertSurvey(stamp: string) {
  const id = one(
    `insert into survey (title_en, title_ar, status, sent_at, deadline) values (?, ?, 'open', unixepoch(), unixepoch() + 864000)
     returning id`,
    `Threats questionnaire ${stamp}`,
    `استبيان التهديدات ${stamp}`,
  )
  const section = one(
    `insert into survey_section (survey_id, position, title_en, title_ar) values (?, 0, 'Threats', 'التهديدات') returning id`,
    id,
  )
  const multiple = one(
    `insert into survey_question (survey_id, section_id, position, kind, text_en, text_ar)
     values (?, ?, 0, 'multiple_choice', 'Which threats does your parliament face?', 'ما التهديدات التي يواجهها برلمانكم؟')
     returning id`,
    id,
    section,
  )
  const [a, b, c] = options.map((o, i) =>
    one(
      `insert into survey_option (question_id, position, label_en, label_ar) values (?, ?, ?, ?) returning id`,
      multiple,
      i,
      o.en,
      o.ar,
    ),
  ) as [number, number, number]
  const words = one(
    `insert into survey_question (survey_id, section_id, position, kind, text_en, text_ar)
     values (?, ?, 1, 'short_text', 'What else should we know?', 'ما الذي ينبغي أن نعرفه أيضًا؟') returning id`,
    id,
    section,
  )
  const respond = (parliament: string, status: string, picks: number[], words_?: string) => {
    const response = one(
      `insert into survey_response (survey_id, parliament_id, status, submitted_at) values (?, ?, ?, ?) returning id`,
      id,
      parliamentId(parliament),
      status,
      status === 'submitted' ? Math.floor(Date.now() / 1000) : null,
    )
    run('insert into survey_answer (response_id, question_id) values (?, ?)', response, multiple)
    for (const option of picks)
      run(
        'insert into survey_answer_choice (response_id, question_id, option_id) values (?, ?, ?)',
        response,
        multiple,
        option,
      )
    if (words_)
      run('insert into survey_answer (response_id, question_id, text_value) values (?, ?, ?)', response, words, words_)
  }
  respond('Shura Council of Qatar', 'submitted', [a, b], remark.ar)
  respond('UK House of Commons', 'submitted', [a], remark.en)
  respond('OSCE Parliamentary Assembly', 'submitted', [b, c])
  respond('Asian Parliamentary Assembly', 'started', [c])
  return { id, multiple }
}

for (const lang of languages) {
  const t = text[lang].results
  const x = text[lang].export

  test(`the coordinator sees each option counted on its own and downloads the XLSX (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000)
    const survey = insertSurvey(`${lang}-${Date.now()}`)
    const page = await pageAs(browser, baseURL!, demo.coordinator.email)
    await page.goto(`/${lang}/surveys/${survey.id}/results`)
    await waitForHydration(page)
    await expect(
      page.getByText(fill(t.submittedOf, { submitted: number(3, lang), invited: number(4, lang) })),
    ).toBeVisible()

    const question = page.getByRole('region', {
      name: fill(t.question, {
        number: 1,
        text: lang === 'ar' ? 'ما التهديدات التي يواجهها برلمانكم؟' : 'Which threats does your parliament face?',
      }),
    })
    await expect(
      question.getByText(fill(t.rate, { rate: share(1, lang), answered: number(3, lang), submitted: number(3, lang) })),
    ).toBeVisible()
    // A 2, B 2, C 1 of 3 answers: in the table and in the chart's accessible name.
    const counts = [2, 2, 1]
    for (const [i, o] of options.entries()) {
      const row = question.locator('tr', { has: page.getByRole('rowheader', { name: o[lang], exact: true }) })
      await expect(row.locator('td')).toHaveText([number(counts[i]!, lang), share(counts[i]! / 3, lang)])
    }
    const chart = question.getByRole('img')
    await expect(chart).toHaveAccessibleName(
      new RegExp(`${options[0]![lang]}: ${number(2, lang)} \\(${share(2 / 3, lang).replace('.', '\\.')}\\)`),
    )
    await expect(chart).toHaveAttribute('direction', lang === 'ar' ? 'rtl' : 'ltr')
    // Words by parliament, for coordinators.
    await expect(page.getByRole('cell', { name: remark.en })).toBeVisible()
    await expect(page.getByRole('cell', { name: remark.ar })).toBeVisible()
    await check(page, `surveys-results-coordinator-${lang}`)

    // The XLSX in the page's language, read back.
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: lang === 'ar' ? x.xlsxAr : x.xlsxEn }).click()
    const file = path.join(workDir, `responses-${lang}.xlsx`)
    await (await download).saveAs(file)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const sheet = workbook.getWorksheet(x.sheets.responses)!
    expect(sheet.views[0]!.rightToLeft).toBe(lang === 'ar')
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header.slice(0, 4)).toEqual([x.parliament, x.region, x.kind, x.submittedOn])
    const first =
      lang === 'ar'
        ? 'س1. ما التهديدات التي يواجهها برلمانكم؟: التجنيد عبر الإنترنت'
        : 'Q1. Which threats does your parliament face?: Recruitment online'
    expect(header[4]).toBe(first)
    if (lang === 'ar') expect(header[4]).toMatch(/[\u0600-\u06FF]/)
    // One row per submitted parliament; the A, B, C columns hold 1 (ticked) or 0.
    expect(sheet.actualRowCount).toBe(4)
    const ticks = [2, 3, 4].map((n) => (sheet.getRow(n).values as unknown[]).slice(5, 8))
    expect(ticks.map((r) => r.reduce((s: number, v) => s + Number(v), 0)).sort()).toEqual([1, 2, 2])
    const columnSums = [0, 1, 2].map((k) => ticks.reduce((s, r) => s + Number(r[k]), 0))
    expect(columnSums).toEqual([2, 2, 1])
    await page.context().close()
  })

  test(`a visitor: 404 before publishing, then aggregates only with small breakdowns hidden (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000)
    const stamp = `${lang}-v-${Date.now()}`
    const survey = insertSurvey(stamp)
    const url = `/${lang}/surveys/${survey.id}/results`
    const visitor = await pageAs(browser, baseURL!, null)
    expect((await visitor.goto(url))!.status()).toBe(404)

    const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
    await coordinator.goto(url)
    await waitForHydration(coordinator)
    await coordinator.getByRole('button', { name: t.manage.publish }).click()
    await expect(coordinator.getByRole('status')).toHaveText(t.done.published)
    expect(
      query<{ at: number | null }>('select results_published_at as at from survey where id = ?', survey.id)[0]!.at,
    ).not.toBeNull()

    expect((await visitor.goto(url))!.status()).toBe(200)
    await waitForHydration(visitor)
    const row = visitor.locator('tr', { has: visitor.getByRole('rowheader', { name: options[0]![lang], exact: true }) })
    await expect(row.locator('td')).toHaveText([number(2, lang), share(2 / 3, lang)])
    await expect(visitor.getByText(fill(t.aggregatesOnly, { min: number(5, lang) }))).toBeVisible()
    // No answer of a single parliament, no coordinator's tools.
    await expect(visitor.getByText(remark[lang])).toHaveCount(0)
    await expect(visitor.getByRole('heading', { name: t.answersByParliament })).toHaveCount(0)
    await expect(visitor.getByRole('button', { name: t.manage.unpublish })).toHaveCount(0)
    await check(visitor, `surveys-results-visitor-${lang}`)

    // By region: Europe (2) and the Middle East and North Africa (1) are each fewer than 5: hidden, and said so.
    await visitor.getByRole('link', { name: t.views.region }).click()
    await expect(visitor).toHaveURL(/by=region/)
    const hidden = fill(t.hidden, { min: number(5, lang) })
    const breakdown = visitor.getByRole('region', {
      name: new RegExp(`^${fill(t.question, { number: 1, text: '' }).replace('.', '\\.')}`),
    })
    for (const region of ['europe', 'middle_east_north_africa'] as const) {
      const group = breakdown.getByRole('region', { name: common[lang].regions[region], exact: true })
      await expect(group.getByText(hidden)).toBeVisible()
      await expect(group.getByRole('img')).toHaveCount(0)
      await expect(
        breakdown
          .locator('tr', { has: visitor.getByRole('rowheader', { name: common[lang].regions[region], exact: true }) })
          .locator('td'),
      ).toHaveText(Array(5).fill(t.hiddenCell))
    }
    await check(visitor, `surveys-results-visitor-region-${lang}`)
    // The coordinator sees the same breakdown in full.
    await coordinator.goto(`${url}?by=region`)
    await expect(coordinator.getByText(hidden)).toHaveCount(0)
    // Europe: {A} and {B,C}, each option 1 of 2; the Middle East and North Africa: {A,B}.
    const cells = (region: 'europe' | 'middle_east_north_africa') =>
      coordinator
        .locator('tr', { has: coordinator.getByRole('rowheader', { name: common[lang].regions[region], exact: true }) })
        .first()
        .locator('td')
    const half = `${number(1, lang)} (${share(0.5, lang)})`
    await expect(cells('europe')).toHaveText([number(2, lang), share(1, lang), half, half, half])
    const all = `${number(1, lang)} (${share(1, lang)})`
    const none = `${number(0, lang)} (${share(0, lang)})`
    await expect(cells('middle_east_north_africa')).toHaveText([number(1, lang), share(1, lang), all, all, none])
    await expect(
      coordinator.getByRole('img', { name: fill(t.chartTitle, { number: 1, group: common[lang].regions.europe }) }),
    ).toHaveCount(1)

    // The results page published to the library as a report, once.
    await coordinator.goto(url)
    await waitForHydration(coordinator)
    await coordinator.getByRole('button', { name: t.manage.library }).click()
    await expect(coordinator.getByRole('status')).toHaveText(t.done.library)
    await expect(coordinator.getByRole('button', { name: t.manage.library })).toHaveCount(0)
    await coordinator.getByRole('link', { name: t.manage.inLibrary }).click()
    await expect(coordinator).toHaveURL(new RegExp(`/${lang}/resources/\\d+$`))
    const title = lang === 'ar' ? `استبيان التهديدات ${stamp}` : `Threats questionnaire ${stamp}`
    await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(fill(t.report.title, { title }))
    const files = query<{ name: string }>(
      `select f.original_name as name from resource_file f join survey s on s.resource_id = f.resource_id
       where s.id = ? order by f.position`,
      survey.id,
    )
    expect(files.map((f) => f.name)).toEqual([
      `survey-${survey.id}-results-en.xlsx`,
      `survey-${survey.id}-results-ar.xlsx`,
    ])
    await visitor.context().close()
    await coordinator.context().close()
  })
}

test('a member can neither download the exports nor publish (forged requests: 403/404, nothing written)', async ({
  browser,
  baseURL,
}) => {
  const survey = insertSurvey(`member-${Date.now()}`)
  const member = await pageAs(browser, baseURL!, demo.member.email)
  const post = (intent: string) =>
    member.request.post(`/en/surveys/${survey.id}/results`, {
      form: { intent },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    })
  // Not published: the results do not exist for a member.
  for (const ext of ['csv', 'xlsx'])
    expect((await member.request.get(`/surveys/${survey.id}/results.${ext}?lang=ar`)).status()).toBe(404)
  expect((await post('publish')).status()).toBe(404)
  expect((await member.goto(`/en/surveys/${survey.id}/results`))!.status()).toBe(404)
  run('update survey set results_published_at = unixepoch() where id = ?', survey.id)
  // Published: the member sees the aggregates, but the exports and the actions are for coordinators.
  for (const ext of ['csv', 'xlsx']) {
    const res = await member.request.get(`/surveys/${survey.id}/results.${ext}?lang=en`)
    expect(res.status()).toBe(403)
    expect(res.headers()['content-disposition']).toBeUndefined()
  }
  expect((await post('unpublish')).status()).toBe(403)
  expect((await post('library')).status()).toBe(403)
  const row = query<{ at: number | null; resource: number | null }>(
    'select results_published_at as at, resource_id as resource from survey where id = ?',
    survey.id,
  )[0]!
  expect(row.at).not.toBeNull()
  expect(row.resource).toBeNull()
  expect((await member.goto(`/en/surveys/${survey.id}/results`))!.status()).toBe(200)
  await expect(member.getByText(remark.en)).toHaveCount(0)
  // The coordinator's CSV: UTF-8 with a BOM, one line per submitted parliament.
  const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
  const csv = await coordinator.request.get(`/surveys/${survey.id}/results.csv?lang=ar`)
  expect(csv.status()).toBe(200)
  const body = await csv.body()
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(body.toString('utf8').trim().split('\r\n')).toHaveLength(4)
  expect((await coordinator.request.get(`/surveys/${survey.id}/results.csv?lang=fr`)).status()).toBe(400)
  await member.context().close()
  await coordinator.context().close()
})
