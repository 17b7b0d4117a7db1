import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import {
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

// A draft's page and the editing of its provisions, in both languages: an editor writes two chapters and five
// articles in Arabic and English, moves one article into the other chapter (the numbers follow) and up, edits one,
// and an empty article is refused; two editors saving the same article: the second is told, sees both texts and
// loses nothing; a member outside the working group sees no controls and every forged post is refused with nothing
// written; a visitor gets 404 for a draft in preparation; at 360 px the language switch works without JavaScript.

type Strings = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const strings = (lang: string, ns: string): Strings =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const text = { en: strings('en', 'drafts'), ar: strings('ar', 'drafts') }
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''))

const labels = {
  en: { chapter: (n: number) => `Chapter ${['I', 'II', 'III'][n - 1]}`, article: (n: number) => `Article ${n}` },
  ar: {
    chapter: (n: number) => `الفصل ${['الأول', 'الثاني', 'الثالث'][n - 1]}`,
    article: (n: number) => `المادة ${n}`,
  },
}

async function contextAs(browser: Browser, baseURL: string, email: string | null, options = {}) {
  const context = await browser.newContext({ baseURL, ...options })
  if (email) await signInAs(context, baseURL, email)
  return context
}
async function pageAs(browser: Browser, baseURL: string, email: string | null) {
  return (await contextAs(browser, baseURL, email)).newPage()
}

