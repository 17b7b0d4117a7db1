import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
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

// Adoption in the browser (issue 15, §8), in both languages: a coordinator adopts a draft in revision that has a
// saved version through the page's stage form; the page says so and links to the library resource, which lists the
// Word file (a zip with the article's Arabic words) and the Akoma Ntoso files; a visitor reads the adopted draft but
// gets nothing of one in preparation. Bad input: an Akoma Ntoso file of 10,000 articles is refused with the
// localized message and writes nothing. (The page's "add" intent takes one provision per request: there is no
// forged post of 10,000 provisions to make to it.)

type Strings = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const strings = (lang: string, ns: string): Strings =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const text = {
  en: { d: strings('en', 'drafts'), c: strings('en', 'common'), l: strings('en', 'library') },
  ar: { d: strings('ar', 'drafts'), c: strings('ar', 'common'), l: strings('ar', 'library') },
}
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''))

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drafts-adoption-'))
test.afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }))

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
  await expectAccessible(page)
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

const draftCount = () => query<{ n: number }>('select count(*) as n from draft')[0]!.n
const provisionCount = () => query<{ n: number }>('select count(*) as n from provision')[0]!.n
const stageOf = (id: number) => query<{ stage: string }>('select stage from draft where id = ?', id)[0]!.stage

const articleAr = 'تُجمّد أموال الأشخاص المدرجين دون تأخير ودون إخطار مسبق.'

/** A public model law of two articles in Arabic and English, written straight into the test database. */
function insertDraft(title: { en: string; ar: string }, stage: 'preparation' | 'revision') {
  const coordinatorId = query<{ id: number }>('select id from user where email = ?', demo.coordinator.email)[0]!.id
  // In revision: its consultation closed (a day ago).
  const closes = stage === 'revision' ? Math.floor(Date.now() / 1000) - 24 * 3600 : null
  const id = query<{ id: number }>(
    `insert into draft (kind, title_en, title_ar, summary_en, summary_ar, original_language, coordinator_id,
       created_by_id, stage, visibility, consultation_closes_at)
     values ('model_law', ?, ?, 'Written for the e2e tests.', 'كُتب لاختبارات الواجهة.', 'ar', ?, ?, ?, 'public', ?)
     returning id`,
    title.en,
    title.ar,
    coordinatorId,
    coordinatorId,
    stage,
    closes,
  )[0]!.id
  run('insert into draft_lead (draft_id, parliament_id) values (?, ?)', id, parliamentId('Arab Parliament'))
  const articles = [
    ['Purpose', 'This law counters the financing of terrorism.', 'الغرض', 'يهدف هذا القانون إلى مكافحة تمويل الإرهاب.'],
    ['Freezing', 'Funds of listed persons are frozen without delay.', 'التجميد', articleAr],
  ]
  articles.forEach(([headingEn, bodyEn, headingAr, bodyAr], position) => {
    const p = query<{ id: number }>(
      `insert into provision (draft_id, parent_id, kind, position, w_id) values (?, null, 'article', ?, ?) returning id`,
      id,
      position,
      `art_adopt${position + 1}`,
    )[0]!.id
    run(`insert into provision_text (provision_id, lang, heading, body) values (?, 'en', ?, ?)`, p, headingEn, bodyEn)
    run(`insert into provision_text (provision_id, lang, heading, body) values (?, 'ar', ?, ?)`, p, headingAr, bodyAr)
  })
  return id
}

/** A valid Akoma Ntoso act (as app/features/drafts/fixtures/commonwealth-act.xml) whose body holds `n` articles. */
function aknActOf(n: number) {
  const articles: string[] = []
  for (let i = 1; i <= n; i++)
    articles.push(
      `<akn:article eId="art_${i}"><akn:num>${i}</akn:num><akn:content><akn:p>Article ${i}.</akn:p></akn:content></akn:article>`,
    )
  const frbr = (uri: string) =>
    `<akn:FRBRthis value="${uri}/!main"/><akn:FRBRuri value="${uri}"/>` +
    `<akn:FRBRdate date="2020-01-01" name="Generation"/><akn:FRBRauthor href="#council"/>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<akn:akomaNtoso xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <akn:act contains="singleVersion" name="act">
    <akn:meta>
      <akn:identification source="#somebody">
        <akn:FRBRWork>${frbr('/akn/za/act/2020/2')}<akn:FRBRcountry value="za"/><akn:FRBRname value="Long Act"/></akn:FRBRWork>
        <akn:FRBRExpression>${frbr('/akn/za/act/2020/2/eng@')}<akn:FRBRlanguage language="eng"/></akn:FRBRExpression>
        <akn:FRBRManifestation>${frbr('/akn/za/act/2020/2/eng@')}</akn:FRBRManifestation>
      </akn:identification>
    </akn:meta>
    <akn:body>
${articles.join('\n')}
    </akn:body>
  </akn:act>
</akn:akomaNtoso>
`
}

