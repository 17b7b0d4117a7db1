import type { Page } from '@playwright/test'
import { expect, expectAccessible, insertMeeting, openTestDb, query, snap, test } from './fixtures'

const text = {
  en: {
    title: 'Partners',
    kinds: [
      'United Nations entities',
      'Parliamentary assemblies and unions',
      'Academic and research institutions',
      'Civil society',
    ],
    focus: 'Focus',
    apply: 'Show',
    women: 'Women',
    unWomen: 'UN Women',
    unodc: 'United Nations Office on Drugs and Crime',
    ipu: 'Inter-Parliamentary Union',
    unoct: 'United Nations Office of Counter-Terrorism',
    onlyWomen: 'Partners working on: Women',
    initiatives: 'Joint initiatives',
    meetings: 'Meetings',
    resources: 'Resources',
    doha: 'First coordination meeting of parliamentary assemblies on counter-terrorism',
    handbook: 'Parliamentary oversight of counter-terrorism: a handbook for parliamentarians',
    website: 'Website',
  },
  ar: {
    title: 'الشركاء',
    kinds: ['كيانات الأمم المتحدة', 'الجمعيات والاتحادات البرلمانية', 'المؤسسات الأكاديمية والبحثية', 'المجتمع المدني'],
    focus: 'مجال التركيز',
    apply: 'اعرض',
    women: 'المرأة',
    unWomen: 'هيئة الأمم المتحدة للمرأة',
    unodc: 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة',
    ipu: 'الاتحاد البرلماني الدولي',
    unoct: 'مكتب الأمم المتحدة لمكافحة الإرهاب',
    onlyWomen: 'الشركاء العاملون في: المرأة',
    initiatives: 'المبادرات المشتركة',
    meetings: 'الاجتماعات',
    resources: 'الموارد',
    doha: 'الاجتماع التنسيقي الأول للجمعيات البرلمانية لمكافحة الإرهاب',
    handbook: 'الرقابة البرلمانية على مكافحة الإرهاب: دليل للبرلمانيين',
    website: 'الموقع الإلكتروني',
  },
} as const

const membersOnlyMeeting = 'Members-only briefing on counter-terrorism legislation'

function partnerId(nameEn: string) {
  const row = query<{ id: number }>('select id from partner where name_en = ?', nameEn)[0]
  if (!row) throw new Error(`no partner ${nameEn}`)
  return row.id
}

function linkMeeting(partner: number, meeting: number) {
  const db = openTestDb()
  try {
    db.prepare('insert into partner_initiative (partner_id, meeting_id) values (?, ?)').run(partner, meeting)
  } finally {
    db.close()
  }
}

function linksOf(id: number) {
  return query<{ meeting_id: number | null; resource_id: number | null; programme_id: number | null }>(
    'select meeting_id, resource_id, programme_id from partner_initiative where partner_id = ? order by id',
    id,
  )
}

/** No horizontal scrolling at the current width. */
async function expectNoOverflow(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, label).toBeLessThanOrEqual(0)
}

function forgedPost(page: Page, path: string, fields: [string, string][]) {
  return page.evaluate(
    async ({ path, fields }) => (await fetch(path, { method: 'POST', body: new URLSearchParams(fields) })).status,
    { path, fields },
  )
}