/** axe, then screenshots at desktop width and at 360 px (no sideways scrolling). */
async function check(page: Page, name: string) {
  await expectAccessible(page)
  await snap(page, name)
  const size = page.viewportSize()!
  await page.setViewportSize({ width: 360, height: 800 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectAccessible(page)
  await snap(page, `${name}-360`)
  await page.setViewportSize(size)
}

/** A write that returns no rows. */
function run(sql: string, ...params: unknown[]) {
  const db = openTestDb()
  try {
    db.prepare(sql).run(...params)
  } finally {
    db.close()
  }
}

/** A draft written straight into the database, in preparation, with its coordinator, lead and two editors. */
function setUp(lang: 'en' | 'ar', label: string) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`
  const lead = parliamentId('Arab Parliament')
  const coordinator = insertUser({ name: `Coordinator ${stamp}`, role: 'coordinator', locale: lang })
  const editor = insertUser({ name: `${lang === 'ar' ? 'ليلى حداد' : 'Leila Haddad'} ${stamp}`, locale: lang })
  const second = insertUser({ name: `${lang === 'ar' ? 'عمر ناصر' : 'Omar Nasser'} ${stamp}`, locale: lang })
  const member = insertUser({ name: `Member ${stamp}`, parliamentId: lead, locale: lang })
  const title = `${lang === 'ar' ? 'قانون نموذجي' : 'Model law'} ${label} ${stamp}`
  const id = query<{ id: number }>(
    `insert into draft (kind, title_en, title_ar, summary_en, summary_ar, original_language, coordinator_id, created_by_id,
       stage, visibility) values ('model_law', ?, ?, 'Written for the e2e tests.', 'كُتب لاختبارات الواجهة.', ?, ?, ?,
       'preparation', 'public') returning id`,
    title,
    title,
    lang,
    coordinator.id,
    coordinator.id,
  )[0]!.id
  run('insert into draft_lead (draft_id, parliament_id) values (?, ?)', id, lead)
  run('insert into draft_editor (draft_id, user_id) values (?, ?), (?, ?)', id, editor.id, id, second.id)
  return { id, title, coordinator, editor, second, member }
}

/** A provision and its words written straight into the database; returns its id and wId. */
function insertProvision(
  draftId: number,
  input: { parentId?: number | null; kind: string; position: number; texts: Record<string, [string, string]> },
) {
  const wId = `${input.kind === 'article' ? 'art' : 'chp'}_${Math.random().toString(16).slice(2, 12)}`
  const id = query<{ id: number }>(
    'insert into provision (draft_id, parent_id, kind, position, w_id) values (?, ?, ?, ?, ?) returning id',
    draftId,
    input.parentId ?? null,
    input.kind,
    input.position,
    wId,
  )[0]!.id
  for (const [lang, [heading, body]] of Object.entries(input.texts))
    run('insert into provision_text (provision_id, lang, heading, body) values (?, ?, ?, ?)', id, lang, heading, body)
  return { id, wId }
}

/** A chapter with two articles, the second not yet in English. */
function insertText(draftId: number) {
  const chapter = insertProvision(draftId, {
    kind: 'chapter',
    position: 0,
    texts: { ar: ['أحكام عامة', ''], en: ['General provisions', ''] },
  })
  const first = insertProvision(draftId, {
    parentId: chapter.id,
    kind: 'article',
    position: 0,
    texts: {
      ar: ['النطاق', 'يسري هذا القانون على جميع الأشخاص الطبيعيين والاعتباريين.'],
      en: ['Scope', 'This law applies to every natural and legal person.'],
    },
  })
  const second = insertProvision(draftId, {
    parentId: chapter.id,
    kind: 'article',
    position: 1,
    texts: { ar: ['التعاون الدولي', 'تتعاون السلطات المختصة مع نظيراتها الأجنبية.'] },
  })
  return { chapter, first, second }
}

const wIdOf = (draftId: number, heading: string) =>
  query<{ w_id: string }>(
    `select p.w_id from provision p join provision_text t on t.provision_id = p.id
     where p.draft_id = ? and t.heading = ? limit 1`,
    draftId,
    heading,
  )[0]!.w_id

const rowsOf = (draftId: number) =>
  query<{ n: number }>(
    `select (select count(*) from provision where draft_id = ?) + (select count(*) from provision_text t join provision p
       on p.id = t.provision_id where p.draft_id = ?) + (select count(*) from audit_event where target_type = 'draft'
       and target_id = ?) + (select count(*) from provision_change where draft_id = ?) as n`,
    draftId,
    draftId,
    draftId,
    draftId,
  )[0]!.n

/** The row of a provision on the draft's page (its id is its wId, which never changes). */
const row = (page: Page, wId: string) => page.locator(`[id="${wId}"]`)
/** One language's cell of that row. */
const cell = (page: Page, wId: string, lang: string) => row(page, wId).locator(`.draft-prov__cell[lang="${lang}"]`)

for (const lang of languages) {
  const t = text[lang]
  const name = labels[lang]

  test(`an editor writes, moves and edits provisions; numbers follow (${lang})`, async ({ browser, baseURL }) => {
    test.setTimeout(120_000)
    const d = setUp(lang, 'A')
    const page = await pageAs(browser, baseURL!, d.editor.email)
    await page.goto(`/${lang}/drafts/${d.id}`)
    await expect(page.getByRole('heading', { level: 1, name: d.title })).toBeVisible()
    await expect(page.getByText(t.page.empty)).toBeVisible()
    await waitForHydration(page)

    const addIn = async (
      group: string,
      kind: string,
      words: { headingAr: string; headingEn: string; bodyAr?: string; bodyEn?: string },
    ) => {
      const form = page.getByRole('group', { name: group })
      await form.getByLabel(t.page.kind).selectOption(kind)
      await form.getByLabel(t.page.headingIn.ar).fill(words.headingAr)
      await form.getByLabel(t.page.headingIn.en).fill(words.headingEn)
      if (words.bodyAr) await form.getByLabel(t.page.bodyIn.ar).fill(words.bodyAr)
      if (words.bodyEn) await form.getByLabel(t.page.bodyIn.en).fill(words.bodyEn)
      await form.getByRole('button', { name: t.page.add }).click()
      await expect(page.getByText(words.headingEn, { exact: true })).toBeVisible()
    }

    // Two chapters at the end of the draft.
    await addIn(t.page.addFirst, 'chapter', { headingAr: 'أحكام عامة', headingEn: 'General provisions' })
    await addIn(t.page.addAtEnd, 'chapter', { headingAr: 'التجريم', headingEn: 'Offences' })
    const chapterOne = wIdOf(d.id, 'General provisions')
    const chapterTwo = wIdOf(d.id, 'Offences')
    await expect(row(page, chapterOne)).toContainText(name.chapter(1))
    await expect(row(page, chapterTwo)).toContainText(name.chapter(2))

    // Five articles in both languages: three in the first chapter, two in the second.
    const articles = [
      ['التعاريف', 'Definitions of terms', 'يُقصد بالعبارات التالية المعاني المبينة قرين كل منها.', 'In this law:'],
      ['النطاق', 'Scope', 'يسري هذا القانون على الأشخاص الطبيعيين والاعتباريين.', 'This law applies to all persons.'],
      [
        'السلطة المختصة',
        'Competent authority',
        'تُنشأ وحدة للتحريات المالية.',
        'A financial intelligence unit is set up.',
      ],
      [
        'تمويل الإرهاب',
        'Financing of terrorism',
        'يُعاقب كل من جمع أموالًا بقصد تمويل عمل إرهابي.',
        'Whoever collects funds to finance terrorism is punished.',
      ],
      ['الشروع', 'Attempt', 'يُعاقب على الشروع بعقوبة الجريمة التامة.', 'An attempt is punished as the offence.'],
    ] as const
    for (const [i, [headingAr, headingEn, bodyAr, bodyEn]] of articles.entries()) {
      const chapter = i < 3 ? chapterOne : chapterTwo
      const chapterName = name.chapter(i < 3 ? 1 : 2)
      await row(page, chapter)
        .getByRole('link', { name: `${t.page.moreActions} ${chapterName}` })
        .click()
      await expect(page).toHaveURL(new RegExp(`act=${chapter}`))
      await addIn(fill(t.page.addInside, { name: chapterName }), 'article', { headingAr, headingEn, bodyAr, bodyEn })
    }
    const wIds = articles.map(([, headingEn]) => wIdOf(d.id, headingEn))
    for (const [i, wId] of wIds.entries()) {
      await expect(cell(page, wId, 'en')).toContainText(`Article ${i + 1}`)
      await expect(cell(page, wId, 'ar')).toContainText(`المادة ${i + 1}`)
    }
    await expect(page.getByText(t.page.allTranslated)).toBeVisible()

    // The second article moves into the second chapter: it goes last there and becomes article 5.
    await row(page, wIds[1]!)
      .getByRole('link', { name: `${t.page.moreActions} ${name.article(2)}` })
      .click()
    await page.getByLabel(fill(t.page.moveInto, { name: name.article(2) })).selectOption({
      label: `${name.chapter(2)} — ${lang === 'ar' ? 'التجريم' : 'Offences'}`,
    })
    await check(page, `drafts-page-panel-${lang}`)
    await page.getByRole('button', { name: t.page.moveSubmit, exact: true }).click()
    await expect(cell(page, wIds[1]!, 'en')).toContainText('Article 5')
    await expect(cell(page, wIds[2]!, 'en')).toContainText('Article 2')
    await expect(cell(page, wIds[3]!, 'ar')).toContainText('المادة 3')
    const parentOf = (wId: string) =>
      query<{ w: string }>(
        'select parent.w_id as w from provision p join provision parent on parent.id = p.parent_id where p.w_id = ?',
        wId,
      )[0]!.w
    expect(parentOf(wIds[1]!)).toBe(chapterTwo)

    // Up: it swaps with the article before it, and the numbers follow.
    await row(page, wIds[1]!)
      .getByRole('button', { name: `${t.page.move.up} ${name.article(5)}` })
      .click()
    await expect(cell(page, wIds[1]!, 'en')).toContainText('Article 4')
    await expect(cell(page, wIds[4]!, 'en')).toContainText('Article 5')

    // Editing one: both languages in one form; an empty article in both languages is refused and nothing is written.
    await row(page, wIds[0]!)
      .getByRole('link', { name: `${t.page.edit} ${name.article(1)}` })
      .click()
    await expect(
      page.getByRole('heading', { level: 1, name: fill(t.edit.title, { name: name.article(1) }) }),
    ).toBeVisible()
    const before = rowsOf(d.id)
    for (const l of ['ar', 'en'] as const) {
      await page.getByLabel(t.page.headingIn[l]).fill('')
      await page.getByLabel(t.page.bodyIn[l]).fill('')
    }
    await page.getByRole('button', { name: t.edit.save }).click()
    await expect(page.getByRole('alert')).toContainText(t.errors.textRequired)
    expect(rowsOf(d.id)).toBe(before)
    await page.getByLabel(t.page.headingIn.en).fill('Definitions')
    await page
      .getByLabel(t.page.bodyIn.en)
      .fill('In this law:\n- "funds" means assets of every kind;\n- "person" means any natural or legal person.')
    await page.getByLabel(t.page.headingIn.ar).fill('التعريفات')
    await page
      .getByLabel(t.page.bodyIn.ar)
      .fill('في تطبيق أحكام هذا القانون:\n- «الأموال»: الأصول أيًّا كان نوعها؛\n- «الشخص»: أي شخص طبيعي أو اعتباري.')
    await check(page, `drafts-edit-${lang}`)
    await page.getByRole('button', { name: t.edit.save }).click()
    await expect(page).toHaveURL(new RegExp(`/${lang}/drafts/${d.id}#${wIds[0]!}$`))
    const edited = row(page, wIds[0]!)
    await expect(cell(page, wIds[0]!, 'en').locator('li')).toHaveText([
      '"funds" means assets of every kind;',
      '"person" means any natural or legal person.',
    ])
    await expect(cell(page, wIds[0]!, 'ar').locator('li').first()).toHaveText('«الأموال»: الأصول أيًّا كان نوعها؛')
    // The history names who saved.
    await edited.getByRole('link', { name: `${t.page.edit} ${name.article(1)}` }).click()
    await expect(page.getByRole('heading', { name: t.edit.history })).toBeVisible()
    await expect(page.locator('.draft-history')).toContainText(lang === 'ar' ? 'ليلى حداد' : 'Leila Haddad')
    await page.goto(`/${lang}/drafts/${d.id}`)
    await check(page, `drafts-page-${lang}`)
  })

  test(`two editors save the same article: the second is told and loses nothing (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    const d = setUp(lang, 'B')
    const { first } = insertText(d.id)
    const one = await pageAs(browser, baseURL!, d.editor.email)
    const two = await pageAs(browser, baseURL!, d.second.email)
    const edit = `/${lang}/drafts/${d.id}/provisions/${first.wId}/edit`
    await one.goto(edit)
    await two.goto(edit)
    await waitForHydration(two)
    await one.getByLabel(t.page.bodyIn.en).fill('This law applies to every natural and legal person in the State.')
    await one.getByRole('button', { name: t.edit.save }).click()
    await expect(one).toHaveURL(new RegExp(`/${lang}/drafts/${d.id}#${first.wId}$`))

    const mine = 'This law applies to every person, natural or legal, and to their assets.'
    await two.getByLabel(t.page.bodyIn.en).fill(mine)
    await two.getByRole('button', { name: t.edit.save }).click()
    await expect(two.getByRole('alert')).toContainText(t.edit.staleTitle)
    const theirs = two.getByTestId('theirs-en')
    await expect(theirs).toContainText('in the State.')
    await expect(theirs).toContainText(lang === 'ar' ? 'ليلى حداد' : 'Leila Haddad')
    await expect(two.getByLabel(t.edit.yours)).toHaveValue(mine)
    const saved = () =>
      query<{ body: string }>("select body from provision_text where provision_id = ? and lang = 'en'", first.id)[0]!
        .body
    expect(saved()).toContain('in the State.')
    await check(two, `drafts-edit-stale-${lang}`)
    // Merged, then saved again from the new revision: it goes through.
    await two.getByLabel(t.edit.yours).fill(`${mine} It applies in the State.`)
    await two.getByRole('button', { name: t.edit.saveMerged }).click()
    await expect(two).toHaveURL(new RegExp(`/${lang}/drafts/${d.id}#${first.wId}$`))
    expect(saved()).toBe(`${mine} It applies in the State.`)
    expect(
      query<{ n: number }>(
        'select count(*) as n from provision_change where provision_id = ? and lang = ?',
        first.id,
        'en',
      )[0]!.n,
    ).toBe(2)
  })

  test(`a member outside the working group sees no controls and cannot forge them; visitors (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    const d = setUp(lang, 'C')
    const { chapter, first, second } = insertText(d.id)
    // A visitor and a member get 404 while the draft is in preparation.
    const visitor = await pageAs(browser, baseURL!, null)
    expect((await visitor.goto(`/${lang}/drafts/${d.id}`))!.status()).toBe(404)
    const member = await pageAs(browser, baseURL!, d.member.email)
    expect((await member.goto(`/${lang}/drafts/${d.id}`))!.status()).toBe(404)

    // The coordinator in charge opens the consultation; a closing date in the past is refused.
    const coordinator = await pageAs(browser, baseURL!, d.coordinator.email)
    await coordinator.goto(`/${lang}/drafts/${d.id}`)
    await expect(coordinator.getByText(fill(t.page.toTranslateCount, { n: 1 }))).toBeVisible()
    await expect(cell(coordinator, second.wId, 'en')).toContainText(t.page.toTranslate)
    const day = 24 * 3600 * 1000
    const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
    await coordinator.getByLabel(t.stage.closesOn).fill(isoDay(Date.now() - 2 * day))
    await coordinator.getByRole('button', { name: t.stage.moveTo.consultation }).click()
    await expect(coordinator.getByRole('alert')).toHaveText(t.errors.closingDateInPast)
    expect(query<{ stage: string }>('select stage from draft where id = ?', d.id)[0]!.stage).toBe('preparation')
    await coordinator.getByLabel(t.stage.closesOn).fill(isoDay(Date.now() + 30 * day))
    await coordinator.getByRole('button', { name: t.stage.moveTo.consultation }).click()
    await expect(coordinator.getByText(fill(t.stage.current, { stage: t.stages.consultation }))).toBeVisible()
    expect(query<{ stage: string }>('select stage from draft where id = ?', d.id)[0]!.stage).toBe('consultation')

    // Now the member and the visitor read it, with no editing controls; the counts link to the provision's page.
    for (const reader of [member, visitor]) {
      await reader.goto(`/${lang}/drafts/${d.id}`)
      await expect(reader.getByRole('heading', { level: 1, name: d.title })).toBeVisible()
      await expect(reader.getByRole('link', { name: new RegExp(`^${t.page.edit} `) })).toHaveCount(0)
      await expect(reader.getByRole('link', { name: new RegExp(t.page.moreActions) })).toHaveCount(0)
      await expect(reader.getByRole('button', { name: t.page.add })).toHaveCount(0)
      await expect(reader.locator('.draft-page form')).toHaveCount(0)
      await expect(
        row(reader, first.wId).getByRole('link', { name: new RegExp(fill(t.page.commentCount, { n: 0 })) }),
      ).toHaveAttribute('href', `/${lang}/drafts/${d.id}/provisions/${first.wId}`)
      await expect(reader.locator('body')).not.toContainText('@e2e.parlnet.example')
    }
    await check(member, `drafts-page-member-${lang}`)

    // Every intent forged by the member: 403, nothing written.
    const before = rowsOf(d.id)
    const forged: Record<string, string | number>[] = [
      { intent: 'add', kind: 'article', parentId: chapter.id, 'heading.en': 'Forged', 'body.en': 'Forged' },
      { intent: 'move', provisionId: first.id, direction: 'down' },
      { intent: 'move', provisionId: first.id, parentId: 'top' },
      { intent: 'delete', provisionId: first.id },
      { intent: 'stage', to: 'withdrawn' },
      { intent: 'nonsense' },
    ]
    for (const form of forged) {
      const response = await member.request.post(`/${lang}/drafts/${d.id}`, { form, headers: { Origin: baseURL! } })
      expect(response.status(), JSON.stringify(form)).toBe(403)
    }
    const edit = `/${lang}/drafts/${d.id}/provisions/${first.wId}/edit`
    expect((await member.goto(edit))!.status()).toBe(403)
    const save = await member.request.post(edit, {
      form: { baseRevision: 1, 'heading.en': 'Forged', 'body.en': 'Forged' },
      headers: { Origin: baseURL! },
    })
    expect(save.status()).toBe(403)
    // An editor of another draft is nobody here; another draft's provision is not found through this one.
    const other = setUp(lang, 'D')
    const theirs = await pageAs(browser, baseURL!, other.editor.email)
    const cross = await theirs.request.post(`/${lang}/drafts/${other.id}`, {
      form: { intent: 'delete', provisionId: first.id },
      headers: { Origin: baseURL! },
    })
    expect(cross.status()).toBe(404)
    expect((await theirs.goto(`/${lang}/drafts/${other.id}/provisions/${first.wId}/edit`))!.status()).toBe(404)
    expect(rowsOf(d.id)).toBe(before)
    expect(query<{ stage: string }>('select stage from draft where id = ?', d.id)[0]!.stage).toBe('consultation')
  })

  test(`at 360 px the language switch works without JavaScript (${lang})`, async ({ browser, baseURL }) => {
    const d = setUp(lang, 'E')
    const { first, second } = insertText(d.id)
    const context: BrowserContext = await contextAs(browser, baseURL!, d.editor.email, {
      javaScriptEnabled: false,
      viewport: { width: 360, height: 800 },
    })
    const page = await context.newPage()
    await page.goto(`/${lang}/drafts/${d.id}`)
    const other = lang === 'ar' ? 'en' : 'ar'
    // The page's language shows first; the other column is hidden until chosen.
    await expect(cell(page, first.wId, lang)).toBeVisible()
    await expect(cell(page, first.wId, other)).toBeHidden()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await snap(page, `drafts-page-nojs-${lang}-360`)
    const nav = page.getByRole('navigation', { name: t.page.textSwitch })
    await nav.getByRole('link', { name: t.page.textIn[other] }).click()
    await expect(page).toHaveURL(new RegExp(`\\?text=${other}#draft-text$`))
    await expect(nav.getByRole('link', { name: t.page.textIn[other] })).toHaveAttribute('aria-current', 'true')
    await expect(cell(page, first.wId, other)).toBeVisible()
    await expect(cell(page, first.wId, lang)).toBeHidden()
    if (other === 'en') await expect(cell(page, second.wId, 'en')).toContainText(t.page.toTranslate)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    // A move without JavaScript keeps the chosen column.
    await row(page, second.wId)
      .getByRole('button', { name: `${t.page.move.up} ${name.article(2)}` })
      .click()
    await expect(page).toHaveURL(new RegExp(`\\?text=${other}#${second.wId}$`))
    await expect(cell(page, second.wId, other)).toContainText(other === 'en' ? 'Article 1' : 'المادة 1')
    await snap(page, `drafts-page-nojs-${lang}-360-${other}`)
    // The delete step asks first, without JavaScript too.
    await row(page, first.wId)
      .getByRole('link', { name: `${t.page.moreActions} ${name.article(2)}` })
      .click()
    await page.getByRole('link', { name: fill(t.page.delete, { name: name.article(2) }) }).click()
    await expect(page.getByText(fill(t.page.deleteQuestion, { name: name.article(2) }))).toBeVisible()
    expect(query<{ n: number }>('select count(*) as n from provision where id = ?', first.id)[0]!.n).toBe(1)
    await page.getByRole('button', { name: fill(t.page.deleteConfirm, { name: name.article(2) }) }).click()
    await expect(page.locator(`[id="${first.wId}"]`)).toHaveCount(0)
    expect(query<{ n: number }>('select count(*) as n from provision where id = ?', first.id)[0]!.n).toBe(0)
    await context.close()
  })
}
