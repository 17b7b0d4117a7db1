import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import {
  demo,
  expect,
  expectAccessible,
  insertUser,
  languages,
  parliamentId,
  query,
  signInAs,
  snap,
  test,
  waitForHydration,
} from './fixtures'

// The list of drafts, a new draft (from its fields, or from an Akoma Ntoso file) and the edit page with its working
// group (issue 15), in both languages: bad input and a file that is not Akoma Ntoso are refused with a localized
// message and write nothing; a member sees no "New draft" and a forged request for it is refused; a visitor sees
// only public drafts in consultation or adopted.

const strings = (lang: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const text = {
  en: { d: strings('en', 'drafts'), c: strings('en', 'common'), l: strings('en', 'library') },
  ar: { d: strings('ar', 'drafts'), c: strings('ar', 'common'), l: strings('ar', 'library') },
}
const aknFixture = path.join('app', 'features', 'drafts', 'fixtures', 'commonwealth-act.xml')

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

const draftCount = () => query<{ n: number }>('select count(*) as n from draft')[0]!.n
const provisionCount = () => query<{ n: number }>('select count(*) as n from provision')[0]!.n

function insertDraft(title: string, stage: string, visibility: 'public' | 'members', titleAr = `${title} (ar)`) {
  const closes = stage === 'consultation' ? Math.floor(Date.now() / 1000) + 30 * 24 * 3600 : null
  return query<{ id: number }>(
    `insert into draft (kind, title_en, title_ar, stage, visibility, consultation_closes_at)
     values ('model_law', ?, ?, ?, ?, ?) returning id`,
    title,
    titleAr,
    stage,
    visibility,
    closes,
  )[0]!.id
}

for (const lang of languages) {
  test(`a coordinator creates a draft, and bad input writes nothing (${lang})`, async ({ browser, baseURL }) => {
    test.setTimeout(90_000)
    const { d: t, c } = text[lang]
    const stamp = Date.now()
    const lead = parliamentId('Arab Parliament')
    const editorName = `${lang === 'ar' ? 'ليلى الكبيسي' : 'Leila Kubaisi'} ${stamp}`
    const editor = insertUser({ name: editorName, locale: lang })
    const page = await pageAs(browser, baseURL!, demo.coordinator.email)

    await page.goto(`/${lang}/drafts`)
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr')
    await expect(page.getByRole('heading', { level: 1, name: t.list.title })).toBeVisible()
    await page.getByRole('link', { name: t.list.new }).click()
    await expect(page).toHaveURL(new RegExp(`/${lang}/drafts/new$`))
    await waitForHydration(page)
    await check(page, `drafts-new-${lang}`)

    // No title in either language: refused on the page, what was typed kept, nothing written.
    const before = draftCount()
    const form = page.locator('form#draft-create')
    await form.getByLabel(t.form.summaryEn).fill(`Summary kept ${stamp}`)
    await form.getByLabel(t.form.leads).selectOption(String(lead))
    await form.getByRole('button', { name: t.form.create }).click()
    await expect(form.getByText(c.validation.titleOneLanguage)).toBeVisible()
    await expect(form.getByLabel(t.form.summaryEn)).toHaveValue(`Summary kept ${stamp}`)
    expect(draftCount()).toBe(before)

    // Now with titles, a lead parliament and an editor.
    const titleEn = `Model law on terrorist financing ${stamp}`
    await form.getByLabel(t.form.kind).selectOption('model_law')
    await form.getByLabel(t.form.titleEn).fill(titleEn)
    await form.getByLabel(t.form.titleAr).fill(`القانون النموذجي لمكافحة تمويل الإرهاب ${stamp}`)
    await form.getByLabel(t.form.leads).selectOption(String(lead))
    await form.getByLabel(t.form.editors).selectOption(String(editor.id))
    await form.getByLabel(text[lang].l.themes.terrorism_financing, { exact: true }).check()
    await form.getByRole('button', { name: t.form.create }).click()
    await page.waitForURL(new RegExp(`/${lang}/drafts/\\d+$`))
    const id = Number(new URL(page.url()).pathname.split('/').pop())
    expect(draftCount()).toBe(before + 1)
    expect(query('select parliament_id from draft_lead where draft_id = ?', id)).toEqual([{ parliament_id: lead }])
    expect(query('select user_id from draft_editor where draft_id = ?', id)).toEqual([{ user_id: editor.id }])
    expect(query('select stage, title_en from draft where id = ?', id)).toEqual([
      { stage: 'preparation', title_en: titleEn },
    ])

    // The list shows it, in preparation, with its lead parliament, in the page's language or marked with its own.
    await page.goto(`/${lang}/drafts`)
    const card = page.locator('.draft-card', { hasText: String(stamp) })
    await expect(card).toContainText(t.stages.preparation)
    await expect(card).toContainText(t.kinds.model_law)
    await expect(card).toContainText(lang === 'ar' ? 'البرلمان العربي' : 'Arab Parliament')
    await check(page, `drafts-list-${lang}`)

    // The filters: a stage it is not in hides it; a made-up value is ignored.
    await page.goto(`/${lang}/drafts?stage=adopted`)
    await expect(page.locator('.draft-card', { hasText: String(stamp) })).toHaveCount(0)
    await page.goto(`/${lang}/drafts?stage=bogus&kind=model_law`)
    await expect(page.locator('.draft-card', { hasText: String(stamp) })).toHaveCount(1)
    await expect(page.getByLabel(t.list.stage)).toHaveValue('')

    // The edit page: the fields, and the working group (add one, remove one).
    await page.goto(`/${lang}/drafts/${id}/edit`)
    await waitForHydration(page)
    await expect(page.getByRole('heading', { level: 2, name: t.group.title })).toBeVisible()
    await expect(page.locator('.draft-group__list')).toContainText(String(stamp))
    await check(page, `drafts-edit-${lang}`)
    await page.getByRole('button', { name: t.group.remove.replace('{{name}}', editorName) }).click()
    await expect(page.locator('.draft-group')).toContainText(t.group.empty)
    expect(query('select user_id from draft_editor where draft_id = ?', id)).toEqual([])
    await page.getByLabel(t.group.add).selectOption(String(editor.id))
    await page.getByRole('button', { name: t.group.addButton }).click()
    await expect(page.locator('.draft-group__list')).toContainText(String(stamp))
    expect(query('select user_id from draft_editor where draft_id = ?', id)).toEqual([{ user_id: editor.id }])
    const edit = page.locator('form#draft-save')
    await edit.getByLabel(t.form.titleEn).fill('')
    await edit.getByLabel(t.form.titleAr).fill('')
    await edit.getByRole('button', { name: t.form.save }).click()
    await expect(edit.getByText(c.validation.titleOneLanguage)).toBeVisible()
    expect(query('select title_en from draft where id = ?', id)).toEqual([{ title_en: titleEn }])
    await edit.getByLabel(t.form.titleEn).fill(`${titleEn} (revised)`)
    await edit.getByRole('button', { name: t.form.save }).click()
    await page.waitForURL(new RegExp(`/${lang}/drafts/${id}$`))
    expect(query('select title_en from draft where id = ?', id)).toEqual([{ title_en: `${titleEn} (revised)` }])
  })

  test(`a draft starts from an Akoma Ntoso file; a file that is not XML is refused (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    const { d: t } = text[lang]
    const lead = parliamentId('Arab Parliament')
    const page = await pageAs(browser, baseURL!, demo.coordinator.email)
    await page.goto(`/${lang}/drafts/new`)
    await waitForHydration(page)
    const form = page.locator('form#draft-import')

    const before = { drafts: draftCount(), provisions: provisionCount() }
    await form.getByLabel(t.form.leads).selectOption(String(lead))
    await form
      .getByLabel(t.form.import.file)
      .setInputFiles({ name: 'notes.xml', mimeType: 'text/xml', buffer: Buffer.from('This is not XML at all.') })
    await form.getByRole('button', { name: t.form.import.submit }).click()
    await expect(form.getByText(t.errors.aknNotXml)).toBeVisible()
    await expect(form.getByLabel(t.form.leads)).toHaveValue(String(lead))
    expect({ drafts: draftCount(), provisions: provisionCount() }).toEqual(before)

    // A valid file, sent without JavaScript (a plain multipart post, then the redirect).
    const plain = await pageAs(browser, baseURL!, demo.coordinator.email, false)
    await plain.goto(`/${lang}/drafts/new`)
    const plainForm = plain.locator('form#draft-import')
    await plainForm.getByLabel(t.form.leads).selectOption(String(lead))
    await plainForm.getByLabel(t.form.import.file).setInputFiles(aknFixture)
    await plainForm.getByRole('button', { name: t.form.import.submit }).click()
    await plain.waitForURL(new RegExp(`/${lang}/drafts/\\d+$`))
    const id = Number(new URL(plain.url()).pathname.split('/').pop())
    expect(query('select title_en, kind from draft where id = ?', id)).toEqual([
      { title_en: 'Sample Act', kind: 'model_law' },
    ])
    expect(query<{ n: number }>('select count(*) as n from provision where draft_id = ?', id)[0]!.n).toBe(6)
    expect(query('select w_id from provision where draft_id = ? and parent_id is null', id)).toEqual([
      { w_id: 'chp_1' },
    ])
  })

  test(`a member sees no "New draft" and cannot create one; a visitor sees public drafts only (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    const { d: t } = text[lang]
    const stamp = Date.now()
    const shown = [
      insertDraft(`Public consultation ${stamp}`, 'consultation', 'public'),
      insertDraft(`Public adopted ${stamp}`, 'adopted', 'public', ''),
    ]
    const hidden = [
      insertDraft(`Public preparation ${stamp}`, 'preparation', 'public'),
      insertDraft(`Members consultation ${stamp}`, 'consultation', 'members'),
      insertDraft(`Public revision ${stamp}`, 'revision', 'public'),
    ]

    const member = await pageAs(browser, baseURL!, demo.member.email)
    await member.goto(`/${lang}/drafts`)
    await expect(member.getByRole('heading', { level: 1, name: t.list.title })).toBeVisible()
    await expect(member.getByRole('link', { name: t.list.new })).toHaveCount(0)
    await expect(member.locator('.draft-card', { hasText: `Members consultation ${stamp}` })).toHaveCount(1)
    await expect(member.locator('.draft-card', { hasText: `Public preparation ${stamp}` })).toHaveCount(0)
    expect((await member.request.get(`/${lang}/drafts/new`)).status()).toBe(403)
    const before = draftCount()
    const forged = await member.request.post(`/${lang}/drafts/new`, {
      form: { intent: 'create', kind: 'model_law', titleEn: 'Forged', leadParliamentIds: '1', coordinatorId: '1' },
      headers: { Origin: baseURL! },
    })
    expect(forged.status()).toBe(403)
    const forgedImport = await member.request.post(`/${lang}/drafts/new`, {
      multipart: {
        intent: 'import',
        coordinatorId: '1',
        leadParliamentIds: '1',
        file: { name: 'act.xml', mimeType: 'text/xml', buffer: fs.readFileSync(aknFixture) },
      },
      headers: { Origin: baseURL! },
    })
    expect(forgedImport.status()).toBe(403)
    expect((await member.request.get(`/${lang}/drafts/${shown[0]}/edit`)).status()).toBe(403)
    expect(draftCount()).toBe(before)

    const visitor = await pageAs(browser, baseURL!, null)
    await visitor.goto(`/${lang}/drafts`)
    await expect(visitor.getByRole('link', { name: t.list.new })).toHaveCount(0)
    for (const id of shown) await expect(visitor.locator(`a[href="/${lang}/drafts/${id}"]`)).toHaveCount(1)
    for (const id of hidden) await expect(visitor.locator(`a[href="/${lang}/drafts/${id}"]`)).toHaveCount(0)
    const card = visitor.locator('.draft-card', { hasText: `Public consultation ${stamp}` })
    await expect(card).toContainText(t.stages.consultation)
    // A title only in English on the Arabic page is marked as English.
    const englishOnly = visitor.locator(`a[href="/${lang}/drafts/${shown[1]}"] span[lang="en"]`)
    await expect(englishOnly).toHaveCount(lang === 'ar' ? 1 : 0)
    await check(visitor, `drafts-list-visitor-${lang}`)
    const forgedVisitor = await visitor.request.get(`/${lang}/drafts/new`, { maxRedirects: 0 })
    expect([302, 303, 401, 403]).toContain(forgedVisitor.status())
    await visitor.goto(`/${lang}/drafts?stage=preparation`)
    await expect(visitor.getByText(t.list.emptyFiltered)).toBeVisible()
  })
}
