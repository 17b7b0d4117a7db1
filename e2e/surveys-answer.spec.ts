import { execFileSync } from 'node:child_process'
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
  openTestDb,
  query,
  signInAs,
  snap,
  test,
  waitForHydration,
} from './fixtures'

// Answering a questionnaire on a parliament's behalf (issue 16), in both languages, on questionnaires written straight
// into the database (this spec does not go through the builder's pages): a member of parliament P answers half and
// saves, signs out; a colleague continues and submits; the new mechanism named reaches the review and, accepted, the
// directory for P; the coordinator's status board shows who did what and reopens the response. Members of other
// parliaments, visitors and coordinators cannot write P's response (forged addresses and POSTs: 404/403, nothing
// written); bad input (a number out of bounds, a required answer missing, an option that does not exist, an answer
// after the deadline) is refused with a localized message and writes nothing; the reminder goes only to the
// parliament that has not submitted.

type Strings = typeof import('../locales/en/surveys.json')
const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join('locales', file), 'utf8')) as T
const text = { en: read<Strings>('en/surveys.json'), ar: read<Strings>('ar/surveys.json') }
const common = {
  en: read<typeof import('../locales/en/common.json')>('en/common.json'),
  ar: read<typeof import('../locales/ar/common.json')>('ar/common.json'),
}
const auth = {
  en: read<typeof import('../locales/en/auth.json')>('en/auth.json'),
  ar: read<typeof import('../locales/ar/auth.json')>('ar/auth.json'),
}
const network = {
  en: read<typeof import('../locales/en/network.json')>('en/network.json'),
  ar: read<typeof import('../locales/ar/network.json')>('ar/network.json'),
}
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

function run(sql: string, ...params: unknown[]) {
  const db = openTestDb()
  try {
    return Number(db.prepare(sql).run(...params).lastInsertRowid)
  } finally {
    db.close()
  }
}
const one = <T>(sql: string, ...params: unknown[]) => query<T>(sql, ...params)[0]!

type Setup = ReturnType<typeof setUp>

/**
 * A questionnaire sent to two new parliaments P and Q (a third, R, left out), with two members of P, one of Q and
 * one of R, in `lang`. Q3 (a long text) is asked only when Q2 is yes; Q4 is a number from 0 to 500.
 */