test('visitors see the partners by kind, filter them by focus, and a partner’s joint initiatives they may see (en, ar)', async ({
  page,
  signIn,
}) => {
  const unoct = partnerId('United Nations Office of Counter-Terrorism')
  // A members-only meeting linked to UNOCT: never on the page a visitor gets.
  const hidden = insertMeeting({ titleEn: membersOnlyMeeting, visibility: 'members' })
  linkMeeting(unoct, hidden)

  for (const lang of ['en', 'ar'] as const) {
    const t = text[lang]
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`/${lang}/partners`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title)
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([...t.kinds])
    const unWomen = page.getByRole('article', { name: t.unWomen })
    await expect(unWomen.getByRole('list').getByRole('listitem').filter({ hasText: t.women })).toHaveCount(1)
    await expect(page.getByRole('article', { name: t.unoct })).toContainText('UNOCT')
    await expectAccessible(page)
    await snap(page, `partners-${lang}-list-1280`)
    await page.setViewportSize({ width: 360, height: 800 })
    await expectNoOverflow(page, `${lang} list at 360px`)
    await snap(page, `partners-${lang}-list-360`)

    // Filter by focus: women.
    await page.getByLabel(t.focus, { exact: true }).selectOption('women')
    await page.getByRole('button', { name: t.apply }).click()
    await expect(page).toHaveURL(new RegExp(`/${lang}/partners\\?focus=women$`))
    await expect(page.getByText(t.onlyWomen)).toBeVisible()
    await expect(page.getByRole('article', { name: t.unWomen })).toBeVisible()
    await expect(page.getByRole('article', { name: t.ipu })).toBeVisible()
    await expect(page.getByRole('article', { name: t.unodc })).toHaveCount(0)
    for (const article of await page.getByRole('article').all()) await expect(article).toContainText(t.women)

    // UNOCT's page: the Doha meeting and the public handbook, not the members-only meeting or report.
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`/${lang}/partners`)
    await page.getByRole('article', { name: t.unoct }).getByRole('link', { name: t.unoct }).click()
    await expect(page).toHaveURL(new RegExp(`/${lang}/partners/${unoct}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.unoct)
    const initiatives = page.getByRole('region', { name: t.initiatives })
    const meetings = initiatives.getByRole('region', { name: t.meetings })
    await expect(meetings.getByRole('link', { name: t.doha })).toHaveAttribute('href', /\/meetings\/\d+$/)
    await expect(meetings.getByRole('listitem')).toHaveCount(1)
    await expect(page.getByText(membersOnlyMeeting)).toHaveCount(0)
    await expect(initiatives.getByRole('region', { name: t.resources }).getByRole('listitem')).toHaveCount(1)
    await expect(initiatives.getByRole('link', { name: t.handbook })).toBeVisible()
    // The demo catalogue's programmes, linked by kind, lead to the programme pages.
    for (const link of await initiatives.getByRole('link', { name: /./ }).all()) {
      await expect(link).toHaveAttribute('href', new RegExp(`^/${lang}/(meetings|programmes|resources)/\\d+$`))
    }
    await expect(page.getByRole('link', { name: 'www.un.org/counterterrorism' })).toHaveAttribute(
      'href',
      'https://www.un.org/counterterrorism/',
    )
    await expect(page.getByRole('link', { name: lang === 'en' ? 'Edit' : 'تعديل' })).toHaveCount(0)
    await expectAccessible(page)
    await snap(page, `partners-${lang}-page-1280`)
    await page.setViewportSize({ width: 360, height: 800 })
    await expectNoOverflow(page, `${lang} partner page at 360px`)
    await snap(page, `partners-${lang}-page-360`)
  }

  // A member sees it.
  await signIn('member')
  await page.goto(`/en/partners/${unoct}`)
  await expect(
    page.getByRole('region', { name: text.en.meetings }).getByRole('link', { name: membersOnlyMeeting }),
  ).toBeVisible()
})

test('a coordinator adds a partner, links a meeting and a resource, and unlinks one', async ({ page, signIn }) => {
  await signIn('coordinator')
  const count = () => query<{ n: number }>('select count(*) n from partner')[0]!.n
  const before = count()

  // Arabic: a refusal first, then a partner named in Arabic only.
  await page.goto('/ar/partners')
  await page.getByRole('link', { name: 'إضافة شريك' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('إضافة شريك')
  await page.getByLabel('الموقع الإلكتروني').fill('http://example.org')
  await page.getByRole('button', { name: 'احفظ' }).click()
  await expect(page.getByText('أدخل الاسم بلغة واحدة على الأقل.')).toBeVisible()
  await expect(page.getByText('أدخل عنوانًا إلكترونيًا يبدأ بـ https://.')).toBeVisible()
  await expect(page.getByLabel('الاسم بالإنجليزية')).toHaveAttribute('aria-invalid', 'true')
  expect(count()).toBe(before)
  await expectAccessible(page)
  await snap(page, 'partners-ar-new-errors-1280')

  await page.getByLabel('نوع الشريك').selectOption('academic')
  await page.getByLabel('الاسم بالعربية').fill('مركز الدراسات البرلمانية')
  await page.getByLabel('الاسم المختصر').fill('CPS')
  await page.getByLabel('الوصف بالعربية').fill('مركز بحثي يدرس العمل البرلماني في مجال منع التطرف العنيف.')
  await page.getByLabel('الموقع الإلكتروني').fill('https://cps.example.org')
  await page.getByLabel('الشباب', { exact: true }).check()
  await page.getByRole('button', { name: 'احفظ' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'حُفظ الشريك.' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مركز الدراسات البرلمانية')
  const id = query<{ id: number }>('select id from partner where name_ar = ?', 'مركز الدراسات البرلمانية')[0]!.id
  expect(query('select kind, name_ar, acronym, website from partner where id = ?', id)).toEqual([
    { kind: 'academic', name_ar: 'مركز الدراسات البرلمانية', acronym: 'CPS', website: 'https://cps.example.org' },
  ])
  expect(query('select theme from partner_theme where partner_id = ?', id)).toEqual([{ theme: 'youth' }])
  expect(
    query('select 1 from audit_event where action = ? and target_id = ?', 'partner.create', String(id)),
  ).toHaveLength(1)

  // English: link a meeting and a resource from the selects, then unlink the meeting.
  const meeting = insertMeeting({ titleEn: 'Workshop on youth and violent extremism' })
  const handbook = query<{ id: number }>(
    "select id from resource where title_en like 'Parliamentary oversight of counter-terrorism%'",
  )[0]!.id
  await page.goto(`/en/partners/${id}`)
  await page.getByRole('link', { name: 'Link joint initiatives' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Joint initiatives')
  await page.getByRole('button', { name: 'Link the meeting' }).click()
  await expect(page.getByRole('alert')).toHaveText('Choose a meeting, a programme or a resource, or enter its number.')
  expect(linksOf(id)).toEqual([])
  await page.getByLabel('Meeting (recent and upcoming)').selectOption(String(meeting))
  await page.getByRole('button', { name: 'Link the meeting' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The joint initiative is linked.' })).toBeVisible()
  await page.getByLabel('Number or address of its page').fill(`/en/resources/${handbook}`)
  await page.getByRole('button', { name: 'Link', exact: true }).click()
  // The flash of the first link is still shown: wait for the resource in the list instead.
  await expect(page.getByRole('region', { name: 'Linked' }).getByRole('link', { name: text.en.handbook })).toBeVisible()
  expect(linksOf(id)).toEqual([
    { meeting_id: meeting, resource_id: null, programme_id: null },
    { meeting_id: null, resource_id: handbook, programme_id: null },
  ])
  // The same one again is refused with a message.
  await page.getByLabel('Number or address of its page').fill(`/en/resources/${handbook}`)
  await page.getByRole('button', { name: 'Link', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('This initiative is already linked to this partner.')
  await expectAccessible(page)
  await snap(page, 'partners-en-initiatives-1280')

  await page.getByRole('button', { name: 'Unlink Workshop on youth and violent extremism' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The joint initiative is removed.' })).toBeVisible()
  expect(linksOf(id)).toEqual([{ meeting_id: null, resource_id: handbook, programme_id: null }])
  expect(
    query("select action from audit_event where target_type = 'partner' and target_id = ? order by id", String(id)),
  ).toEqual([
    { action: 'partner.create' },
    { action: 'partner.initiative_link' },
    { action: 'partner.initiative_link' },
    { action: 'partner.initiative_unlink' },
  ])

  // The partner's page shows what is left; the edit form keeps the values.
  await page.goto(`/en/partners/${id}`)
  await expect(
    page.getByRole('region', { name: 'Resources' }).getByRole('link', { name: text.en.handbook }),
  ).toBeVisible()
  await expect(page.getByRole('region', { name: 'Meetings' })).toHaveCount(0)
  await page.getByRole('link', { name: 'Edit' }).click()
  await expect(page.getByLabel('Youth', { exact: true })).toBeChecked()
  await expect(page.getByLabel('Acronym')).toHaveValue('CPS')
  await page.setViewportSize({ width: 360, height: 800 })
  await expectNoOverflow(page, 'edit form at 360px')
  await snap(page, 'partners-en-edit-360')
})

test('members and visitors cannot add partners or link initiatives, even with forged posts', async ({
  page,
  signIn,
}) => {
  const unWomen = partnerId('UN Women')
  const links = linksOf(unWomen).length
  const partners = query<{ n: number }>('select count(*) n from partner')[0]!.n
  await page.goto('/en/partners/new')
  await expect(page).toHaveURL(/\/en\/login\?redirectTo=/)

  await signIn('member')
  await page.goto('/en/partners')
  await expect(page.getByRole('link', { name: 'Add a partner' })).toHaveCount(0)
  for (const path of ['/en/partners/new', `/en/partners/${unWomen}/edit`, `/ar/partners/${unWomen}/initiatives`]) {
    expect((await page.goto(path))?.status(), path).toBe(403)
  }
  expect(
    await forgedPost(page, '/en/partners/new', [
      ['kind', 'other'],
      ['nameEn', 'Forged partner'],
    ]),
  ).toBe(403)
  expect(
    await forgedPost(page, `/en/partners/${unWomen}/edit`, [
      ['kind', 'other'],
      ['nameEn', 'Defaced'],
    ]),
  ).toBe(403)
  expect(
    await forgedPost(page, `/en/partners/${unWomen}/initiatives`, [
      ['intent', 'link'],
      ['kind', 'meeting'],
      ['id', '1'],
    ]),
  ).toBe(403)
  expect(query<{ n: number }>('select count(*) n from partner')[0]!.n).toBe(partners)
  expect(query('select name_en from partner where id = ?', unWomen)).toEqual([{ name_en: 'UN Women' }])
  expect(linksOf(unWomen)).toHaveLength(links)
  expect((await page.goto('/en/partners/999999'))?.status()).toBe(404)
})
