import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import {
  demo,
  expect,
  expectAccessible,
  insertUser,
  languages,
  openTestDb,
  parliamentId,
  query,
  signInAs,
  snap,
  test,
  waitForHydration,
} from './fixtures'

// The questionnaire builder (issue 16), in both languages: a coordinator creates a questionnaire, adds one question
// of each kind and a display condition (in English with JavaScript, in Arabic without), previews it and sends it to
// three parliaments with a deadline (response rows and invitation mails in each member's language). Bad input is
// refused with a localized message and writes nothing; members get 404 (or 403 once their parliament was sent it)
// on the builder's pages and forged POSTs write nothing; visitors get 404.

const strings = (lang: string, file: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${file}.json`), 'utf8'))
const text = {
  en: { s: strings('en', 'surveys'), c: strings('en', 'common') },
  ar: { s: strings('ar', 'surveys'), c: strings('ar', 'common') },
}
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]))

async function pageAs(browser: Browser, baseURL: string, email: string | null, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled })
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
  await expectAccessible(page)
  await page.setViewportSize(size)
}

/** A statement that returns no rows (an update, an insert without RETURNING). */
function run(sql: string, ...params: unknown[]) {
  const db = openTestDb()
  try {
    db.prepare(sql).run(...params)
  } finally {
    db.close()
  }
}

const count = (table: string, where = '1', ...params: unknown[]) =>
  query<{ n: number }>(`select count(*) as n from ${table} where ${where}`, ...params)[0]!.n

type Kind =
  | 'single_choice'
  | 'multiple_choice'
  | 'yes_no'
  | 'scale'
  | 'number'
  | 'date'
  | 'short_text'
  | 'long_text'
  | 'matrix'
  | 'file'
  | 'mechanism'

const questions: { kind: Kind; en: string; ar: string; options?: [string, string][] }[] = [
  {
    kind: 'single_choice',
    en: 'Which threat weighs most on your country?',
    ar: 'ما أشد التهديدات على بلدكم؟',
    options: [
      ['Online recruitment', 'التجنيد عبر الإنترنت'],
      ['Terrorist financing', 'تمويل الإرهاب'],
      ['Returning fighters', 'المقاتلون العائدون'],
    ],
  },
  {
    kind: 'multiple_choice',
    en: 'Which challenges do members face?',
    ar: 'ما التحديات التي يواجهها الأعضاء؟',
    options: [
      ['Access to information', 'الوصول إلى المعلومات'],
      ['Expertise', 'الخبرة'],
      ['Time', 'الوقت'],
    ],
  },
  { kind: 'yes_no', en: 'Is there a committee on counter-terrorism?', ar: 'هل توجد لجنة لمكافحة الإرهاب؟' },
  { kind: 'scale', en: 'How effective is oversight?', ar: 'ما مدى فعالية الرقابة؟' },
  { kind: 'number', en: 'How many members sit on it?', ar: 'كم عدد أعضائها؟' },
  { kind: 'date', en: 'When was it set up?', ar: 'متى أُنشئت؟' },
  { kind: 'short_text', en: 'What is its name?', ar: 'ما اسمها؟' },
  { kind: 'long_text', en: 'Describe its work.', ar: 'صِفوا عملها.' },
  {
    kind: 'matrix',
    en: 'How well is each pillar covered?',
    ar: 'ما مدى تغطية كل ركيزة؟',
    options: [
      ['Prevention', 'الوقاية'],
      ['Human rights', 'حقوق الإنسان'],
    ],
  },
  { kind: 'file', en: 'Attach its founding text.', ar: 'أرفقوا نص إنشائها.' },
  { kind: 'mechanism', en: 'Which mechanism leads this work?', ar: 'ما الآلية التي تقود هذا العمل؟' },
]

const sent = ['Shura Council of Qatar', 'UK House of Commons', 'Arab Parliament']

for (const lang of languages) {
  test(`a coordinator builds, previews and sends a questionnaire (${lang})`, async ({ browser, baseURL }) => {
    // Eleven questions added one page at a time, and six pages checked at two widths.
    test.setTimeout(120_000)
    const t = text[lang].s
    const c = text[lang].c
    const stamp = `${Date.now()}-${lang}`
    const page = await pageAs(browser, baseURL!, demo.coordinator.email)
    const ready = () => waitForHydration(page)

    await page.goto(`/${lang}/surveys`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.list.title)
    await page.getByRole('link', { name: t.list.new }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.new.title)
    await ready()
    await check(page, `surveys-new-${lang}`)

    // No title in either language: refused on the page, nothing written.
    const before = count('survey')
    await page.getByLabel(t.form.introEn).fill(`Kept ${stamp}`)
    await page.getByRole('button', { name: t.new.create }).click()
    await expect(page.getByText(c.validation.titleOneLanguage)).toBeVisible()
    await expect(page.getByLabel(t.form.introEn)).toHaveValue(`Kept ${stamp}`)
    expect(count('survey')).toBe(before)

    const titleEn = `Parliamentary responses to terrorism ${stamp}`
    const titleAr = `الاستجابات البرلمانية للإرهاب ${stamp}`
    await page.getByLabel(t.form.titleEn).fill(titleEn)
    await page.getByLabel(t.form.titleAr).fill(titleAr)
    await page.getByRole('button', { name: t.new.create }).click()
    await page.waitForURL(new RegExp(`/${lang}/surveys/\\d+/edit\\?done=surveyCreated$`))
    await expect(page.getByRole('status')).toHaveText(t.done.surveyCreated)
    const id = Number(new URL(page.url()).pathname.split('/')[3])
    expect(query('select status, title_en, created_by_id is not null as by from survey where id = ?', id)).toEqual([
      { status: 'draft', title_en: titleEn, by: 1 },
    ])

    const form = () => page.locator('#question-new-form')
    // A question with no words: refused with the builder's message, nothing written.
    await ready()
    await form().getByLabel(t.question.kind).selectOption('yes_no')
    await form().getByRole('button', { name: t.question.add }).click()
    await expect(form().getByText(t.errors.textOneLanguage)).toBeVisible()
    expect(count('survey_question', 'survey_id = ?', id)).toBe(0)
    // A choice with one option only.
    await ready()
    await form().getByLabel(t.question.kind).selectOption('single_choice')
    await form().getByLabel(t.question.textEn).fill('Only one option')
    await form()
      .getByLabel(fill(t.question.optionEn, { n: 1 }))
      .fill('Alone')
    await form().getByRole('button', { name: t.question.add }).click()
    await expect(form().getByText(t.errors.optionsRequired)).toBeVisible()
    expect(count('survey_question', 'survey_id = ?', id)).toBe(0)

    // One question of each kind; the long text is asked only if the yes/no question is answered yes.
    for (const q of questions) {
      await page.goto(`/${lang}/surveys/${id}/edit`)
      await ready()
      await form().getByLabel(t.question.kind).selectOption(q.kind)
      await form().getByLabel(t.question.textEn).fill(q.en)
      await form().getByLabel(t.question.textAr).fill(q.ar)
      if (q.kind === 'number') {
        await form().getByLabel(t.question.helpEn).fill('Count the full members only.')
        await form().getByLabel(t.question.unitEn).fill('members')
        await form().getByLabel(t.question.unitAr).fill('عضوًا')
        await form().getByLabel(t.question.numberMin).fill('0')
        await form().getByLabel(t.question.numberMax).fill('500')
        await form().getByLabel(t.question.required).check()
      }
      if (q.kind === 'scale' || q.kind === 'matrix') {
        await form().getByLabel(t.question.scaleLowEn).fill('Not at all')
        await form().getByLabel(t.question.scaleLowAr).fill('إطلاقًا')
        await form().getByLabel(t.question.scaleHighEn).fill('Fully')
        await form().getByLabel(t.question.scaleHighAr).fill('تمامًا')
      }
      for (const [i, [en, ar]] of (q.options ?? []).entries()) {
        await form()
          .getByLabel(fill(t.question.optionEn, { n: i + 1 }))
          .fill(en)
        await form()
          .getByLabel(fill(t.question.optionAr, { n: i + 1 }))
          .fill(ar)
      }
      if (q.kind === 'long_text') {
        const yesNo = query<{ id: number }>(
          "select id from survey_question where survey_id = ? and kind = 'yes_no'",
          id,
        )[0]!.id
        await form().getByLabel(t.question.condition).selectOption(`${yesNo}:yes`)
      }
      await form().getByRole('button', { name: t.question.add }).click()
      await expect(page.getByRole('status')).toHaveText(t.done.questionAdded)
    }
    const rows = query<{
      id: number
      kind: string
      text_en: string
      condition_question_id: number | null
      condition_value: string | null
      unit_ar: string
      number_max: number | null
      scale_low_en: string
      is_required: number
    }>(
      `select id, kind, text_en, condition_question_id, condition_value, unit_ar, number_max, scale_low_en, is_required
       from survey_question where survey_id = ? order by position`,
      id,
    )
    expect(rows.map((r) => r.kind)).toEqual(questions.map((q) => q.kind))
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r]))
    expect(byKind.long_text).toMatchObject({ condition_question_id: byKind.yes_no!.id, condition_value: 'yes' })
    expect(byKind.number).toMatchObject({ unit_ar: 'عضوًا', number_max: 500, is_required: 1, scale_low_en: '' })
    expect(byKind.matrix).toMatchObject({ scale_low_en: 'Not at all', unit_ar: '' })
    expect(count('survey_option', 'question_id = ?', byKind.yes_no!.id)).toBe(0)
    expect(
      query<{ label_ar: string }>(
        'select label_ar from survey_option where question_id = ? order by position',
        byKind.multiple_choice!.id,
      ).map((o) => o.label_ar),
    ).toEqual(['الوصول إلى المعلومات', 'الخبرة', 'الوقت'])

    // The outline says the condition; the edit page passes axe and fits 360 px.
    await page.goto(`/${lang}/surveys/${id}/edit`)
    const yesWord = t.field.yesNo.yes
    const note = fill(t.condition.shownIf, { condition: fill(t.condition.is, { number: 3, value: yesWord }) })
    await expect(page.locator(`#question-${byKind.long_text!.id}`)).toContainText(note)
    await ready()
    await check(page, `surveys-edit-${lang}`)

    // A condition on a later question is refused, and nothing changes.
    await page.goto(`/${lang}/surveys/${id}/edit?question=${byKind.long_text!.id}`)
    await ready()
    const editor = page.locator(`#question-${byKind.long_text!.id}-form`)
    await expect(editor.getByLabel(t.question.condition).locator('option')).toHaveCount(1 + 3 + 3 + 3)
    await editor.getByLabel(t.question.textEn).fill('Describe its work, in a few lines.')
    await editor.getByRole('button', { name: t.question.save }).click()
    await expect(page.getByRole('status')).toHaveText(t.done.questionSaved)
    expect(query('select text_en from survey_question where id = ?', byKind.long_text!.id)).toEqual([
      { text_en: 'Describe its work, in a few lines.' },
    ])

    // The preview: every kind as a respondent sees it, nothing saved.
    await page.goto(`/${lang}/surveys/${id}/preview`)
    await expect(page.getByRole('note')).toHaveText(t.preview.notice)
    const q = (n: number) => page.locator(`[data-question="${rows[n - 1]!.id}"]`)
    await expect(q(1).getByRole('radio')).toHaveCount(3)
    await expect(
      q(1).getByRole('radio', { name: lang === 'en' ? 'Terrorist financing' : 'تمويل الإرهاب' }),
    ).toBeVisible()
    await expect(q(2).getByRole('checkbox')).toHaveCount(3)
    await expect(q(3).getByRole('radio')).toHaveCount(3)
    await expect(q(4).getByRole('radio')).toHaveCount(5)
    await expect(q(5).getByRole('spinbutton')).toHaveAttribute('max', '500')
    await expect(q(5)).toContainText(lang === 'en' ? 'members' : 'عضوًا')
    await expect(q(6).locator('input[type="date"]')).toHaveCount(1)
    await expect(q(7).getByRole('textbox')).toHaveCount(1)
    await expect(q(8).locator('textarea')).toHaveCount(1)
    await expect(q(8)).toContainText(note)
    await expect(q(9).getByRole('table')).toBeVisible()
    await expect(q(9).getByRole('radio')).toHaveCount(10)
    await expect(q(10).locator('input[type="file"]')).toHaveCount(1)
    await expect(q(11).getByLabel(t.field.mechanism.pick)).toBeVisible()
    await expect(q(11).getByLabel(t.field.mechanism.nameAr)).toBeVisible()
    // The display condition applies as answers are tried.
    await waitForHydration(page)
    await expect(q(8)).toBeHidden()
    await q(3).getByRole('radio', { name: yesWord, exact: true }).check()
    await expect(q(8)).toBeVisible()
    await q(3).getByRole('radio', { name: t.field.yesNo.no, exact: true }).check()
    await expect(q(8)).toBeHidden()
    await check(page, `surveys-preview-${lang}`)

    // Send it to three parliaments by hand, with a deadline and a reminder.
    const parliaments = sent.map(parliamentId)
    const arMember = insertUser({ name: `Member ar ${stamp}`, parliamentId: parliaments[1], locale: 'ar' })
    const enMember = insertUser({ name: `Member en ${stamp}`, parliamentId: parliaments[2], locale: 'en' })
    const gone = insertUser({ name: `Gone ${stamp}`, parliamentId: parliaments[2] })
    run('update user set is_active = 0 where id = ?', gone.id)
    const outsider = insertUser({ name: `Outsider ${stamp}`, parliamentId: parliamentId('ParlAmericas') })
    await page.goto(`/${lang}/surveys/${id}/send`)
    await ready()
    await check(page, `surveys-send-${lang}`)
    // A deadline in the past: refused, nothing written.
    await page.getByLabel(t.send.modes.hand).check()
    for (const pid of parliaments) await page.locator(`#send-parliament-${pid}`).check()
    await page.getByLabel(t.send.deadline, { exact: true }).fill('2020-01-31')
    await page.getByRole('button', { name: t.send.submit }).click()
    await expect(page.getByText(t.errors.deadlineInPast)).toBeVisible()
    expect(count('survey_response', 'survey_id = ?', id)).toBe(0)
    expect(query('select status from survey where id = ?', id)).toEqual([{ status: 'draft' }])

    const mark = query<{ id: number }>('select coalesce(max(id), 0) as id from outbox')[0]!.id
    const deadline = new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString().slice(0, 10)
    await page.getByLabel(t.send.modes.hand).check()
    for (const pid of parliaments) await page.locator(`#send-parliament-${pid}`).check()
    await page.getByLabel(t.send.deadline, { exact: true }).fill(deadline)
    await page.getByLabel(t.send.reminderDays, { exact: true }).fill('5')
    await page.getByRole('button', { name: t.send.submit }).click()
    await page.waitForURL(new RegExp(`/${lang}/surveys/${id}\\?done=surveySent$`))
    await expect(page.getByRole('status')).toHaveText(t.done.surveySent)
    await expect(page.locator('.survey-status--open').first()).toHaveText(t.status.open)
    await check(page, `surveys-overview-${lang}`)

    expect(
      query<{ parliament_id: number; status: string }>(
        'select parliament_id, status from survey_response where survey_id = ? order by parliament_id',
        id,
      ),
    ).toEqual([...parliaments].sort((a, b) => a - b).map((p) => ({ parliament_id: p, status: 'invited' })))
    expect(query('select status, reminder_days, deadline is not null as d from survey where id = ?', id)).toEqual([
      { status: 'open', reminder_days: 5, d: 1 },
    ])
    // One invitation to each active member of the three parliaments, in their language; nobody else.
    const expected = query<{ email: string; locale: string }>(
      `select email, locale from user where is_active = 1 and role = 'member' and parliament_id in (?, ?, ?)`,
      ...parliaments,
    )
    const mails = query<{ to_address: string; locale: string; subject: string; text_body: string }>(
      'select to_address, locale, subject, text_body from outbox where id > ?',
      mark,
    )
    expect(mails.map((m) => `${m.to_address} ${m.locale}`).sort()).toEqual(
      expected.map((u) => `${u.email} ${u.locale}`).sort(),
    )
    expect(mails.map((m) => m.to_address)).toContain(demo.member.email)
    expect(mails.map((m) => m.to_address)).not.toContain(gone.email)
    expect(mails.map((m) => m.to_address)).not.toContain(outsider.email)
    const arMail = mails.find((m) => m.to_address === arMember.email)!
    expect(arMail.subject).toContain(titleAr)
    expect(arMail.text_body).toContain(`/ar/surveys/${id}/respond`)
    const enMail = mails.find((m) => m.to_address === enMember.email)!
    expect(enMail.subject).toContain(titleEn)
    expect(enMail.text_body).toContain(`/en/surveys/${id}/respond`)

    // The list shows it, open.
    await page.goto(`/${lang}/surveys`)
    const card = page.locator('.survey-card', { hasText: stamp })
    await expect(card).toContainText(t.status.open)
    await check(page, `surveys-list-${lang}`)
    await page.context().close()
  })
}