function setUp(lang: 'en' | 'ar') {
  const stamp = `${lang}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`
  const parliament = (letter: string, arabic: string) => {
    const nameEn = `Assembly ${letter} ${stamp}`
    const nameAr = `الجمعية البرلمانية ${arabic} ${stamp}`
    const id = run(
      `insert into parliament (kind, name_en, name_ar, region, joined_at) values ('assembly', ?, ?, 'middle_east_north_africa', '2021-12-13')`,
      nameEn,
      nameAr,
    )
    return { id, name: lang === 'ar' ? nameAr : nameEn }
  }
  const P = parliament('P', 'ب')
  const Q = parliament('Q', 'ق')
  const R = parliament('R', 'ر')
  const title = { en: `Parliamentary responses to terrorism ${stamp}`, ar: `استجابات البرلمانات للإرهاب ${stamp}` }
  const surveyId = run(
    `insert into survey (title_en, title_ar, intro_en, intro_ar, status, deadline, reminder_days, sent_at)
     values (?, ?, 'Written for the tests.', 'كُتب للاختبارات.', 'open', unixepoch() + 30 * 86400, 7, unixepoch())`,
    title.en,
    title.ar,
  )
  const sectionId = run(
    `insert into survey_section (survey_id, position, title_en, title_ar) values (?, 0, 'Threats and mechanisms', 'التهديدات والآليات')`,
    surveyId,
  )
  let position = 0
  const question = (
    kind: string,
    en: string,
    ar: string,
    extra: {
      required?: boolean
      min?: number
      max?: number
      unit?: [string, string]
      condition?: [number, string]
    } = {},
  ) => ({
    id: run(
      `insert into survey_question (survey_id, section_id, position, kind, text_en, text_ar, is_required, number_min,
         number_max, unit_en, unit_ar, condition_question_id, condition_value)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      surveyId,
      sectionId,
      position++,
      kind,
      en,
      ar,
      extra.required ? 1 : 0,
      extra.min ?? null,
      extra.max ?? null,
      extra.unit?.[0] ?? '',
      extra.unit?.[1] ?? '',
      extra.condition?.[0] ?? null,
      extra.condition?.[1] ?? null,
    ),
    text: lang === 'ar' ? ar : en,
  })
  const option = (questionId: number, i: number, en: string, ar: string) => ({
    id: run(
      `insert into survey_option (question_id, position, label_en, label_ar) values (?, ?, ?, ?)`,
      questionId,
      i,
      en,
      ar,
    ),
    label: lang === 'ar' ? ar : en,
  })
  const threat = question('single_choice', 'How high is the threat of terrorism?', 'ما مدى خطر الإرهاب؟', {
    required: true,
  })
  const threatOptions = [
    option(threat.id, 0, 'Low', 'منخفض'),
    option(threat.id, 1, 'Medium', 'متوسط'),
    option(threat.id, 2, 'High', 'مرتفع'),
  ]
  const committee = question(
    'yes_no',
    'Has your parliament a committee on counter-terrorism?',
    'هل لدى برلمانكم لجنة معنية بمكافحة الإرهاب؟',
    { required: true },
  )
  const work = question('long_text', "Describe the committee's work", 'صِفوا عمل اللجنة', {
    required: true,
    condition: [committee.id, 'yes'],
  })
  const members = question('number', 'How many members does it have?', 'كم عدد أعضائها؟', {
    required: true,
    min: 0,
    max: 500,
    unit: ['members', 'عضوًا'],
  })
  const challenges = question('multiple_choice', 'Which challenges do you face?', 'ما التحديات التي تواجهونها؟')
  const challengeOptions = [
    option(challenges.id, 0, 'Financing of terrorism', 'تمويل الإرهاب'),
    option(challenges.id, 1, 'Online radicalisation', 'التطرف عبر الإنترنت'),
    option(challenges.id, 2, 'Foreign fighters', 'المقاتلون الأجانب'),
  ]
  const mechanism = question('mechanism', 'Name a mechanism your parliament has set up', 'اذكروا آلية أنشأها برلمانكم')
  const adopted = question('date', 'When was the last law on terrorism adopted?', 'متى اعتُمد آخر قانون للإرهاب؟')
  const responseOf = (p: number) =>
    run(`insert into survey_response (survey_id, parliament_id) values (?, ?)`, surveyId, p)
  const responses = { P: responseOf(P.id), Q: responseOf(Q.id) }
  const person = (parliamentId: number, name: string) => {
    const full = `${name} ${stamp}`
    return { ...insertUser({ name: full, parliamentId, locale: lang }), name: full }
  }
  return {
    lang,
    stamp,
    surveyId,
    title: title[lang],
    P,
    Q,
    R,
    responses,
    q: { threat, committee, work, members, challenges, mechanism, adopted },
    o: { threat: threatOptions, challenges: challengeOptions },
    people: {
      alia: person(P.id, lang === 'ar' ? 'علياء' : 'Alia'),
      badr: person(P.id, lang === 'ar' ? 'بدر' : 'Badr'),
      qMember: person(Q.id, lang === 'ar' ? 'قاسم' : 'Qasim'),
      rMember: person(R.id, lang === 'ar' ? 'رنا' : 'Rana'),
    },
  }
}

const respondUrl = (s: Setup) => `/${s.lang}/surveys/${s.surveyId}/respond`
const answersOf = (responseId: number) =>
  one<{ n: number }>('select count(*) as n from survey_answer where response_id = ?', responseId).n
const responseRow = (responseId: number) =>
  one<{ status: string; revision: number; submitted_by_id: number | null }>(
    'select status, revision, submitted_by_id from survey_response where id = ?',
    responseId,
  )
/** Everything answering writes for this questionnaire: answers, ticked options, proposals, revisions. */
const written = (s: Setup) =>
  query(
    `select (select count(*) from survey_answer a join survey_response r on r.id = a.response_id where r.survey_id = ?) as answers,
       (select count(*) from survey_answer_choice c join survey_response r on r.id = c.response_id where r.survey_id = ?) as choices,
       (select count(*) from mechanism_proposal m join survey_response r on r.id = m.response_id where r.survey_id = ?) as proposals,
       (select group_concat(status || ':' || revision) from survey_response where survey_id = ?) as responses`,
    s.surveyId,
    s.surveyId,
    s.surveyId,
    s.surveyId,
  )[0]
const field = (page: Page, q: { id: number }) => page.locator(`#question-${q.id}`)

for (const lang of languages) {
  test.describe(`answering a questionnaire (${lang})`, () => {
    const t = text[lang]
    const number = (n: number) => new Intl.NumberFormat(lang).format(n)

    test('members of one parliament answer in turn and submit; the new mechanism reaches the directory', async ({
      browser,
      baseURL,
    }) => {
      test.slow()
      const s = setUp(lang)
      const { alia, badr } = s.people

      // Alia is told on her home and account pages, then answers half and saves.
      const first = await pageAs(browser, baseURL!, alia.email)
      await first.goto(`/${lang}`)
      await expect(first.getByTestId('surveys-to-answer')).toHaveText(
        fill(t.answer.pending.count.one, { n: number(1) }),
      )
      await check(first, `surveys-answer-home-${lang}`)
      await first.goto(`/${lang}/account`)
      await expect(first.getByTestId('surveys-to-answer')).toHaveText(
        fill(t.answer.pending.count.one, { n: number(1) }),
      )
      await first.goto(respondUrl(s))
      await waitForHydration(first)
      await expect(first.getByTestId('response-status')).toHaveText(t.answer.status.invited)
      await field(first, s.q.threat).getByLabel(s.o.threat[2]!.label, { exact: true }).check()
      await field(first, s.q.committee).locator('input[value="yes"]').check()
      await expect(field(first, s.q.work)).toBeVisible()
      // A display condition: "no" hides Q3 as it is chosen (the server clears it too), "yes" shows it again.
      await field(first, s.q.committee).locator('input[value="no"]').check()
      await expect(field(first, s.q.work)).toBeHidden()
      await field(first, s.q.committee).locator('input[value="yes"]').check()
      await expect(field(first, s.q.work)).toBeVisible()
      await field(first, s.q.challenges).getByLabel(s.o.challenges[0]!.label).check()
      await field(first, s.q.challenges).getByLabel(s.o.challenges[1]!.label).check()
      const mechanismName =
        lang === 'ar' ? `لجنة الرقابة الأمنية ${s.stamp}` : `Security oversight committee ${s.stamp}`
      const base = `answers.q${s.q.mechanism.id}`
      await first.locator(`select[name="${base}.mechanismId"]`).selectOption('new')
      await first.locator(`select[name="${base}.proposal.kind"]`).selectOption('committee')
      await first.locator(`[name="${base}.proposal.${lang === 'ar' ? 'nameAr' : 'nameEn'}"]`).fill(mechanismName)
      await first.locator(`[name="${base}.proposal.year"]`).fill('2019')
      // A number out of bounds: refused with its message, nothing written.
      await field(first, s.q.members).getByLabel(s.q.members.text).fill('600')
      await first.getByRole('button', { name: t.answer.save, exact: true }).click()
      const alert = first.getByRole('alert').filter({ hasText: t.answer.errors.invalidAnswers })
      await expect(alert).toBeVisible()
      await expect(alert).toContainText(fill(t.answer.errors.numberTooLarge, { max: 500 }))
      await expect(field(first, s.q.members)).toContainText(fill(t.answer.errors.numberTooLarge, { max: 500 }))
      expect(answersOf(s.responses.P)).toBe(0)
      expect(responseRow(s.responses.P)).toMatchObject({ status: 'invited', revision: 0 })
      // What was typed is still there; corrected, it is saved.
      await expect(field(first, s.q.threat).getByLabel(s.o.threat[2]!.label, { exact: true })).toBeChecked()
      await field(first, s.q.members).getByLabel(s.q.members.text).fill('12')
      await first.getByRole('button', { name: t.answer.save, exact: true }).click()
      await expect(first.getByRole('status').filter({ hasText: t.answer.done.saved })).toBeVisible()
      expect(responseRow(s.responses.P)).toMatchObject({ status: 'started', revision: 1 })
      expect(
        one<{ state: string }>('select state from mechanism_proposal where response_id = ?', s.responses.P).state,
      ).toBe('pending')
      await check(first, `surveys-answer-respond-${lang}`)
      await first.getByRole('button', { name: common[lang].nav.signOut }).click()
      await expect(first.getByRole('status').filter({ hasText: common[lang].flash.signedOut })).toBeVisible()

      // Badr, of the same parliament, finds the draft where Alia left it and submits.
      const second = await pageAs(browser, baseURL!, badr.email)
      await second.goto(respondUrl(s))
      await waitForHydration(second)
      await expect(second.getByTestId('response-status')).toHaveText(t.answer.status.started)
      await expect(field(second, s.q.threat).getByLabel(s.o.threat[2]!.label, { exact: true })).toBeChecked()
      await expect(field(second, s.q.members).getByLabel(s.q.members.text)).toHaveValue('12')
      await expect(second.locator(`[name="${base}.proposal.${lang === 'ar' ? 'nameAr' : 'nameEn'}"]`)).toHaveValue(
        mechanismName,
      )
      await expect(second.locator('.answer-page__facts')).toContainText(alia.name)
      // Q3 is shown (Q2 is yes) and required: the submission is refused, nothing written.
      await second.getByRole('button', { name: t.answer.submit }).click()
      await expect(second.getByRole('alert').filter({ hasText: t.answer.errors.incomplete })).toBeVisible()
      await expect(field(second, s.q.work)).toContainText(t.answer.errors.required)
      expect(responseRow(s.responses.P)).toMatchObject({ status: 'started', revision: 1 })
      await field(second, s.q.work)
        .getByLabel(s.q.work.text)
        .fill(lang === 'ar' ? 'تراقب اللجنة أجهزة الأمن.' : 'The committee oversees the security services.')
      await second.getByRole('button', { name: t.answer.submit }).click()
      await expect(second.getByRole('status').filter({ hasText: t.answer.done.submitted })).toBeVisible()
      await expect(second.getByTestId('response-status')).toHaveText(t.answer.status.submitted)
      await expect(field(second, s.q.members).getByLabel(s.q.members.text)).toBeDisabled()
      await expect(second.getByRole('button', { name: t.answer.submit })).toHaveCount(0)
      expect(responseRow(s.responses.P)).toMatchObject({ status: 'submitted', revision: 2, submitted_by_id: badr.id })
      const thanks = latestMailTo(alia.email)!
      expect(thanks.locale).toBe(lang)
      expect(thanks.subject).toBe(fill(t.mail.thanks.subject, { parliament: s.P.name, title: s.title }))
      expect(thanks.text_body).toContain(`/${lang}/surveys/${s.surveyId}/respond`)
      await check(second, `surveys-answer-submitted-${lang}`)
      // The home page no longer counts it.
      await second.goto(`/${lang}`)
      await expect(second.getByTestId('surveys-to-answer')).toHaveCount(0)
      // From the response, a request for technical assistance opens with the question and its answer.
      await second.goto(respondUrl(s))
      await field(second, s.q.work)
        .getByRole('link', { name: fill(t.answer.assistance.link, { number: 3 }) })
        .click()
      await expect(second).toHaveURL(new RegExp(`/${lang}/requests/new\\?`))
      await expect(second.locator('[name="subject"]')).toHaveValue(
        fill(t.answer.assistance.subject, { question: s.q.work.text }),
      )
      expect(await second.locator('[name="need"]').inputValue()).toContain(s.q.work.text)

      // The coordinator accepts the new mechanism: it is in the directory, for P.
      const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
      await coordinator.goto(`/${lang}/surveys/proposals`)
      const card = coordinator.locator('article').filter({ hasText: mechanismName })
      await expect(card).toContainText(s.P.name)
      await check(coordinator, `surveys-answer-proposals-${lang}`)
      // Without a pillar it is refused with a message, nothing written.
      await card.getByRole('button', { name: t.proposals.accept }).click()
      await expect(coordinator.locator('article').filter({ hasText: mechanismName }).getByRole('alert')).toHaveText(
        t.answer.errors.pillarRequired,
      )
      expect(one<{ n: number }>('select count(*) as n from mechanism where parliament_id = ?', s.P.id).n).toBe(0)
      const again = coordinator.locator('article').filter({ hasText: mechanismName })
      await again.getByLabel(network[lang].pillarsShort['2']).check()
      await again.getByRole('button', { name: t.proposals.accept }).click()
      await expect(coordinator.getByRole('status').filter({ hasText: t.proposals.accepted })).toBeVisible()
      await coordinator.goto(`/${lang}/mechanisms?parliament=${s.P.id}`)
      await expect(coordinator.locator('.mechanism-card').filter({ hasText: mechanismName })).toBeVisible()

      // The status board: P submitted by Badr, Q not started; P reopened.
      await coordinator.goto(`/${lang}/surveys/${s.surveyId}/status`)
      const rowP = coordinator.locator(`tr[data-parliament="${s.P.id}"]`)
      await expect(rowP).toContainText(t.answer.status.submitted)
      await expect(rowP).toContainText(badr.name)
      await expect(coordinator.locator(`tr[data-parliament="${s.Q.id}"]`)).toContainText(t.answer.status.invited)
      await check(coordinator, `surveys-answer-status-${lang}`)
      await rowP.getByRole('button', { name: t.answer.board.reopen }).click()
      await expect(coordinator.getByRole('status').filter({ hasText: t.answer.board.reopened })).toBeVisible()
      expect(responseRow(s.responses.P).status).toBe('reopened')
      await second.goto(respondUrl(s))
      await expect(second.getByTestId('response-status')).toHaveText(t.answer.status.reopened)
      await expect(second.getByRole('button', { name: t.answer.submit })).toBeVisible()
    })

    test("nobody writes another parliament's response; bad input gets its message and writes nothing", async ({
      browser,
      baseURL,
    }) => {
      const s = setUp(lang)
      const forged = (q = s.q.members, value = '7') => ({
        intent: 'save',
        baseRevision: '0',
        [`answers.q${q.id}`]: value,
      })

      // A member of a parliament the questionnaire was not sent to: 404 on the page and on a forged POST.
      const outsider = await pageAs(browser, baseURL!, s.people.rMember.email)
      expect((await outsider.goto(respondUrl(s)))!.status()).toBe(404)
      const post = await outsider.request.post(respondUrl(s), {
        multipart: forged(),
        headers: { Origin: baseURL! },
        maxRedirects: 0,
      })
      expect(post.status()).toBe(404)
      const nothing = written(s)
      expect(nothing).toMatchObject({ answers: 0, choices: 0, proposals: 0 })
      // A file of P's answers is not theirs either.
      expect((await outsider.request.get(`/surveys/${s.surveyId}/files/1`)).status()).toBe(404)

      // A visitor is sent to sign in, and nothing is written.
      const visitor = await pageAs(browser, baseURL!, null)
      const visitorPost = await visitor.request.post(respondUrl(s), {
        multipart: forged(),
        headers: { Origin: baseURL! },
        maxRedirects: 0,
      })
      expect(visitorPost.status()).toBe(302)
      expect(visitorPost.headers().location).toContain(`/${lang}/login?redirectTo=`)
      await visitor.goto(respondUrl(s))
      await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(auth[lang].login.title)
      // A coordinator reads responses on the board, and writes none.
      const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
      expect((await coordinator.goto(respondUrl(s)))!.status()).toBe(403)
      expect(
        (
          await coordinator.request.post(respondUrl(s), {
            multipart: forged(),
            headers: { Origin: baseURL! },
            maxRedirects: 0,
          })
        ).status(),
      ).toBe(403)
      expect(written(s)).toEqual(nothing)

      // Q's member, on Q's own response: an option that does not exist (a forged form) is refused.
      const member = await pageAs(browser, baseURL!, s.people.qMember.email)
      await member.goto(respondUrl(s))
      await waitForHydration(member)
      const low = field(member, s.q.threat).getByLabel(s.o.threat[0]!.label, { exact: true })
      // Changed after it is ticked (ticking it re-renders the form, which would put its value back).
      await low.check()
      await low.evaluate((el) => {
        ;(el as HTMLInputElement).value = '999999'
      })
      await member.getByRole('button', { name: t.answer.save, exact: true }).click()
      await expect(member.getByRole('alert').filter({ hasText: t.answer.errors.invalidAnswers })).toBeVisible()
      await expect(field(member, s.q.threat)).toContainText(t.answer.errors.optionUnknown)
      expect(written(s)).toEqual(nothing)
      // A submission with its required answers missing.
      await member.goto(respondUrl(s))
      await waitForHydration(member)
      await member.getByRole('button', { name: t.answer.submit }).click()
      await expect(member.getByRole('alert').filter({ hasText: t.answer.errors.incomplete })).toBeVisible()
      await expect(field(member, s.q.threat)).toContainText(t.answer.errors.required)
      await expect(field(member, s.q.members)).toContainText(t.answer.errors.required)
      expect(written(s)).toEqual(nothing)

      // After the deadline the page says so and shows no form; a forged save is refused with the message.
      run('update survey set deadline = unixepoch() - 60 where id = ?', s.surveyId)
      await member.goto(respondUrl(s))
      await expect(member.getByRole('note').filter({ hasText: t.answer.closedNotice.deadlinePassed })).toBeVisible()
      await expect(member.getByRole('button', { name: t.answer.save, exact: true })).toHaveCount(0)
      const late = await member.request.post(respondUrl(s), {
        multipart: forged(),
        headers: { Origin: baseURL! },
        maxRedirects: 0,
      })
      expect(late.status()).toBe(400)
      expect(await late.text()).toContain(t.answer.errors.deadlinePassed)
      expect(written(s)).toEqual(nothing)
      await member.goto(`/${lang}`)
      await expect(member.getByTestId('surveys-to-answer')).toHaveCount(0)
    })

    test('the reminder goes only to the parliament that has not submitted, once', async () => {
      const s = setUp(lang)
      run(
        `update survey_response set status = 'submitted', submitted_at = unixepoch(), submitted_by_id = ? where id = ?`,
        s.people.alia.id,
        s.responses.P,
      )
      // Five days before the deadline, within its seven reminder days.
      run('update survey set deadline = unixepoch() + 5 * 86400 where id = ?', s.surveyId)
      const remind = () =>
        execFileSync('npx', ['tsx', 'scripts/send-reminders.ts'], {
          env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DEMO: '0' },
          stdio: 'pipe',
        })
      remind()
      remind()
      const mailsTo = (email: string) =>
        query<{ subject: string; text_body: string; locale: string }>(
          'select subject, text_body, locale from outbox where to_address = ?',
          email,
        )
      const reminders = mailsTo(s.people.qMember.email)
      expect(reminders).toHaveLength(1)
      expect(reminders[0]!.locale).toBe(lang)
      expect(reminders[0]!.subject).toContain(s.title)
      expect(reminders[0]!.text_body).toContain(s.Q.name)
      expect(reminders[0]!.text_body).toContain(`/${lang}/surveys/${s.surveyId}/respond`)
      expect(mailsTo(s.people.alia.email)).toHaveLength(0)
      expect(mailsTo(s.people.badr.email)).toHaveLength(0)
      expect(mailsTo(s.people.rMember.email)).toHaveLength(0)
    })
  })
}
