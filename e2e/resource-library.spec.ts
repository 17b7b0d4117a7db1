import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page, Route } from '@playwright/test'
import {
  demo,
  expect,
  expectAccessible,
  languages,
  latestMailTo,
  query,
  signInAs,
  snap,
  test,
  waitForHydration,
} from './fixtures'

// The library's sharing workflow in the browser, as each role: a member shares an Arabic PDF and sends it for
// review, a coordinator publishes it, a visitor finds it by a word found only inside the PDF; members-only
// resources and their files stay closed to visitors; a video streams with Range and its player seeks.

const fixture = (name: string) => path.join('e2e', 'fixtures', name)
const strings = (lang: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const text = {
  en: {
    r: strings('en', 'library'),
    f: strings('en', 'library'),
    c: strings('en', 'common'),
    l: strings('en', 'library'),
  },
  ar: {
    r: strings('ar', 'library'),
    f: strings('ar', 'library'),
    c: strings('ar', 'common'),
    l: strings('ar', 'library'),
  },
}
/** The word that occurs only inside e2e/fixtures/arabic.pdf, plain and with its diacritics. */
const RARE = 'الاستشرافية'
const RARE_WITH_MARKS = 'الاِسْتِشْرَافِيَّةَ'

async function pageAs(browser: Browser, baseURL: string, email: string | null) {
  const context = await browser.newContext({ baseURL })
  if (email) await signInAs(context, baseURL, email)
  return context.newPage()
}

/** Chooses a file in the form's upload field and waits until it is uploaded (the field then holds its id). */
async function attach(page: Page, lang: 'en' | 'ar', label: string, file: string) {
  await waitForHydration(page)
  await page.getByLabel(label, { exact: true }).setInputFiles(fixture(file))
  const uploaded = text[lang].f.upload.uploaded.split('{{')[0]
  await expect(page.getByText(uploaded, { exact: false }).first()).toBeVisible({ timeout: 20_000 })
}

async function shareResource(
  page: Page,
  lang: 'en' | 'ar',
  input: { titleEn?: string; titleAr?: string; type: string; file: string; members?: boolean; button: string },
) {
  const t = text[lang].r
  await page.goto(`/${lang}/resources/new`)
  await page.getByLabel(t.form.type).selectOption(input.type)
  if (input.titleEn) await page.getByLabel(t.form.titleEn).fill(input.titleEn)
  if (input.titleAr) await page.getByLabel(t.form.titleAr).fill(input.titleAr)
  await attach(page, lang, t.form.file, input.file)
  if (input.members) await page.getByLabel(t.visibility.members).check()
  await page.getByRole('button', { name: input.button, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/${lang}/resources/\\d+$`))
  return new URL(page.url()).pathname
}

test.describe('sharing, moderation and search', () => {
  for (const lang of languages) {
    test(`a member shares an Arabic PDF, a coordinator publishes it, a visitor finds it by a word inside it (${lang})`, async ({
      browser,
      baseURL,
    }) => {
      const t = text[lang]
      const member = await pageAs(browser, baseURL!, demo.member.email)
      const titleAr = `دليل المساءلة البرلمانية ${lang} ${Date.now()}`
      await member.goto(`/${lang}/resources/new`)
      await expectAccessible(member)
      await snap(member, `resource-new-${lang}`)
      const resourcePath = await shareResource(member, lang, {
        titleAr,
        type: 'publication',
        file: 'arabic.pdf',
        button: t.r.form.submit,
      })
      await expect(member.getByRole('status').first()).toContainText(t.c.flash.resourceSubmitted)
      await expect(member.getByRole('heading', { level: 1 })).toHaveText(titleAr)
      await expect(member.locator('.state-panel')).toContainText(t.r.states.submitted)
      expect(latestMailTo(demo.member.email)!.subject).toContain(titleAr)
      await member.goto(`/${lang}/resources/mine`)
      await expect(member.getByRole('row', { name: new RegExp(titleAr) })).toContainText(t.r.states.submitted)

      // Not published yet: a visitor neither sees the page nor finds it.
      const visitor = await pageAs(browser, baseURL!, null)
      expect((await visitor.goto(resourcePath))!.status()).toBe(404)
      await visitor.goto(`/${lang}/resources?q=${encodeURIComponent(RARE)}`)
      await expect(visitor.getByRole('link', { name: titleAr })).toHaveCount(0)

      const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
      await coordinator.goto(`/${lang}/resources/review`)
      await coordinator.getByRole('link', { name: titleAr }).click()
      await expect(coordinator).toHaveURL(new RegExp(`${resourcePath}$`))
      await expectAccessible(coordinator)
      await snap(coordinator, `resource-review-${lang}`)
      await coordinator.getByRole('button', { name: t.r.form.publish, exact: true }).click()
      await expect(coordinator.getByRole('status').first()).toContainText(t.c.flash.resourcePublished)
      const mail = latestMailTo(demo.member.email)!
      expect(mail.subject).toMatch(/^(Published|نُشر): /)

      for (const q of [RARE, RARE_WITH_MARKS]) {
        await visitor.goto(`/${lang}/resources?q=${encodeURIComponent(q)}`)
        await expect(visitor.getByRole('link', { name: titleAr })).toBeVisible()
      }
      await visitor.getByRole('link', { name: titleAr }).click()
      await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(titleAr)
      await expect(visitor.getByRole('link', { name: 'arabic.pdf' })).toBeVisible()
      await expectAccessible(visitor)
      await snap(visitor, `resource-page-${lang}`)
      await visitor.setViewportSize({ width: 360, height: 800 })
      await snap(visitor, `resource-page-${lang}-360`)
      expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      for (const p of [member, visitor, coordinator]) await p.context().close()
    })
  }

  test('a returned resource shows the coordinator’s reason to its author, and mails it', async ({
    browser,
    baseURL,
  }) => {
    const t = text.en
    const member = await pageAs(browser, baseURL!, demo.member.email)
    const titleEn = `Briefing on victims ${Date.now()}`
    const resourcePath = await shareResource(member, 'en', {
      titleEn,
      type: 'policy_brief',
      file: 'arabic.pdf',
      button: t.r.form.submit,
    })
    const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
    await coordinator.goto(resourcePath)
    // A reason is required.
    await coordinator.getByRole('button', { name: t.r.page.return }).click()
    await expect(coordinator.getByText(t.c.validation.reasonRequired)).toBeVisible()
    await coordinator.getByLabel(t.r.page.returnLabel).fill('Please add the English summary.')
    await coordinator.getByRole('button', { name: t.r.page.return }).click()
    await expect(coordinator.getByRole('status').first()).toContainText(t.c.flash.resourceReturned)
    expect(latestMailTo(demo.member.email)!.text_body).toContain('Please add the English summary.')
    await member.goto(resourcePath)
    await expect(member.locator('.state-panel')).toContainText('Please add the English summary.')
    // A member cannot publish: the button is not offered and a forged post is refused.
    await expect(member.getByRole('button', { name: t.r.form.publish, exact: true })).toHaveCount(0)
    const forged = await member.request.post(resourcePath, {
      form: { intent: 'publish' },
      headers: { Origin: new URL(baseURL!).origin },
    })
    expect(forged.status()).toBe(403)
    for (const p of [member, coordinator]) await p.context().close()
  })

  test('a file named .pdf whose content is HTML is refused in the form, with a clear message', async ({
    page,
    signIn,
  }) => {
    await signIn('member')
    await page.goto('/ar/resources/new')
    await waitForHydration(page)
    await page.getByLabel(text.ar.r.form.file, { exact: true }).setInputFiles({
      name: 'report.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
    })
    await expect(page.getByRole('alert').filter({ hasText: text.ar.f.errors.typeNotAllowed })).toBeVisible()
  })

  for (const lang of languages) {
    test(`a file chosen before the page hydrated (a slow connection) is still uploaded (${lang})`, async ({
      page,
      signIn,
    }) => {
      const t = text[lang]
      await signIn('member')
      // The page's scripts are held until the file is chosen, as on a slow connection.
      let release!: () => void
      const released = new Promise<void>((resolve) => (release = resolve))
      const held: Promise<void>[] = []
      await page.route(/\/assets\/.+\.js$/, (route: Route) => {
        held.push(released.then(() => route.continue()))
      })
      await page.goto(`/${lang}/resources/new`, { waitUntil: 'commit' })
      await page.getByLabel(t.r.form.file, { exact: true }).setInputFiles(fixture('arabic.pdf'))
      expect(await page.locator('html').getAttribute('data-hydrated')).toBeNull()
      const uploadDone = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/uploads' && r.request().method() === 'POST',
      )
      release()
      await waitForHydration(page)
      expect((await uploadDone).status()).toBe(200)
      await expect(page.getByText(t.f.upload.uploaded.split('{{')[0], { exact: false }).first()).toBeVisible()
      const id = await page.locator('input[type="hidden"][name="file"]').inputValue()
      expect(
        query<{ original_name: string }>('select original_name from pending_upload where id = ?', id)[0]?.original_name,
      ).toBe('arabic.pdf')
      await Promise.all(held)
    })
  }
})

test.describe('members-only resources and multimedia', () => {
  test('a visitor can neither open a members-only resource nor download its file; a member can', async ({
    browser,
    baseURL,
  }) => {
    const t = text.en
    const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
    const titleEn = `Restricted briefing ${Date.now()}`
    const resourcePath = await shareResource(coordinator, 'en', {
      titleEn,
      type: 'report',
      file: 'arabic.pdf',
      members: true,
      button: t.r.form.publish,
    })
    const fileHref = await coordinator.getByRole('link', { name: 'arabic.pdf' }).getAttribute('href')
    expect(fileHref).toMatch(/^\/files\/\d+\//)

    const visitor = await pageAs(browser, baseURL!, null)
    await visitor.goto(resourcePath)
    await expect(visitor).toHaveURL(/\/en\/login\?redirectTo=/)
    const refused = await visitor.request.get(fileHref!)
    expect(refused.status()).toBe(404)
    expect((await refused.body()).includes(Buffer.from('%PDF'))).toBe(false)
    await visitor.goto(`/en/resources?q=${encodeURIComponent(titleEn)}`)
    await expect(visitor.getByRole('link', { name: titleEn })).toHaveCount(0)

    const member = await pageAs(browser, baseURL!, demo.member.email)
    const ok = await member.request.get(fileHref!)
    expect(ok.status()).toBe(200)
    expect(ok.headers()['content-type']).toBe('application/pdf')
    expect(ok.headers()['cache-control']).toContain('private')
    for (const p of [coordinator, visitor, member]) await p.context().close()
  })

  for (const lang of languages) {
    test(`a video plays with its poster, answers Range with 206, and the player seeks (${lang})`, async ({
      browser,
      baseURL,
    }) => {
      const t = text[lang]
      const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
      const titleEn = `Workshop recording ${lang} ${Date.now()}`
      const resourcePath = await shareResource(coordinator, lang, {
        titleEn,
        type: 'video',
        file: 'clip.webm',
        button: t.r.form.publish,
      })
      // A poster image with its description, added on the files page.
      await coordinator.goto(`${resourcePath}/files`)
      await attach(coordinator, lang, t.r.form.file, 'poster.jpg')
      await coordinator.getByLabel(t.r.page.fileRole).selectOption('poster')
      await coordinator.getByLabel(t.r.page.altEn).fill('Participants around the table')
      await coordinator.getByLabel(t.r.page.altAr).fill('المشاركون حول الطاولة')
      await coordinator.getByRole('button', { name: t.r.page.addFile }).click()
      await expect(coordinator.getByRole('status').first()).toContainText(t.c.flash.fileAdded)
      await expectAccessible(coordinator)

      const visitor = await pageAs(browser, baseURL!, null)
      await visitor.goto(resourcePath)
      const video = visitor.locator('video')
      await expect(video).toHaveAttribute('poster', /^\/files\/\d+\/poster\.jpg$/)
      const src = await visitor.locator('video source').getAttribute('src')
      const ranged = await visitor.request.get(src!, { headers: { Range: 'bytes=0-99' } })
      expect(ranged.status()).toBe(206)
      expect(ranged.headers()['content-range']).toMatch(/^bytes 0-99\/\d+$/)
      expect((await ranged.body()).length).toBe(100)
      expect(ranged.headers()['x-content-type-options']).toBe('nosniff')

      const seeked = await video.evaluate(
        (v: HTMLVideoElement) =>
          new Promise<number>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no seek')), 10_000)
            const seek = () => {
              v.addEventListener('seeked', () => (clearTimeout(timer), resolve(v.currentTime)), { once: true })
              v.currentTime = 2
            }
            if (v.readyState >= 1) seek()
            else {
              v.addEventListener('loadedmetadata', seek, { once: true })
              v.load()
            }
          }),
      )
      expect(seeked).toBeGreaterThan(1.5)
      await expectAccessible(visitor)
      await snap(visitor, `resource-video-${lang}`)
      for (const p of [coordinator, visitor]) await p.context().close()
    })
  }
})

test('a parliament’s page lists its related resources, members-only ones for members only', async ({
  browser,
  baseURL,
}) => {
  const [shura] = query<{ id: number }>("select id from parliament where name_en = 'Shura Council of Qatar'")
  const report = /first coordination meeting of parliamentary assemblies/
  const visitor = await pageAs(browser, baseURL!, null)
  await visitor.goto(`/en/parliaments/${shura!.id}`)
  await expect(visitor.getByRole('link', { name: report })).toHaveCount(0)
  // The meetings it takes part in are listed too (the demo's Doha meeting, to which it is invited).
  await expect(
    visitor.getByRole('link', { name: 'First coordination meeting of parliamentary assemblies on counter-terrorism' }),
  ).toBeVisible()
  const member = await pageAs(browser, baseURL!, demo.member.email)
  await member.goto(`/ar/parliaments/${shura!.id}`)
  await expect(member.getByRole('heading', { name: strings('ar', 'network').profile.resources })).toBeVisible()
  await expect(
    member.getByRole('link', { name: /تقرير الاجتماع التنسيقي الأول|Report of the first coordination meeting/ }),
  ).toBeVisible()
  for (const p of [visitor, member]) await p.context().close()
})

test('an author deletes a draft: its page and its file are gone; a forged delete by a visitor is refused', async ({
  browser,
  baseURL,
}) => {
  const t = text.ar
  const member = await pageAs(browser, baseURL!, demo.member.email)
  const titleAr = `مسودة للحذف ${Date.now()}`
  const resourcePath = await shareResource(member, 'ar', {
    titleAr,
    type: 'report',
    file: 'arabic.pdf',
    button: t.r.form.saveDraft,
  })
  const fileHref = await member.getByRole('link', { name: 'arabic.pdf' }).getAttribute('href')
  // A forged delete from someone not signed in is sent to sign in and changes nothing.
  const visitor = await pageAs(browser, baseURL!, null)
  const forged = await visitor.request.post(resourcePath, {
    form: { intent: 'delete' },
    headers: { Origin: new URL(baseURL!).origin },
  })
  expect(forged.url()).toContain('/login')
  await member.getByText(t.r.page.delete).click()
  await member.getByRole('button', { name: t.r.page.deleteConfirm }).click()
  await expect(member).toHaveURL(/\/ar\/resources\/mine$/)
  await expect(member.getByRole('status').first()).toContainText(t.c.flash.resourceDeleted)
  await expect(member.getByRole('link', { name: titleAr })).toHaveCount(0)
  expect((await member.goto(resourcePath))!.status()).toBe(404)
  expect((await member.request.get(fileHref!)).status()).toBe(404)
  for (const p of [member, visitor]) await p.context().close()
})

// An adopted draft's resource (issue 15, §8) links back to the draft, for whoever may read the draft: the rows are
// written as adoptDraft writes them (its files and transaction are tested in app/features/drafts/adoption.server.test.ts).
let adopted = 0
function insertAdopted(title: string, draftVisibility: 'public' | 'members') {
  // A real Arabic title (the Arabic pages must show no English words): unique by a number.
  const titleAr = `قانون نموذجي معتمد للاختبار رقم ${++adopted} ${title.replace(/\D+/g, '')}`
  const resourceId = query<{ id: number }>(
    `insert into resource (type, title_en, title_ar, state, visibility, published_at)
     values ('model_law', ?, ?, 'published', 'public', unixepoch()) returning id`,
    title,
    titleAr,
  )[0]!.id
  const draftId = query<{ id: number }>(
    `insert into draft (kind, title_en, title_ar, stage, visibility, consultation_closes_at, resource_id)
     values ('model_law', ?, ?, 'adopted', ?, unixepoch(), ?) returning id`,
    title,
    titleAr,
    draftVisibility,
    resourceId,
  )[0]!.id
  return { resourceId, draftId }
}

for (const lang of languages) {
  test(`an adopted draft’s resource says it was drafted together and links to the draft’s history (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    const t = text[lang].l
    const stamp = Date.now()
    const open = insertAdopted(`Adopted model law ${stamp}`, 'public')
    const closed = insertAdopted(`Adopted members-only model law ${stamp}`, 'members')
    const visitor = await pageAs(browser, baseURL!, null)
    await visitor.goto(`/${lang}/resources/${open.resourceId}`)
    await expect(visitor.getByText(t.page.draftedTogether)).toBeVisible()
    await expect(visitor.getByRole('link', { name: t.page.draftHistory })).toHaveAttribute(
      'href',
      `/${lang}/drafts/${open.draftId}`,
    )
    await expectAccessible(visitor)
    // The draft is members only: a visitor is not sent to a page they cannot open; a member is.
    await visitor.goto(`/${lang}/resources/${closed.resourceId}`)
    await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(visitor.getByRole('link', { name: t.page.draftHistory })).toHaveCount(0)
    await visitor.context().close()
    const member = await pageAs(browser, baseURL!, demo.member.email)
    await member.goto(`/${lang}/resources/${closed.resourceId}`)
    await expect(member.getByRole('link', { name: t.page.draftHistory })).toHaveAttribute(
      'href',
      `/${lang}/drafts/${closed.draftId}`,
    )
    await member.context().close()
  })
}
