import type { Page } from '@playwright/test'
import { demo, expect, expectAccessible, openTestDb, query, signInAs, snap, test } from './fixtures'

const text = {
  en: {
    catalogue: 'Technical support and capacity building',
    filter: 'Kinds of support',
    trainingKind: 'Training and workshops',
    dialogueKind: 'Government–parliament dialogues',
    request: 'Request this',
    about: 'About the programme',
    facts: 'At a glance',
    partners: 'With our partners',
    women: 'Women',
    youth: 'Youth',
    add: 'Add a programme',
  },
  ar: {
    catalogue: 'الدعم الفني وبناء القدرات',
    filter: 'أنواع الدعم',
    trainingKind: 'التدريب وورش العمل',
    dialogueKind: 'الحوار بين الحكومات والبرلمانات',
    request: 'اطلب هذا الدعم',
    about: 'عن البرنامج',
    facts: 'لمحة سريعة',
    partners: 'بالشراكة مع',
    women: 'المرأة',
    youth: 'الشباب',
    add: 'إضافة برنامج',
  },
} as const

/** The seeded 1325/2250 training programme (db/seed-programmes.ts). */
const training = {
  en: 'Training: women, youth, peace and security (resolutions 1325 and 2250)',
  ar: 'التدريب: المرأة والشباب والسلام والأمن (القراران 1325 و2250)',
}

function programmeId(titleEn: string) {
  return query<{ id: number }>('select id from programme where title_en = ?', titleEn)[0]!.id
}

/** A partner with a joint initiative on a programme, written in the database (the partners pages are not under test). */
function linkPartner(programme: number) {
  const db = openTestDb()
  try {
    const name = `Institute for Parliamentary Studies ${Date.now()}`
    const { id } = db
      .prepare(
        "insert into partner (kind, name_en, name_ar, acronym) values ('academic', ?, 'معهد الدراسات البرلمانية', 'IPS') returning id",
      )
      .get(name) as { id: number }
    db.prepare('insert into partner_initiative (partner_id, programme_id) values (?, ?)').run(id, programme)
    return { id, name }
  } finally {
    db.close()
  }
}

async function noOverflow(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, what).toBeLessThanOrEqual(0)
}

function forgedPost(page: Page, path: string, fields: [string, string][]) {
  return page.evaluate(
    async ({ path, fields }) => (await fetch(path, { method: 'POST', body: new URLSearchParams(fields) })).status,
    { path, fields },
  )
}

