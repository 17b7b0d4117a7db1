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
  parliamentId,
  query,
  signInAs,
  snap,
  test,
  waitForHydration,
} from './fixtures'

// The consultation on a draft, in both languages, on a draft written straight into the database (this spec does
// not go through the pages that create and edit drafts): a member of another parliament than the lead one proposes
// amendments to article 3 and comments on article 4; an editor replies (the thread's people are mailed), accepts one
// amendment (the text changes) and rejects an outdated one with a reason the proposer then reads. Bad input (an
// empty comment, an empty justification, a forged provision of another draft) is refused with a localized message
// and writes nothing; a member outside the working group cannot accept; a visitor reads the public draft's
// comments without emails and without forms; the list by provision filters and ignores bad values.

const strings = (lang: string) =>
  JSON.parse(
    fs.readFileSync(path.join('locales', lang, 'drafts.json'), 'utf8'),
  ) as typeof import('../locales/en/drafts.json')
const text = { en: strings('en'), ar: strings('ar') }
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

/** A statement that returns no rows. */
function run(sql: string, ...params: unknown[]) {
  const db = openTestDb()
  try {
    db.prepare(sql).run(...params)
  } finally {
    db.close()
  }
}

/** The provision's current words in one language (not an amendment's). */
const current = (page: Page, lang: string) =>
  page.locator(`section[aria-labelledby="consultation-text"] .consultation-text__language[lang="${lang}"]`)

const count = (table: string, where = '1 = 1', ...params: unknown[]) =>
  query<{ n: number }>(`select count(*) as n from ${table} where ${where}`, ...params)[0]!.n

const articles: Record<'en' | 'ar', [string, string][]> = {
  en: [
    ['Purpose', 'This law prevents and suppresses the financing of terrorism.'],
    ['Scope', 'It applies to every natural and legal person in the State.'],
    ['Offence', 'Whoever provides or collects funds for a terrorist act commits an offence.'],
    ['Freezing', 'The competent authority freezes without delay the funds of listed persons.'],
    ['Cooperation', 'The State cooperates with other States in investigations.'],
  ],
  ar: [
    ['الغرض', 'يهدف هذا القانون إلى منع تمويل الإرهاب وقمعه.'],
    ['النطاق', 'يسري على كل شخص طبيعي أو اعتباري في الدولة.'],
    ['الجريمة', 'يُعدّ مرتكبًا لجريمة كل من قدّم أموالًا أو جمعها لعمل إرهابي.'],
    ['التجميد', 'تجمّد السلطة المختصة دون تأخير أموال الأشخاص المدرجين.'],
    ['التعاون', 'تتعاون الدولة مع الدول الأخرى في التحقيقات.'],
  ],
}

/** A draft in consultation (closing in a week) with five articles, the ids and wIds of its provisions. */
function insertDraft(input: {
  titleEn: string
  titleAr: string
  coordinatorId: number
  leadId: number
  editorIds: number[]
  visibility: 'public' | 'members'
}) {
  const closes = Math.floor(Date.now() / 1000) + 7 * 24 * 3600
  const draftId = query<{ id: number }>(
    `insert into draft (kind, title_en, title_ar, original_language, coordinator_id, stage, consultation_closes_at,
       consultation_scope, visibility) values ('model_law', ?, ?, 'en', ?, 'consultation', ?, 'members', ?) returning id`,
    input.titleEn,
    input.titleAr,
    input.coordinatorId,
    closes,
    input.visibility,
  )[0]!.id
  run('insert into draft_lead (draft_id, parliament_id) values (?, ?)', draftId, input.leadId)
  for (const id of input.editorIds) run('insert into draft_editor (draft_id, user_id) values (?, ?)', draftId, id)
  const provisions = articles.en.map((_, i) => {
    const wId = `art_c${draftId}x${i + 1}`
    const id = query<{ id: number }>(
      `insert into provision (draft_id, parent_id, kind, position, w_id) values (?, null, 'article', ?, ?) returning id`,
      draftId,
      i,
      wId,
    )[0]!.id
    for (const lang of languages) {
      const [heading, body] = articles[lang][i]!
      run('insert into provision_text (provision_id, lang, heading, body) values (?, ?, ?, ?)', id, lang, heading, body)
    }
    return { id, wId }
  })
  return { draftId, provisions }
}

