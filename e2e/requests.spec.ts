import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import {
  demo,
  expect,
  expectAccessible,
  insertUser,
  languages,
  latestMailTo,
  parliamentId,
  query,
  signInAs,
  snap,
  test,
  waitForHydration,
} from './fixtures'

// A request for technical assistance from start to end, in both languages: a member asks for legislative-drafting
// support from the catalogue (after a refusal that saves nothing), a coordinator takes it under review and asks a
// question, the member answers, the coordinator accepts it and completes it with a linked resource; the member is
// told by mail at each step in their language; internal notes never reach the member; a member of another
// parliament and a visitor cannot see the request; a reply to the closed request is refused.

const strings = (lang: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const bundle = (l: string) => ({
  r: strings(l, 'requests'),
  c: strings(l, 'common'),
  n: strings(l, 'network'),
  f: strings(l, 'library'),
})
const text = { en: bundle('en'), ar: bundle('ar') }
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''))

async function pageAs(browser: Browser, baseURL: string, email: string | null) {
  const context = await browser.newContext({ baseURL })
  if (email) await signInAs(context, baseURL, email)
  return context.newPage()
}

/** axe, then screenshots at desktop width and at 360 px (no sideways scrolling). */
async function check(page: Page, name: string) {
  await expectAccessible(page)
  await snap(page, name)
  const size = page.viewportSize()!
  await page.setViewportSize({ width: 360, height: 800 })
  await snap(page, `${name}-360`)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await page.setViewportSize(size)
}

const requestCount = () => query<{ n: number }>('select count(*) as n from assistance_request')[0]!.n
const messageCount = (id: number) =>
  query<{ n: number }>('select count(*) as n from assistance_request_message where request_id = ?', id)[0]!.n

/** A published public resource to link as the request's output. */
/** A published public resource, titled in both languages (it shows on the home pages of both). */
function insertResource(titleEn: string, titleAr: string) {
  return query<{ id: number }>(
    `insert into resource (type, title_en, title_ar, state, visibility, published_at) values ('model_law', ?, ?, 'published', 'public', unixepoch()) returning id`,
    titleEn,
    titleAr,
  )[0]!.id
}