test('the builder works without JavaScript', async ({ browser, baseURL }) => {
  const t = text.ar.s
  const stamp = `${Date.now()}-nojs`
  const page = await pageAs(browser, baseURL!, demo.coordinator.email, false)
  await page.goto('/ar/surveys/new')
  await page.getByLabel(t.form.titleAr).fill(`استبيان بلا جافاسكريبت ${stamp}`)
  await page.getByRole('button', { name: t.new.create }).click()
  await expect(page.getByRole('status')).toHaveText(t.done.surveyCreated)
  const id = Number(new URL(page.url()).pathname.split('/')[3])
  const form = page.locator('#question-new-form')
  // Every kind's fields are there; the server keeps only those of the kind chosen.
  await expect(form.getByLabel(t.question.unitAr)).toBeVisible()
  await expect(form.getByLabel(fill(t.question.optionAr, { n: 1 }))).toBeVisible()
  await form.getByLabel(t.question.kind).selectOption('yes_no')
  await form.getByLabel(t.question.textAr).fill('هل توجد استراتيجية وطنية؟')
  await form.getByLabel(fill(t.question.optionAr, { n: 1 })).fill('خيار لا يُحفظ')
  await form.getByLabel(t.question.unitAr).fill('وحدة لا تُحفظ')
  await form.getByRole('button', { name: t.question.add }).click()
  await expect(page.getByRole('status')).toHaveText(t.done.questionAdded)
  const yesNo = query<{ id: number; unit_ar: string }>(
    'select id, unit_ar from survey_question where survey_id = ?',
    id,
  )
  expect(yesNo).toEqual([{ id: yesNo[0]!.id, unit_ar: '' }])
  expect(count('survey_option', 'question_id = ?', yesNo[0]!.id)).toBe(0)
  // A second question shown only if the first is answered yes, then moved above it: refused, nothing moves.
  await form.getByLabel(t.question.kind).selectOption('short_text')
  await form.getByLabel(t.question.textAr).fill('ما اسمها؟')
  await form.getByLabel(t.question.condition).selectOption(`${yesNo[0]!.id}:yes`)
  await form.getByRole('button', { name: t.question.add }).click()
  await expect(page.getByRole('status')).toHaveText(t.done.questionAdded)
  const second = query<{ id: number }>('select id from survey_question where survey_id = ? order by position', id)[1]!
    .id
  await page
    .locator(`#question-${second}`)
    .getByRole('button', { name: `${t.tools.up} ${fill(t.field.number, { number: 2 })}` })
    .click()
  await expect(page.getByRole('alert').first()).toHaveText(t.errors.conditionNotEarlier)
  expect(query('select id from survey_question where survey_id = ? order by position', id)).toEqual([
    { id: yesNo[0]!.id },
    { id: second },
  ])
  await page.context().close()
})