for (const lang of languages) {
  test(`a coordinator adopts a draft: it is in the library with its Word and Akoma Ntoso files (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000)
    const { d: t, c, l } = text[lang]
    const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`
    const title = { en: `Adopted model law ${stamp}`, ar: `قانون نموذجي معتمد ${stamp}` }
    const id = insertDraft(title, 'revision')
    const inPreparation = insertDraft(
      { en: `Model law in preparation ${stamp}`, ar: `قانون نموذجي قيد الإعداد ${stamp}` },
      'preparation',
    )
    const shown = title[lang]
    const page = await pageAs(browser, baseURL!, demo.coordinator.email)

    // Version 1, saved through the versions page.
    await page.goto(`/${lang}/drafts/${id}/versions`)
    await page.getByRole('button', { name: fill(t.versions.save, { n: 1 }) }).click()
    await expect(page.getByRole('link', { name: fill(t.versions.number, { n: 1 }), exact: true })).toBeVisible()

    // The stage form: adopt.
    await page.goto(`/${lang}/drafts/${id}`)
    await waitForHydration(page)
    await expect(page.getByText(fill(t.stage.current, { stage: t.stages.revision }))).toBeVisible()
    await page.getByRole('button', { name: t.stage.moveTo.adopted }).click()
    await expect(page.getByRole('status')).toHaveText(c.flash.draftStageMoved)
    await expect(page.getByRole('heading', { level: 1, name: shown })).toBeVisible()
    await expect(page.locator('.draft-page__kind .badge')).toHaveText(t.stages.adopted)
    await expect(page.locator('.draft-facts')).toContainText(t.stages.adopted)
    // Final: no stage form, no editing.
    await expect(page.getByRole('heading', { level: 2, name: t.stage.title })).toHaveCount(0)
    await expect(page.getByRole('button', { name: t.page.add })).toHaveCount(0)
    expect(stageOf(id)).toBe('adopted')
    const resourceId = query<{ resource_id: number | null }>('select resource_id from draft where id = ?', id)[0]!
      .resource_id!
    expect(resourceId).toBeGreaterThan(0)
    // The working text was version 1's: that version is what was published, no new one saved.
    expect(query('select number from draft_version where draft_id = ?', id)).toEqual([{ number: 1 }])
    const toLibrary = page.getByRole('link', { name: t.page.inLibraryLink })
    await expect(toLibrary).toHaveAttribute('href', `/${lang}/resources/${resourceId}`)
    await check(page, `drafts-adopted-${lang}`)

    // The library resource: published, its files listed, linked back to the draft.
    await toLibrary.click()
    await expect(page).toHaveURL(new RegExp(`/${lang}/resources/${resourceId}$`))
    await expect(page.getByRole('heading', { level: 1, name: shown })).toBeVisible()
    await expect(page.getByRole('link', { name: l.page.draftHistory })).toHaveAttribute('href', `/${lang}/drafts/${id}`)
    const files = page.locator('.resource-files .file-list__item')
    await expect(files).toHaveCount(3)
    const fileLink = (name: string) => page.getByRole('link', { name, exact: true })
    const docxLink = fileLink(`draft-${id}-v1-ar-en.docx`)
    await expect(files.filter({ has: docxLink })).toContainText('DOCX')
    for (const file of ['ar', 'en'])
      await expect(files.filter({ has: fileLink(`draft-${id}-v1-${file}.akn.xml`) })).toContainText('Akoma Ntoso XML')
    await check(page, `drafts-adopted-resource-${lang}`)

    // The Word file: a zip whose document holds the Arabic words of article 2.
    const docx = await page.request.get((await docxLink.getAttribute('href'))!)
    expect(docx.status()).toBe(200)
    const bytes = await docx.body()
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!)).toContain(articleAr)
    const arabicAkn = fileLink(`draft-${id}-v1-ar.akn.xml`)
    const akn = await page.request.get((await arabicAkn.getAttribute('href'))!)
    expect(akn.status()).toBe(200)
    expect(await akn.text()).toContain(articleAr)
    await page.context().close()

    // A visitor: the adopted draft is listed and opens (with its way to the library); the one in preparation is
    // neither listed nor found.
    const visitor = await pageAs(browser, baseURL!, null)
    await visitor.goto(`/${lang}/drafts`)
    await expect(visitor.locator(`a[href="/${lang}/drafts/${id}"]`)).toHaveCount(1)
    await expect(visitor.locator(`a[href="/${lang}/drafts/${inPreparation}"]`)).toHaveCount(0)
    await visitor.locator(`a[href="/${lang}/drafts/${id}"]`).click()
    await expect(visitor).toHaveURL(new RegExp(`/${lang}/drafts/${id}$`))
    await expect(visitor.getByRole('heading', { level: 1, name: shown })).toBeVisible()
    await expect(visitor.locator('.draft-page__kind .badge')).toHaveText(t.stages.adopted)
    await expect(visitor.getByRole('link', { name: t.page.inLibraryLink })).toHaveAttribute(
      'href',
      `/${lang}/resources/${resourceId}`,
    )
    expect((await visitor.goto(`/${lang}/resources/${resourceId}`))!.status()).toBe(200)
    expect((await visitor.goto(`/${lang}/drafts/${inPreparation}`))!.status()).toBe(404)
    await visitor.context().close()
  })

  test(`an Akoma Ntoso file of 10,000 articles is refused and writes nothing (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(60_000)
    const { d: t } = text[lang]
    const file = path.join(workDir, `ten-thousand-${lang}.xml`)
    fs.writeFileSync(file, aknActOf(10_000))
    const lead = parliamentId('Arab Parliament')
    const page = await pageAs(browser, baseURL!, demo.coordinator.email)
    await page.goto(`/${lang}/drafts/new`)
    await waitForHydration(page)
    const form = page.locator('form#draft-import')
    const before = { drafts: draftCount(), provisions: provisionCount() }
    await form.getByLabel(t.form.leads).selectOption(String(lead))
    await form.getByLabel(t.form.import.file).setInputFiles(file)
    await form.getByRole('button', { name: t.form.import.submit }).click()
    await expect(form.getByText(t.errors.aknTooManyProvisions)).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`/${lang}/drafts/new$`))
    await expect(form.getByLabel(t.form.leads)).toHaveValue(String(lead))
    expect({ drafts: draftCount(), provisions: provisionCount() }).toEqual(before)
    await page.context().close()
  })
}
