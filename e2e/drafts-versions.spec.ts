import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { extractText, getDocumentProxy } from 'unpdf'
import { expect, expectAccessible, insertUser, languages, openTestDb, query, signInAs, snap, test } from './fixtures'

// Versions of a draft, in both languages: an editor saves version 1, an Arabic word of article 3 changes (and a
// haraka is added to another), the editor saves version 2; the comparison of 1 and 2 shows the changed Arabic words
// in <ins>/<del> with words for screen readers; version 2's Akoma Ntoso files validate against the OASIS schema and
// its Word file is a zip that LibreOffice opens. A member outside the working group cannot save a version (forged
// post: 403, nothing written); a visitor gets 404 for the versions and exports of a draft in preparation.

const strings = (lang: string) => JSON.parse(fs.readFileSync(path.join('locales', lang, 'drafts.json'), 'utf8'))
const text = { en: strings('en'), ar: strings('ar') }
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''))

const xsd = path.resolve('../shared/data/akn/akomantoso30.xsd')
const has = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 60_000 })
    return true
  } catch {
    return false
  }
}
const canValidate = fs.existsSync(xsd) && has('xmllint', ['--version'])
const hasSoffice = has('soffice', ['--version'])
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drafts-versions-'))
test.afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }))

/** A statement that returns no rows. */
function run(sql: string, ...params: unknown[]) {
  const db = openTestDb()
  try {
    db.prepare(sql).run(...params)
  } finally {
    db.close()
  }
}

const article3Before = 'يعاقب كل من جمع الأموال لتمويل الإرهاب بالسجن.'
const article3After = 'يُعاقب كل من جمع الأصول لتمويل الإرهاب بالسجن.'

/** A model law of five articles in Arabic and English, written straight into the test database. */
function insertDraft(input: {
  title: string
  stage: 'preparation' | 'consultation'
  coordinatorId: number
  editorId?: number
  visibility?: 'members' | 'public'
}) {
  const closes = input.stage === 'consultation' ? Math.floor(Date.now() / 1000) + 30 * 24 * 3600 : null
  const id = query<{ id: number }>(
    `insert into draft (kind, title_en, title_ar, original_language, coordinator_id, stage, visibility,
       consultation_closes_at) values ('model_law', ?, ?, 'ar', ?, ?, ?, ?) returning id`,
    `${input.title} (model law)`,
    `${input.title} (قانون نموذجي)`,
    input.coordinatorId,
    input.stage,
    input.visibility ?? 'members',
    closes,
  )[0]!.id
  if (input.editorId) run('insert into draft_editor (draft_id, user_id) values (?, ?)', id, input.editorId)
  const articles = [
    ['Purpose', 'This law counters the financing of terrorism.', 'الغرض', 'يهدف هذا القانون إلى مكافحة تمويل الإرهاب.'],
    ['Definitions', 'Funds means assets of every kind.', 'التعريفات', 'يقصد بالأموال الأصول أيًا كان نوعها.'],
    ['Offence', 'Whoever collects funds to finance terrorism is punished.', 'الجريمة', article3Before],
    ['Freezing', 'Funds of listed persons are frozen without delay.', 'التجميد', 'تُجمّد أموال المدرجين دون تأخير.'],
    [
      'Cooperation',
      'Authorities cooperate with foreign counterparts.',
      'التعاون',
      'تتعاون السلطات مع نظيراتها الأجنبية.',
    ],
  ]
  const ids = articles.map(([headingEn, bodyEn, headingAr, bodyAr], position) => {
    const p = query<{ id: number }>(
      `insert into provision (draft_id, parent_id, kind, position, w_id) values (?, null, 'article', ?, ?) returning id`,
      id,
      position,
      `art_e2e${position + 1}`,
    )[0]!.id
    run(`insert into provision_text (provision_id, lang, heading, body) values (?, 'en', ?, ?)`, p, headingEn, bodyEn)
    run(`insert into provision_text (provision_id, lang, heading, body) values (?, 'ar', ?, ?)`, p, headingAr, bodyAr)
    return p
  })
  return { id, article3: ids[2]! }
}

const versionCount = (draftId: number) =>
  query<{ n: number }>('select count(*) as n from draft_version where draft_id = ?', draftId)[0]!.n

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

function validateAkn(xml: string, name: string) {
  const file = path.join(workDir, name)
  fs.writeFileSync(file, xml)
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' })
    return ''
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e)
  }
}