test('members and visitors cannot reach the builder; forged requests write nothing', async ({ browser, baseURL }) => {
  const stamp = `${Date.now()}`
  const coordinator = query<{ id: number }>('select id from user where email = ?', demo.coordinator.email)[0]!.id
  const [draft, open] = ['draft', 'open'].map(
    (status) =>
      query<{ id: number }>(
        `insert into survey (title_en, title_ar, status, created_by_id, deadline) values (?, ?, ?, ?, ?) returning id`,
        `Access ${status} ${stamp}`,
        `وصول ${stamp}`,
        status,
        coordinator,
        status === 'open' ? Math.floor(Date.now() / 1000) + 30 * 24 * 3600 : null,
      )[0]!.id,
  )
  for (const id of [draft, open]) {
    const section = query<{ id: number }>(
      'insert into survey_section (survey_id, position) values (?, 1) returning id',
      id,
    )[0]!.id
    run(
      `insert into survey_question (survey_id, section_id, position, kind, text_en) values (?, ?, 1, 'yes_no', 'Q?')`,
      id,
      section,
    )
  }
  const qatar = parliamentId('Shura Council of Qatar')
  run(`insert into survey_response (survey_id, parliament_id, status) values (?, ?, 'invited')`, open, qatar)
  const snapshot = () => ({
    surveys: count('survey'),
    questions: count('survey_question'),
    sections: count('survey_section'),
    responses: count('survey_response'),
    outbox: count('outbox'),
    survey: query('select * from survey where id in (?, ?) order by id', draft, open),
  })
  const before = snapshot()

  const member = await pageAs(browser, baseURL!, demo.member.email)
  const visitor = await pageAs(browser, baseURL!, null)
  const post = (page: Page, url: string, form: Record<string, string>) =>
    page.request.post(url, { form, headers: { Origin: baseURL! }, maxRedirects: 0 })

  for (const lang of languages) {
    // The member's parliament was not sent the draft: it does not exist for them.
    for (const suffix of ['', '/edit', '/preview', '/send'])
      expect((await member.goto(`/${lang}/surveys/${draft}${suffix}`))?.status(), `draft${suffix}`).toBe(404)
    // It was sent the open one: they see it, but may not build or send it.
    expect((await member.goto(`/${lang}/surveys/${open}`))?.status()).toBe(200)
    await expect(member.getByRole('link', { name: text[lang].s.overview.edit })).toHaveCount(0)
    for (const suffix of ['/edit', '/preview', '/send'])
      expect((await member.goto(`/${lang}/surveys/${open}${suffix}`))?.status(), `open${suffix}`).toBe(403)
    expect((await member.goto(`/${lang}/surveys/new`))?.status()).toBe(403)
    await member.goto(`/${lang}/surveys`)
    await expect(member.getByRole('link', { name: text[lang].s.list.new })).toHaveCount(0)
    await expect(
      member
        .locator('.survey-card', { hasText: `Access open ${stamp}` })
        .or(member.locator('.survey-card', { hasText: `وصول ${stamp}` })),
    ).toHaveCount(1)

    // Visitors: 404 on every page of both (neither has published results).
    for (const id of [draft, open])
      for (const suffix of ['', '/edit', '/preview', '/send'])
        expect((await visitor.goto(`/${lang}/surveys/${id}${suffix}`))?.status(), `visitor ${id}${suffix}`).toBe(404)
    expect(new URL((await visitor.goto(`/${lang}/surveys/new`))!.url()).pathname).toBe(`/${lang}/login`)

    // Forged POSTs.
    const question = { intent: 'addQuestion', sectionId: '1', kind: 'yes_no', textEn: 'Forged' }
    expect((await post(member, `/${lang}/surveys/${draft}/edit`, question)).status()).toBe(404)
    expect((await post(member, `/${lang}/surveys/${open}/edit`, question)).status()).toBe(403)
    expect(
      (await post(member, `/${lang}/surveys/${open}/edit`, { intent: 'saveSurvey', titleEn: 'Forged' })).status(),
    ).toBe(403)
    expect(
      (await post(member, `/${lang}/surveys/${open}/send`, { mode: 'all', deadline: '2099-01-01' })).status(),
    ).toBe(403)
    expect((await post(member, `/${lang}/surveys/new`, { titleEn: `Forged ${stamp}` })).status()).toBe(403)
    expect((await post(visitor, `/${lang}/surveys/${open}/edit`, question)).status()).toBe(404)
    expect(
      (await post(visitor, `/${lang}/surveys/${draft}/send`, { mode: 'all', deadline: '2099-01-01' })).status(),
    ).toBe(404)
    expect((await post(visitor, `/${lang}/surveys/new`, { titleEn: `Forged ${stamp}` })).status()).toBe(302)
  }
  expect(snapshot()).toEqual(before)
  await member.context().close()
  await visitor.context().close()
})