const coordinatorId = () => query<{ id: number }>('select id from user where email = ?', demo.coordinator.email)[0]!.id

for (const lang of languages) {
  test(`a member amends and comments, an editor decides, a visitor reads (${lang})`, async ({ browser, baseURL }) => {
    test.setTimeout(240_000)
    const d = text[lang]
    const err = d.errors
    const stamp = Date.now()
    const lead = parliamentId('Arab Parliament')
    const other = parliamentId('Asian Parliamentary Assembly')
    const editor = insertUser({
      name: `${lang === 'ar' ? 'ليلى المحرّرة' : 'Edith Editor'} ${stamp}`,
      parliamentId: lead,
      locale: lang,
    })
    const proposer = insertUser({
      name: `${lang === 'ar' ? 'كريم المقترح' : 'Paul Proposer'} ${stamp}`,
      parliamentId: other,
      locale: lang,
    })
    const title = {
      en: `Model law on terrorist financing ${stamp}`,
      ar: `القانون النموذجي لمكافحة تمويل الإرهاب ${stamp}`,
    }
    const { draftId, provisions } = insertDraft({
      titleEn: title.en,
      titleAr: title.ar,
      coordinatorId: coordinatorId(),
      leadId: lead,
      editorIds: [editor.id],
      visibility: 'public',
    })
    // Another draft, whose provision a forged form points at.
    const elsewhere = insertDraft({
      titleEn: `Another draft ${stamp}`,
      titleAr: `مشروع آخر ${stamp}`,
      coordinatorId: coordinatorId(),
      leadId: lead,
      editorIds: [],
      visibility: 'members',
    })
    const art3 = provisions[2]!
    const art4 = provisions[3]!
    const url = (p: { wId: string }) => `/${lang}/drafts/${draftId}/provisions/${p.wId}`
    const amendments = () => count('draft_amendment', 'draft_id in (?, ?)', draftId, elsewhere.draftId)
    const comments = () => count('draft_comment', 'draft_id = ?', draftId)

    // The member of another parliament on article 3: the text in both languages, the forms.
    const member = await pageAs(browser, baseURL!, proposer.email)
    await member.goto(url(art3))
    await waitForHydration(member)
    await expect(member.getByRole('heading', { level: 1 })).toContainText(lang === 'ar' ? 'المادة 3' : 'Article 3')
    await expect(current(member, 'ar')).toContainText(articles.ar[2]![1])
    await expect(current(member, 'en')).toContainText(articles.en[2]![1])
    await expect(current(member, 'ar')).toHaveAttribute('dir', 'rtl')

    // New wording without a justification: refused, nothing written, the wording kept.
    const replace = member.locator('form#propose-replace')
    await member.locator('summary', { hasText: d.amendment.proposeKinds.replace }).click()
    const newEn = 'Whoever provides, collects or manages funds for a terrorist act or a terrorist commits an offence.'
    const newAr = 'يُعدّ مرتكبًا لجريمة كل من قدّم أموالًا أو جمعها أو أدارها لعمل إرهابي أو لإرهابي.'
    const enBody = replace.getByRole('group', { name: d.amendment.form.language.en }).getByLabel(d.amendment.form.body)
    const arBody = replace.getByRole('group', { name: d.amendment.form.language.ar }).getByLabel(d.amendment.form.body)
    await expect(enBody).toHaveValue(articles.en[2]![1])
    await enBody.fill(newEn)
    await arBody.fill(newAr)
    await replace.getByRole('button', { name: d.amendment.form.submit.replace }).click()
    await expect(member.locator('form#propose-replace').getByText(err.justificationRequired)).toBeVisible()
    expect(amendments()).toBe(0)
    await expect(
      member
        .locator('form#propose-replace')
        .getByRole('group', { name: d.amendment.form.language.en })
        .getByLabel(d.amendment.form.body),
    ).toHaveValue(newEn)

    // A forged provision of another draft: refused with the message, nothing written.
    const forgedForm = member.locator('form#propose-replace')
    await forgedForm.locator('input[name="provisionId"]').evaluate((el, v) => {
      ;(el as HTMLInputElement).value = v
    }, String(elsewhere.provisions[2]!.id))
    await forgedForm.getByLabel(d.amendment.form.justification).fill('Forged')
    await forgedForm.getByRole('button', { name: d.amendment.form.submit.replace }).click()
    await expect(member.locator('form#propose-replace').getByRole('alert')).toHaveText(err.provisionNotInDraft)
    expect(amendments()).toBe(0)

    // The real one: amendment 1, new wording (the text fields still hold what was typed).
    const justification1 = `${lang === 'ar' ? 'إدراج إدارة الأموال' : 'Covers managing funds too'} ${stamp}`
    await member.reload()
    await waitForHydration(member)
    await member.locator('summary', { hasText: d.amendment.proposeKinds.replace }).click()
    const again = member.locator('form#propose-replace')
    await again.getByRole('group', { name: d.amendment.form.language.en }).getByLabel(d.amendment.form.body).fill(newEn)
    await again.getByRole('group', { name: d.amendment.form.language.ar }).getByLabel(d.amendment.form.body).fill(newAr)
    await again.getByLabel(d.amendment.form.justification).fill(justification1)
    await again.getByRole('button', { name: d.amendment.form.submit.replace }).click()
    await expect(member.getByText(justification1)).toBeVisible()
    const a1 = query<{ id: number }>('select id from draft_amendment where justification = ?', justification1)[0]!.id

    // Amendment 2, the deletion of article 3, proposed by the same member.
    const justification2 = `${lang === 'ar' ? 'المادة مكرّرة' : 'Article 3 repeats the penal code'} ${stamp}`
    await member.locator('summary', { hasText: d.amendment.proposeKinds.delete }).click()
    const del = member.locator('form#propose-delete')
    await del.getByLabel(d.amendment.form.justification).fill(justification2)
    await del.getByRole('button', { name: d.amendment.form.submit.delete }).click()
    await expect(member.getByText(justification2)).toBeVisible()
    const a2 = query<{ id: number }>('select id from draft_amendment where justification = ?', justification2)[0]!.id
    await expect(member.locator(`#amendment-${a1} ins`).first()).toBeVisible()
    await check(member, `drafts-consultation-member-${lang}`)

    // A member outside the working group cannot accept: a forged post is refused and changes nothing.
    const forgedAccept = await member.request.post(url(art3), {
      form: { intent: 'accept', amendmentId: String(a1) },
      headers: { Origin: baseURL! },
    })
    expect(forgedAccept.status()).toBe(403)
    expect(query<{ status: string }>('select status from draft_amendment where id = ?', a1)[0]!.status).toBe('open')

    // Article 4: an empty comment is refused, then the member comments.
    await member.goto(url(art4))
    await waitForHydration(member)
    const commentForm = member.locator('form#comment-new')
    await commentForm.getByRole('button', { name: d.comment.post }).click()
    await expect(member.locator('form#comment-new').getByText(err.commentRequired)).toBeVisible()
    expect(comments()).toBe(0)
    const remark = `${lang === 'ar' ? 'ينبغي ذكر مهلة التجميد' : 'The freezing deadline should be stated'} ${stamp}`
    await member.locator('form#comment-new').getByLabel(d.comment.body).fill(remark)
    await member.locator('form#comment-new').getByRole('button', { name: d.comment.post }).click()
    await expect(member.locator('.consultation-threads').getByText(remark)).toBeVisible()
    expect(comments()).toBe(1)

    // The editor replies: the thread's first author is mailed in their language.
    const desk = await pageAs(browser, baseURL!, editor.email)
    await desk.goto(url(art4))
    await waitForHydration(desk)
    const answer = `${lang === 'ar' ? 'سنضيف مهلة أربع وعشرين ساعة' : 'We will add a 24-hour deadline'} ${stamp}`
    const thread = desk.locator('.consultation-thread').first()
    await thread.getByLabel(d.comment.reply).fill(answer)
    await thread.getByRole('button', { name: d.comment.sendReply }).click()
    await expect(desk.locator('.consultation-replies').getByText(answer)).toBeVisible()
    const mail = latestMailTo(proposer.email)!
    expect(mail.subject).toBe(fill(d.mail.commentReply.subject, { title: title[lang] }))
    expect(mail.text_body).toContain(answer)
    expect(mail.locale).toBe(lang)
    await check(desk, `drafts-consultation-editor-${lang}`)

    // The editor accepts amendment 1: the text of article 3 changes; amendment 2 is now outdated.
    await desk.goto(url(art3))
    await waitForHydration(desk)
    await desk.locator(`#amendment-${a1}`).getByRole('button', { name: d.amendment.accept }).click()
    await expect(current(desk, 'en')).toContainText(newEn)
    await expect(current(desk, 'ar')).toContainText(newAr)
    expect(
      query<{ body: string }>("select body from provision_text where provision_id = ? and lang = 'en'", art3.id)[0]!
        .body,
    ).toBe(newEn)
    const outdated = desk.locator(`#amendment-${a2}`)
    await expect(outdated.getByText(d.amendment.outdated, { exact: true })).toBeVisible()

    // Accepting the outdated deletion asks for a confirmation first: without it, nothing is deleted.
    await outdated.getByRole('button', { name: d.amendment.accept }).click()
    await expect(desk.locator(`#amendment-${a2}`).getByRole('alert')).toHaveText(err.amendmentOutdated)
    expect(count('provision', 'id = ?', art3.id)).toBe(1)

    // Rejecting needs a reason; with one, the amendment is rejected.
    const reason = `${lang === 'ar' ? 'الحكم ضروري لاتساق القانون' : 'The article is needed for consistency'} ${stamp}`
    await desk.locator(`#amendment-${a2} summary`).click()
    await desk.locator(`#amendment-${a2}`).getByRole('button', { name: d.amendment.reject }).click()
    await expect(desk.locator(`#amendment-${a2}`).getByText(err.reasonRequired)).toBeVisible()
    expect(query<{ status: string }>('select status from draft_amendment where id = ?', a2)[0]!.status).toBe('open')
    await desk.locator(`#amendment-${a2}`).getByLabel(d.amendment.reasonLabel).fill(reason)
    await desk.locator(`#amendment-${a2}`).getByRole('button', { name: d.amendment.reject }).click()
    await expect(desk.locator(`#amendment-${a2}`).getByText(reason)).toBeVisible()
    expect(query<{ status: string }>('select status from draft_amendment where id = ?', a2)[0]!.status).toBe('rejected')

    // The proposer reads the reason, on the page and by mail.
    await member.goto(url(art3))
    await expect(member.locator(`#amendment-${a2}`)).toContainText(reason)
    await expect(member.locator(`#amendment-${a2}`)).toContainText(d.amendment.states.rejected)
    await expect(member.locator(`#amendment-${a1}`)).toContainText(d.amendment.states.accepted)
    expect(latestMailTo(proposer.email)!.text_body).toContain(reason)

    // The list by provision: filtered by state; a value that is not a choice is ignored.
    await member.goto(`/${lang}/drafts/${draftId}/consultation?state=rejected`)
    await expect(member.getByText(justification2)).toBeVisible()
    await expect(member.getByText(justification1)).toHaveCount(0)
    await member.goto(`/${lang}/drafts/${draftId}/consultation?state=bogus&kind=nothing&provision=%3Cx%3E&comments=1`)
    await expect(member.getByText(justification1)).toBeVisible()
    await expect(member.getByText(justification2)).toBeVisible()
    await expect(member.getByText(remark)).toBeVisible()
    await check(member, `drafts-consultation-list-${lang}`)
    await member.getByRole('link', { name: lang === 'ar' ? /المادة 4/ : /Article 4/ }).click()
    await expect(member).toHaveURL(new RegExp(`${url(art4)}$`))

    // A visitor reads the public draft's comments: names, never emails, and no forms.
    const visitor = await pageAs(browser, baseURL!, null)
    await visitor.goto(url(art4))
    await expect(visitor.getByText(remark)).toBeVisible()
    await expect(visitor.getByText(answer)).toBeVisible()
    await expect(visitor.getByText(proposer.email.split('@')[0]!)).toHaveCount(0)
    const content = (await visitor.locator('main').textContent()) ?? ''
    expect(content).not.toContain(proposer.email)
    expect(content).not.toContain(editor.email)
    expect(content).not.toContain('@')
    await expect(visitor.locator('main textarea')).toHaveCount(0)
    await expect(visitor.locator('main form[method="post"]')).toHaveCount(0)
    await expect(visitor.getByRole('link', { name: d.consultation.signInToTakePart })).toBeVisible()
    await check(visitor, `drafts-consultation-visitor-${lang}`)
    // … and cannot post.
    const forgedComment = await visitor.request.post(url(art4), {
      form: { intent: 'comment', provisionId: String(art4.id), body: 'spam' },
      headers: { Origin: baseURL! },
    })
    expect(forgedComment.status()).toBe(403)
    expect(comments()).toBe(2)
  })
}