for (const lang of languages) {
  test(`an editor saves two versions and compares them; the exports of version 2 (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(150_000)
    const t = text[lang]
    const stamp = Date.now()
    const coordinator = insertUser({ name: `Coordinator ${stamp}`, role: 'coordinator', locale: lang })
    const editor = insertUser({ name: `${lang === 'ar' ? 'ليلى الحسن' : 'Laila Hassan'} ${stamp}`, locale: lang })
    const d = insertDraft({
      title: `Versions ${lang} ${stamp}`,
      stage: 'preparation',
      coordinatorId: coordinator.id,
      editorId: editor.id,
    })
    const page = await pageAs(browser, baseURL!, editor.email)

    await page.goto(`/${lang}/drafts/${d.id}/versions`)
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr')
    await expect(page.getByText(t.versions.none)).toBeVisible()

    // Version 1, with a note.
    await page.getByLabel(t.versions.note).fill(lang === 'ar' ? 'النص الأول للفريق' : 'First text of the group')
    await page.getByRole('button', { name: fill(t.versions.save, { n: 1 }) }).click()
    await expect(page.getByRole('link', { name: fill(t.versions.number, { n: 1 }), exact: true })).toBeVisible()
    expect(versionCount(d.id)).toBe(1)

    // An Arabic word of article 3 changes, another gains a haraka (damma); then version 2.
    run(`update provision_text set body = ? where provision_id = ? and lang = 'ar'`, article3After, d.article3)
    await page.getByLabel(t.versions.note).fill(lang === 'ar' ? 'تعديل المادة 3' : 'Article 3 reworded')
    await page.getByRole('button', { name: fill(t.versions.save, { n: 2 }) }).click()
    await expect(page.getByRole('link', { name: fill(t.versions.number, { n: 2 }), exact: true })).toBeVisible()
    expect(versionCount(d.id)).toBe(2)
    const row = query<{ note: string; provision_count: number; created_by_id: number }>(
      'select note, provision_count, created_by_id from draft_version where draft_id = ? and number = 2',
      d.id,
    )[0]!
    expect(row).toEqual({
      note: lang === 'ar' ? 'تعديل المادة 3' : 'Article 3 reworded',
      provision_count: 5,
      created_by_id: editor.id,
    })
    await check(page, `drafts-versions-${lang}`)

    // The comparison form starts on the two newest versions.
    await expect(page.getByLabel(t.versions.from)).toHaveValue('1')
    await expect(page.getByLabel(t.versions.to)).toHaveValue('2')
    await page.getByRole('button', { name: t.versions.compare }).click()
    await expect(page).toHaveURL(new RegExp(`/${lang}/drafts/${d.id}/compare\\?from=1&to=2$`))
    const changed = page.locator('.compare-provision.is-changed')
    await expect(changed).toHaveCount(1)
    const arabic = changed.locator('.compare-col[lang="ar"]')
    // The word replaced, and the word that gained a haraka, each deleted and inserted; said in words too.
    await expect(arabic.locator('del', { hasText: 'الأموال' })).toHaveCount(1)
    await expect(arabic.locator('ins', { hasText: 'الأصول' })).toHaveCount(1)
    await expect(arabic.locator('del', { hasText: /(^|\s)يعاقب/ })).toHaveCount(1)
    await expect(arabic.locator('ins', { hasText: 'يُعاقب' })).toHaveCount(1)
    await expect(arabic.locator('ins .visually-hidden').first()).toHaveText(new RegExp(t.compare.inserted))
    await expect(changed.locator('.compare-col[lang="en"]')).toContainText(t.compare.languageUnchanged)
    await expect(page.locator('.compare-counts__item--changed dd')).toHaveText(new Intl.NumberFormat(lang).format(1))
    await expect(page.locator('.compare-counts__item--unchanged dd')).toHaveText(new Intl.NumberFormat(lang).format(4))
    await expect(page.locator('.compare-unchanged summary').first()).toBeVisible()
    await check(page, `drafts-compare-${lang}`)

    // Against the working text: an article added first renumbers the five others.
    run('update provision set position = position + 1 where draft_id = ?', d.id)
    const added = query<{ id: number }>(
      `insert into provision (draft_id, parent_id, kind, position, w_id) values (?, null, 'article', 0, 'art_e2e0') returning id`,
      d.id,
    )[0]!.id
    run(
      `insert into provision_text (provision_id, lang, heading, body) values (?, 'ar', 'النطاق', 'يسري هذا القانون على الجميع.')`,
      added,
    )
    await page.goto(`/${lang}/drafts/${d.id}/compare?from=2&to=current`)
    await expect(page.locator('.compare-counts__item--added dd')).toHaveText(new Intl.NumberFormat(lang).format(1))
    await expect(page.locator('.compare-counts__item--renumbered dd')).toHaveText(new Intl.NumberFormat(lang).format(5))
    await expect(page.locator('.compare-provision--added ins', { hasText: 'يسري هذا القانون' })).toHaveCount(1)
    await expect(page.locator('.compare-provision--renumbered')).toHaveCount(5)
    await expect(
      page.getByText(fill(t.compare.renumberedFrom, { label: lang === 'ar' ? 'المادة 3' : 'Article 3' })),
    ).toBeVisible()

    // The frozen version 2, read-only, both languages.
    await page.goto(`/${lang}/drafts/${d.id}/versions/2`)
    await expect(page.locator('.version-col[lang="ar"][dir="rtl"]', { hasText: article3After })).toBeVisible()
    await expect(page.getByText('Whoever collects funds to finance terrorism is punished.')).toBeVisible()
    await expect(page.locator('main form')).toHaveCount(0)
    await check(page, `drafts-version-${lang}`)
    expect((await page.request.get(`/${lang}/drafts/${d.id}/versions/9`)).status()).toBe(404)
    expect((await page.request.get(`/${lang}/drafts/${d.id}/versions/x`)).status()).toBe(404)
    expect((await page.request.get(`/${lang}/drafts/${d.id}/compare?from=1&to=7`)).status()).toBe(404)
    const bad = await page.request.get(`/${lang}/drafts/${d.id}/compare?from=abc`)
    expect(bad.status()).toBe(400)
    expect(await bad.text()).toContain(t.compare.badParams)

    // Akoma Ntoso of version 2 in each language: an attachment that validates against the official schema.
    for (const l of ['en', 'ar']) {
      const res = await page.request.get(`/drafts/${d.id}/akn.xml?version=2&lang=${l}`)
      expect(res.status()).toBe(200)
      expect(res.headers()['content-type']).toBe('application/akn+xml; charset=utf-8')
      expect(res.headers()['content-disposition']).toBe(`attachment; filename="draft-${d.id}-v2-${l}.akn.xml"`)
      const xml = await res.text()
      expect(xml).toContain(l === 'ar' ? article3After : 'Whoever collects funds')
      if (canValidate) expect(validateAkn(xml, `v2-${l}-${lang}.xml`)).toBe('')
    }
    if (!canValidate) test.info().annotations.push({ type: 'skip', description: `no xmllint or ${xsd}: not validated` })
    expect((await page.request.get(`/drafts/${d.id}/akn.xml?version=2&lang=fr`)).status()).toBe(400)
    expect((await page.request.get(`/drafts/${d.id}/akn.xml?version=0`)).status()).toBe(400)
    expect((await page.request.get(`/drafts/${d.id}/akn.xml?version=3`)).status()).toBe(404)

    // Word: a zip (PK); once (in English) converted to PDF by LibreOffice when installed, with an article's text.
    const docx = await page.request.get(`/drafts/${d.id}/word.docx?version=2`)
    expect(docx.status()).toBe(200)
    expect(docx.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(docx.headers()['content-disposition']).toBe(`attachment; filename="draft-${d.id}-v2-ar-en.docx"`)
    const bytes = await docx.body()
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    expect((await page.request.get(`/drafts/${d.id}/word.docx?version=-1`)).status()).toBe(400)
    if (lang === 'en' && hasSoffice) {
      const file = path.join(workDir, 'v2.docx')
      fs.writeFileSync(file, bytes)
      execFileSync(
        'soffice',
        ['--headless', `-env:UserInstallation=file://${workDir}/lo`, '--convert-to', 'pdf', '--outdir', workDir, file],
        { stdio: 'pipe', timeout: 120_000 },
      )
      const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(path.join(workDir, 'v2.pdf'))))
      const { text: words } = await extractText(pdf, { mergePages: true })
      expect(words.replace(/\s+/g, ' ')).toContain('Funds of listed persons are frozen without delay.')
    } else if (lang === 'en') {
      test.info().annotations.push({ type: 'skip', description: 'no soffice: the Word file was not converted' })
    }
    await page.context().close()
  })
}