test('a visitor browses the catalogue and a programme in English and Arabic', async ({ page }) => {
  const id = programmeId(training.en)
  const partner = linkPartner(id)
  for (const lang of ['en', 'ar'] as const) {
    const t = text[lang]
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`/${lang}/programmes`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.catalogue)
    await expect(page.getByRole('link', { name: t.add })).toHaveCount(0)
    // Each card: its kind, title, facts and themes as badges.
    const card = page.getByRole('article', { name: training[lang] })
    await expect(card).toContainText(t.trainingKind)
    await expect(card.getByRole('listitem')).toContainText([t.youth, t.women])
    const request = card.getByRole('link', { name: t.request })
    await expect(request).toHaveAttribute('href', `/${lang}/requests/new?programme=${id}`)
    await expectAccessible(page)
    await snap(page, `programmes-${lang}-catalogue-1280`)
    await page.setViewportSize({ width: 360, height: 800 })
    await noOverflow(page, `${lang} catalogue at 360px`)
    await snap(page, `programmes-${lang}-catalogue-360`)

    // The filter keeps one kind.
    const filter = page.getByRole('navigation', { name: t.filter })
    await filter.getByRole('link', { name: t.dialogueKind }).click()
    await expect(page).toHaveURL(new RegExp(`/${lang}/programmes\\?kind=dialogue$`))
    await expect(filter.getByRole('link', { name: t.dialogueKind })).toHaveAttribute('aria-current', 'page')
    await expect(page.getByRole('article', { name: training[lang] })).toHaveCount(0)
    const articles = page.getByRole('article')
    await expect(articles).not.toHaveCount(0)
    for (const article of await articles.all()) await expect(article).toContainText(t.dialogueKind)

    // The programme's page: description, facts, partners, and the request.
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`/${lang}/programmes/${id}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(training[lang])
    await expect(page.getByRole('region', { name: t.about })).toContainText(
      lang === 'en' ? 'Sessions of one to three days' : 'جلسات تستمر من يوم إلى ثلاثة أيام',
    )
    await expect(page.getByRole('complementary').getByRole('region', { name: t.facts })).toContainText(t.youth)
    // Linked through a joint initiative (other partners may be linked too: the demo's own).
    const partnerLink = page
      .getByRole('region', { name: t.partners })
      .locator(`a[href="/${lang}/partners/${partner.id}"]`)
    await expect(partnerLink).toHaveText(lang === 'en' ? partner.name : 'معهد الدراسات البرلمانية')
    await expect(page.getByRole('link', { name: t.request })).toHaveAttribute(
      'href',
      `/${lang}/requests/new?programme=${id}`,
    )
    await expectAccessible(page)
    await snap(page, `programmes-${lang}-page-1280`)
    await page.setViewportSize({ width: 360, height: 800 })
    await noOverflow(page, `${lang} programme page at 360px`)
    await snap(page, `programmes-${lang}-page-360`)
  }
})

test('a coordinator adds a programme (after a refusal), edits it and retires it; visitors lose it', async ({
  page,
  signIn,
  browser,
  baseURL,
}) => {
  const titleAr = `برنامج تجريبي للحوار البرلماني ${Date.now()}`
  const titleEn = `Trial parliamentary dialogue ${Date.now()}`
  const saved = () => query<{ id: number }>('select id from programme where title_ar = ?', titleAr)
  await signIn('coordinator')

  // In Arabic: no language chosen → a message in Arabic beside the group, and nothing saved.
  await page.goto('/ar/programmes')
  await page.getByRole('link', { name: text.ar.add }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('إضافة برنامج')
  await page.getByLabel('نوع الدعم').selectOption('dialogue')
  await page.getByLabel('العنوان بالعربية').fill(titleAr)
  await page.getByLabel('الملخص بالعربية').fill('حوار بين لجنة برلمانية والوزارات المعنية.')
  const formats = page.getByRole('group', { name: 'طرق التقديم' })
  await formats.getByLabel('عبر الإنترنت', { exact: true }).check()
  const languages = page.getByRole('group', { name: 'اللغات' })
  await languages.getByLabel('العربية', { exact: true }).uncheck()
  await languages.getByLabel('الإنجليزية', { exact: true }).uncheck()
  await page.getByRole('button', { name: 'أضف البرنامج' }).click()
  await expect(languages.getByText('اختر لغة واحدة على الأقل للمحتوى.')).toBeVisible()
  await expect(page.getByLabel('العنوان بالعربية')).toHaveValue(titleAr)
  expect(saved()).toEqual([])
  await expectAccessible(page)
  await snap(page, 'programmes-ar-form-errors-1280')

  await languages.getByLabel('العربية', { exact: true }).check()
  await page.getByRole('button', { name: 'أضف البرنامج' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'حُفظ البرنامج.' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleAr)
  const [{ id }] = saved() as [{ id: number }]
  expect(page.url()).toMatch(new RegExp(`/ar/programmes/${id}$`))

  // In English: the edit form holds what was saved; add an English title and a theme.
  await page.goto(`/en/programmes/${id}/edit`)
  await expect(page.getByLabel('Kind of support')).toHaveValue('dialogue')
  await expect(page.getByRole('group', { name: 'Languages' }).getByLabel('Arabic', { exact: true })).toBeChecked()
  await page.getByLabel('Title in English').fill(titleEn)
  await page.getByRole('group', { name: 'Themes' }).getByLabel('Youth').check()
  await expectAccessible(page)
  await page.setViewportSize({ width: 360, height: 800 })
  await noOverflow(page, 'edit form at 360px')
  await snap(page, 'programmes-en-edit-360')
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The programme is saved.' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleEn)
  expect(query('select theme from programme_theme where programme_id = ?', id)).toEqual([{ theme: 'youth' }])

  // A visitor sees it, until it is retired.
  const visitor = await browser.newPage({ baseURL })
  await visitor.goto('/en/programmes')
  await expect(visitor.getByRole('article', { name: titleEn })).toBeVisible()

  await page.getByRole('button', { name: 'Retire from the catalogue' }).click()
  await expect(page.getByText('This programme is retired')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Return it to the catalogue' })).toBeVisible()
  await snap(page, 'programmes-en-retired-1280')
  await page.goto('/en/programmes')
  await expect(page.getByRole('article', { name: titleEn }).getByText('Retired', { exact: true })).toBeVisible()
  await expect(page.getByRole('article', { name: titleEn }).getByRole('link', { name: 'Request this' })).toHaveCount(0)

  await visitor.goto('/en/programmes')
  await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(visitor.getByRole('article', { name: titleEn })).toHaveCount(0)
  for (const lang of ['en', 'ar']) expect((await visitor.goto(`/${lang}/programmes/${id}`))?.status()).toBe(404)
  await visitor.close()

  const actions = query<{ action: string }>(
    "select action from audit_event where target_type = 'programme' and target_id = ? order by id",
    String(id),
  )
  expect(actions.map((a) => a.action)).toEqual(['programme.create', 'programme.update', 'programme.retire'])
})

test('a member cannot add, edit or retire programmes, even with forged posts', async ({ page, context, baseURL }) => {
  const id = programmeId(training.en)
  await signInAs(context, baseURL!, demo.member.email)
  await page.goto('/en/programmes')
  await expect(page.getByRole('link', { name: text.en.add })).toHaveCount(0)
  expect((await page.goto('/en/programmes/new'))?.status()).toBe(403)
  expect((await page.goto(`/ar/programmes/${id}/edit`))?.status()).toBe(403)
  await page.goto(`/en/programmes/${id}`)
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Retire from the catalogue' })).toHaveCount(0)

  const before = query('select * from programme order by id')
  const fields: [string, string][] = [
    ['kind', 'training'],
    ['titleEn', 'Forged programme'],
    ['formats', 'online'],
    ['languages', 'en'],
  ]
  expect(await forgedPost(page, '/en/programmes/new', fields)).toBe(403)
  expect(await forgedPost(page, `/en/programmes/${id}/edit`, fields)).toBe(403)
  expect(await forgedPost(page, `/en/programmes/${id}`, [['intent', 'retire']])).toBe(403)
  expect(query('select * from programme order by id')).toEqual(before)
})