test('the consultation works without JavaScript: a comment, a refused proposal that keeps its words', async ({
  browser,
  baseURL,
}) => {
  const d = text.en
  const stamp = Date.now()
  const lead = parliamentId('Arab Parliament')
  const member = insertUser({ name: `No Script ${stamp}`, parliamentId: parliamentId('Asian Parliamentary Assembly') })
  const { draftId, provisions } = insertDraft({
    titleEn: `No-script draft ${stamp}`,
    titleAr: '',
    coordinatorId: coordinatorId(),
    leadId: lead,
    editorIds: [],
    visibility: 'members',
  })
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false })
  await signInAs(context, baseURL!, member.email)
  const page = await context.newPage()
  const url = `/en/drafts/${draftId}/provisions/${provisions[1]!.wId}`
  await page.goto(url)
  const remark = `Without a script ${stamp}`
  await page.locator('form#comment-new').getByLabel(d.comment.body).fill(remark)
  await page.locator('form#comment-new').getByRole('button', { name: d.comment.post }).click()
  await expect(page.locator('.consultation-threads').getByText(remark)).toBeVisible()
  expect(count('draft_comment', 'draft_id = ?', draftId)).toBe(1)

  await page.locator('summary', { hasText: d.amendment.proposeKinds.replace }).click()
  const typed = 'A wording typed without a script.'
  const form = page.locator('form#propose-replace')
  await form.getByRole('group', { name: d.amendment.form.language.en }).getByLabel(d.amendment.form.body).fill(typed)
  await form.getByRole('button', { name: d.amendment.form.submit.replace }).click()
  const again = page.locator('form#propose-replace')
  await expect(again.getByText(d.errors.justificationRequired)).toBeVisible()
  await expect(
    again.getByRole('group', { name: d.amendment.form.language.en }).getByLabel(d.amendment.form.body),
  ).toHaveValue(typed)
  expect(count('draft_amendment', 'draft_id = ?', draftId)).toBe(0)
})