for (const lang of languages) {
  test(`a member asks for legislative drafting and follows it to completion (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000)
    const { r: t, c, n, f: files } = text[lang]
    const stamp = Date.now()
    const home = parliamentId(lang === 'en' ? 'Asian Parliamentary Assembly' : 'Arab Parliament')
    const member = insertUser({
      name: `${lang === 'ar' ? 'سارة المهندي' : 'Sarah Hale'} ${stamp}`,
      parliamentId: home,
      locale: lang,
    })
    const colleague = insertUser({ name: `Colleague ${stamp}`, parliamentId: home, locale: 'en' })
    const colleagueCoordinator = insertUser({ name: `منسقة ${stamp}`, locale: 'ar', role: 'coordinator' })
    const outsider = insertUser({ name: `Outsider ${stamp}`, parliamentId: parliamentId('ParlAmericas'), locale: 'en' })
    const programme = query<{ id: number }>(
      `select id from programme where kind = 'legislative_drafting' and is_active = 1 order by id limit 1`,
    )[0]!
    const subject = `${lang === 'ar' ? 'مراجعة مشروع قانون تمويل الإرهاب' : 'Review of our draft law on terrorism financing'} ${stamp}`
    const mailTo = () => latestMailTo(member.email)!

    // From the catalogue: "Request this" opens the form with the programme chosen.
    const mine = await pageAs(browser, baseURL!, member.email)
    await mine.goto(`/${lang}/programmes`)
    await mine.locator(`a[href="/${lang}/requests/new?programme=${programme.id}"]`).first().click()
    await expect(mine).toHaveURL(new RegExp(`/${lang}/requests/new\\?programme=${programme.id}$`))
    await expect(mine.getByLabel(t.form.programme, { exact: true })).toHaveValue(String(programme.id))
    await expect(mine.getByLabel(t.form.kind, { exact: true })).toHaveValue('legislative_drafting')

    // Bad input: no topic, a desired date in the past → localized messages beside the fields, nothing saved.
    const before = requestCount()
    await mine.getByLabel(t.form.subject, { exact: true }).fill(subject)
    await mine
      .getByLabel(t.form.need, { exact: true })
      .fill(
        lang === 'ar'
          ? 'نحتاج إلى مراجعة مشروع القانون قبل عرضه على اللجنة.'
          : 'We need a review of the draft before it goes to committee.',
      )
    await mine.getByLabel(t.form.desiredFrom, { exact: true }).fill('2020-01-15')
    await mine.getByRole('button', { name: t.form.submit }).click()
    await expect(mine.getByText(c.validation.topicRequired)).toBeVisible()
    await expect(mine.getByText(c.validation.dateInPast)).toBeVisible()
    expect(requestCount()).toBe(before)
    await check(mine, `requests-form-errors-${lang}`)

    // Corrected: a pillar, a resolution, dates ahead, an attachment.
    const future = new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString().slice(0, 10)
    await mine.getByLabel(t.form.desiredFrom, { exact: true }).fill(future)
    await mine.getByLabel(n.pillarsShort['2']).check()
    await mine.getByLabel(c.resolutions['1373']).check()
    await waitForHydration(mine)
    // A real PDF: the store opens what it keeps (a catalogue without pages is refused as damaged).
    await mine.getByLabel(t.form.attachment1).setInputFiles({
      name: 'draft-law.pdf',
      mimeType: 'application/pdf',
      buffer: fs.readFileSync(path.join('e2e', 'fixtures', 'arabic.pdf')),
    })
    await expect(mine.getByRole('status').filter({ hasText: 'draft-law.pdf' })).toHaveText(
      new RegExp(files.upload.uploaded.split('{{')[0]),
    )
    await mine.getByRole('button', { name: t.form.submit }).click()
    await expect(mine).toHaveURL(new RegExp(`/${lang}/requests/\\d+$`))
    const id = Number(new URL(mine.url()).pathname.split('/').pop())
    await expect(mine.getByRole('status')).toHaveText(c.flash.requestSubmitted)
    await expect(mine.getByRole('heading', { level: 1 })).toHaveText(subject)
    await expect(mine.getByRole('link', { name: 'draft-law.pdf' })).toBeVisible()
    expect(mailTo().subject).toBe(fill(t.mail.submitted.subject, { number: id, subject }))
    expect(mailTo().locale).toBe(lang)

    // The coordinator takes it under review, asks a question and writes an internal note.
    const office = await pageAs(browser, baseURL!, demo.coordinator.email)
    await office.goto(`/${lang}/requests/${id}`)
    await office.getByRole('button', { name: t.manage.moveTo.under_review }).click()
    await expect(office.getByRole('status')).toHaveText(c.flash.requestUpdated)
    expect(mailTo().subject).toBe(fill(t.mail.state.under_review.subject, { number: id, subject }))
    const question = `${lang === 'ar' ? 'هل يمكنكم إرسال النص الحالي للقانون؟' : 'Could you send the law in force today?'} ${stamp}`
    await office.getByLabel(t.page.reply).fill(question)
    await office.getByRole('button', { name: t.page.send }).click()
    await expect(office.getByRole('status')).toHaveText(c.flash.messagePosted)
    expect(mailTo().subject).toBe(fill(t.mail.message.subject, { number: id, subject }))
    expect(mailTo().text_body).toContain(question)
    // Put in the hands of a colleague, who is told in Arabic; the requester learns who handles it.
    await office.getByLabel(t.manage.assign, { exact: true }).selectOption({ label: `منسقة ${stamp}` })
    await office.getByRole('button', { name: t.manage.assignButton }).click()
    await expect(office.getByRole('status')).toHaveText(c.flash.requestAssigned)
    expect(mailTo().subject).toBe(fill(t.mail.assigned.subject, { number: id, subject }))
    expect(latestMailTo(colleagueCoordinator.email)!.subject).toBe(
      fill(text.ar.r.mail.assignedToYou.subject, { number: id, subject }),
    )
    const secret = `Internal: check with the UNODC desk first ${stamp}`
    await office.getByLabel(t.manage.note).fill(secret)
    await office.getByRole('button', { name: t.manage.addNote }).click()
    await expect(office.getByRole('status')).toHaveText(c.flash.notePosted)
    await expect(office.getByText(secret)).toBeVisible()
    await check(office, `requests-page-coordinator-${lang}`)

    // The member reads the question and answers; the note is nowhere in what the member receives.
    await mine.goto(`/${lang}/requests/${id}`)
    await expect(mine.getByText(question)).toBeVisible()
    expect(await mine.content()).not.toContain(secret)
    await expect(mine.getByRole('heading', { name: t.manage.title })).toHaveCount(0)
    const answer = `${lang === 'ar' ? 'أرفقنا النص الساري.' : 'We attach the law in force.'} ${stamp}`
    await mine.getByLabel(t.page.reply).fill(answer)
    await mine.getByRole('button', { name: t.page.send }).click()
    await expect(mine.getByRole('status')).toHaveText(c.flash.messagePosted)
    // The reply reaches the coordinator in charge (in Arabic), not every coordinator.
    expect(latestMailTo(colleagueCoordinator.email)!.text_body).toContain(answer)
    expect(latestMailTo(colleagueCoordinator.email)!.locale).toBe('ar')
    expect(latestMailTo(demo.coordinator.email)?.text_body ?? '').not.toContain(answer)
    // A member's forged move is refused.
    const forged = await mine.request.post(`/${lang}/requests/${id}`, {
      form: { intent: 'move', to: 'accepted' },
      headers: { Origin: baseURL! },
    })
    expect(forged.status()).toBe(403)
    // A colleague of the same parliament sees it in the list; another parliament's member and a visitor cannot.
    const colleaguePage = await pageAs(browser, baseURL!, colleague.email)
    await colleaguePage.goto(`/${lang}/requests`)
    await expect(colleaguePage.getByRole('link', { name: subject })).toBeVisible()
    const outsiderPage = await pageAs(browser, baseURL!, outsider.email)
    expect((await outsiderPage.goto(`/${lang}/requests/${id}`))!.status()).toBe(404)
    await outsiderPage.goto(`/${lang}/requests`)
    await expect(outsiderPage.getByRole('link', { name: subject })).toHaveCount(0)
    const fileId = query<{ id: number }>('select id from assistance_request_file where request_id = ?', id)[0]!.id
    expect((await outsiderPage.request.get(`/request-files/${fileId}/draft-law.pdf`)).status()).toBe(404)
    const sneaky = await outsiderPage.request.post(`/${lang}/requests/${id}`, {
      form: { intent: 'message', body: 'hello' },
      headers: { Origin: baseURL! },
    })
    expect(sneaky.status()).toBe(404)
    const visitor = await pageAs(browser, baseURL!, null)
    await visitor.goto(`/${lang}/requests/${id}`)
    await expect(visitor).toHaveURL(new RegExp(`/${lang}/login`))
    expect((await visitor.request.get(`/request-files/${fileId}/draft-law.pdf`)).status()).toBe(404)

    // Accepted, a resource linked as output, completed: the member is told each time.
    await office.goto(`/${lang}/requests/${id}`)
    await expect(office.getByText(answer)).toBeVisible()
    await office.getByRole('button', { name: t.manage.moveTo.accepted }).click()
    await expect(office.getByRole('status')).toHaveText(c.flash.requestUpdated)
    expect(mailTo().subject).toBe(fill(t.mail.state.accepted.subject, { number: id, subject }))
    const titles = { en: `Reviewed draft law ${stamp}`, ar: `مشروع قانون بعد مراجعته ${stamp}` }
    const resourceTitle = titles[lang]
    const resourceId = insertResource(titles.en, titles.ar)
    await office.getByLabel(t.manage.outputReference).fill(`/${lang}/resources/${resourceId}`)
    await office.getByRole('button', { name: t.manage.linkOutput }).click()
    await expect(office.getByRole('status')).toHaveText(c.flash.outputLinked)
    expect(mailTo().subject).toBe(fill(t.mail.output.subject, { number: id, subject }))
    await office.getByRole('button', { name: t.manage.moveTo.completed }).click()
    await expect(office.getByRole('status')).toHaveText(c.flash.requestUpdated)
    expect(mailTo().subject).toBe(fill(t.mail.state.completed.subject, { number: id, subject }))
    expect(mailTo().locale).toBe(lang)

    // The member sees it completed, with its output; a reply now is refused and saves nothing.
    await mine.goto(`/${lang}/requests/${id}`)
    await expect(mine.locator('.request-state')).toHaveText(t.states.completed)
    await expect(mine.getByRole('link', { name: resourceTitle })).toBeVisible()
    await expect(mine.getByText(t.page.closed)).toBeVisible()
    await check(mine, `requests-page-member-${lang}`)
    const messages = messageCount(id)
    const late = await mine.request.post(`/${lang}/requests/${id}`, {
      form: { intent: 'message', body: 'One more thing' },
      headers: { Origin: baseURL! },
    })
    expect(late.status()).toBe(400)
    expect(await late.text()).toContain(c.validation.requestClosed)
    expect(messageCount(id)).toBe(messages)
    expect(await mine.content()).not.toContain(secret)

    // The list of the parliament's requests.
    await mine.goto(`/${lang}/requests`)
    await expect(mine.getByRole('link', { name: subject })).toBeVisible()
    await check(mine, `requests-list-${lang}`)
  })
}

test('a member withdraws a request before work starts; the programme office is told; a coordinator cannot withdraw it', async ({
  browser,
  baseURL,
}) => {
  const { r: t, c } = text.en
  const stamp = Date.now()
  const home = parliamentId('Asian Parliamentary Assembly')
  const member = insertUser({ name: `Withdrawing member ${stamp}`, parliamentId: home, locale: 'en' })
  const subject = `Training no longer needed ${stamp}`
  const now = Math.floor(Date.now() / 1000)
  const id = query<{ id: number }>(
    `insert into assistance_request (parliament_id, requester_id, kind, subject, need, languages, state, submitted_at, state_changed_at)
     values (?, ?, 'training', ?, 'A workshop for committee staff on oversight.', 'en', 'under_review', ?, ?) returning id`,
    home,
    member.id,
    subject,
    now,
    now,
  )[0]!.id
  const office = await pageAs(browser, baseURL!, demo.coordinator.email)
  const forged = await office.request.post(`/en/requests/${id}`, {
    form: { intent: 'withdraw' },
    headers: { Origin: baseURL! },
  })
  expect(forged.status()).toBe(403)

  const mine = await pageAs(browser, baseURL!, member.email)
  await mine.goto(`/en/requests/${id}`)
  // An open request as its parliament sees it (the withdrawal box included).
  await check(mine, 'requests-page-open-en')
  await mine.getByRole('button', { name: t.page.withdraw }).click()
  await expect(mine.getByRole('status')).toHaveText(c.flash.requestWithdrawn)
  await expect(mine.locator('.request-state')).toHaveText(t.states.withdrawn)
  await expect(mine.getByText(t.page.closed)).toBeVisible()
  await expect(mine.getByRole('button', { name: t.page.withdraw })).toHaveCount(0)
  expect(latestMailTo(demo.coordinator.email)!.subject).toBe(
    fill(t.mail.withdrawn.subject, { number: id, subject, parliament: 'Asian Parliamentary Assembly' }),
  )
  expect(query<{ state: string }>('select state from assistance_request where id = ?', id)[0]!.state).toBe('withdrawn')
})

// A draft as a request's output (issue 15, §8): the programme office links a draft out of preparation; one still in
// preparation (its requester could not read it) is refused with a clear message and nothing saved.
const draftsText = { en: strings('en', 'drafts'), ar: strings('ar', 'drafts') }

let drafted = 0
function insertDraft(titleEn: string, stage: 'preparation' | 'consultation') {
  // A real Arabic title (the Arabic pages must show no English words): unique by a number.
  const titleAr = `مشروع نص للاختبار رقم ${++drafted} ${titleEn.replace(/\D+/g, '')}`
  return query<{ id: number }>(
    `insert into draft (kind, title_en, title_ar, stage, visibility, consultation_closes_at)
     values ('model_law', ?, ?, ?, 'members', ?) returning id`,
    titleEn,
    titleAr,
    stage,
    stage === 'preparation' ? null : Math.floor(Date.now() / 1000) + 30 * 24 * 3600,
  )[0]!.id
}

for (const lang of languages) {
  test(`the programme office links a draft as the request's output; the member sees it with its stage (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    const { r: t, c } = text[lang]
    const stamp = Date.now()
    const home = parliamentId('Asian Parliamentary Assembly')
    const member = insertUser({ name: `Drafting member ${stamp}`, parliamentId: home, locale: lang })
    const now = Math.floor(Date.now() / 1000)
    const id = query<{ id: number }>(
      `insert into assistance_request (parliament_id, requester_id, kind, subject, need, languages, state, submitted_at, state_changed_at)
       values (?, ?, 'legislative_drafting', ?, 'Help to draft a model law.', 'en', 'accepted', ?, ?) returning id`,
      home,
      member.id,
      `Model law support ${stamp}`,
      now,
      now,
    )[0]!.id
    const shared = insertDraft(`Model law drafted with the network ${stamp}`, 'consultation')
    const hidden = insertDraft(`Model law still in preparation ${stamp}`, 'preparation')
    const outputs = () =>
      query<{ draft_id: number }>(
        'select draft_id from assistance_request_output where request_id = ? and draft_id is not null',
        id,
      ).map((o) => o.draft_id)

    const office = await pageAs(browser, baseURL!, demo.coordinator.email)
    await office.goto(`/${lang}/requests/${id}`)
    await waitForHydration(office)
    await office.getByLabel(t.manage.outputKind).selectOption('draft')
    await office.getByLabel(t.manage.outputReference).fill(`/${lang}/drafts/${hidden}`)
    await office.getByRole('button', { name: t.manage.linkOutput }).click()
    await expect(office.getByText(c.validation.outputUnknown)).toBeVisible()
    await expect(office.getByLabel(t.manage.outputReference)).toHaveValue(`/${lang}/drafts/${hidden}`)
    expect(outputs()).toEqual([])
    await office.getByLabel(t.manage.outputKind).selectOption('draft')
    await office.getByLabel(t.manage.outputReference).fill(String(shared))
    await office.getByRole('button', { name: t.manage.linkOutput }).click()
    await expect(office.getByRole('status')).toHaveText(c.flash.outputLinked)
    expect(outputs()).toEqual([shared])
    await office.context().close()

    const mine = await pageAs(browser, baseURL!, member.email)
    await mine.goto(`/${lang}/requests/${id}`)
    const item = mine.locator('.request-outputs li')
    await expect(item.locator('.badge')).toHaveText(t.page.outputDraft)
    await expect(item.getByRole('link')).toHaveAttribute('href', `/${lang}/drafts/${shared}`)
    await expect(item.getByText(draftsText[lang].stages.consultation, { exact: false })).toHaveCount(1)
    await check(mine, `requests-page-draft-output-${lang}`)
    await mine.context().close()
  })
}