test('a member outside the working group cannot save a version (an editor can, without JavaScript); a visitor sees nothing of a draft in preparation', async ({
  browser,
  baseURL,
}) => {
  const stamp = Date.now()
  const coordinator = insertUser({ name: `Coordinator ${stamp}`, role: 'coordinator' })
  const editor = insertUser({ name: `Editor ${stamp}` })
  const member = insertUser({ name: `Member ${stamp}` })
  const open = insertDraft({
    title: `Open ${stamp}`,
    stage: 'consultation',
    coordinatorId: coordinator.id,
    editorId: editor.id,
  })
  const hidden = insertDraft({
    title: `Hidden ${stamp}`,
    stage: 'preparation',
    coordinatorId: coordinator.id,
    editorId: editor.id,
  })

  // The member reads the history of a draft in consultation but has no form, and a forged post is refused.
  const mine = await pageAs(browser, baseURL!, member.email)
  await mine.goto(`/en/drafts/${open.id}/versions`)
  await expect(mine.getByRole('heading', { name: text.en.versions.history })).toBeVisible()
  await expect(mine.getByRole('button', { name: fill(text.en.versions.save, { n: 1 }) })).toHaveCount(0)
  const forged = await mine.request.post(`/en/drafts/${open.id}/versions`, {
    form: { note: 'forged' },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  })
  expect(forged.status()).toBe(403)
  expect(versionCount(open.id)).toBe(0)
  expect(
    query<{ n: number }>(
      `select count(*) as n from audit_event where action = 'draft.version' and target_id = ?`,
      String(open.id),
    )[0]!.n,
  ).toBe(0)
  // The editor, without JavaScript: a note too long is refused with the form kept, then a version is saved.
  const common = JSON.parse(fs.readFileSync(path.join('locales', 'ar', 'common.json'), 'utf8'))
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false })
  await signInAs(noScript, baseURL!, editor.email)
  const plain = await noScript.newPage()
  const tooLong = await plain.request.post(`/ar/drafts/${open.id}/versions`, {
    form: { note: `ملاحظة ${'ط'.repeat(1_000)}` },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  })
  expect(tooLong.status()).toBe(400)
  const refused = await tooLong.text()
  expect(refused).toContain(common.validation.tooLong)
  expect(refused).toContain(`ملاحظة ${'ط'.repeat(1_000)}`)
  expect(versionCount(open.id)).toBe(0)
  await plain.goto(`/ar/drafts/${open.id}/versions`)
  await plain.getByLabel(text.ar.versions.note).fill('نسخة دون جافاسكربت')
  await plain.getByRole('button', { name: fill(text.ar.versions.save, { n: 1 }) }).click()
  await expect(plain.getByRole('link', { name: fill(text.ar.versions.number, { n: 1 }), exact: true })).toBeVisible()
  await expect(plain.getByText('نسخة دون جافاسكربت')).toBeVisible()
  expect(versionCount(open.id)).toBe(1)
  await noScript.close()

  // A draft in preparation is not the member's to see at all.
  expect((await mine.request.get(`/en/drafts/${hidden.id}/versions`)).status()).toBe(404)
  await mine.context().close()

  // A visitor: 404 for the versions, a version, the comparison and both downloads of the draft in preparation.
  const visitor = await pageAs(browser, baseURL!, null)
  for (const url of [
    `/en/drafts/${hidden.id}/versions`,
    `/ar/drafts/${hidden.id}/versions/1`,
    `/en/drafts/${hidden.id}/compare?from=1&to=current`,
    `/drafts/${hidden.id}/akn.xml?lang=ar`,
    `/drafts/${hidden.id}/akn.xml?version=1&lang=en`,
    `/drafts/${hidden.id}/word.docx`,
  ]) {
    expect((await visitor.request.get(url)).status(), url).toBe(404)
  }
  const visitorPost = await visitor.request.post(`/en/drafts/${hidden.id}/versions`, {
    form: { note: 'forged' },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  })
  // A visitor's post is sent to sign in first (a redirect), and writes nothing.
  expect(visitorPost.status()).toBe(302)
  expect(visitorPost.headers()['location']).toContain('/en/login')
  expect(versionCount(hidden.id)).toBe(0)
  await visitor.context().close()
})
