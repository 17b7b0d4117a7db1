import type { Page } from '@playwright/test'
import { demo, expect, expectAccessible, openTestDb, query, signInAs, snap, test, uniqueEmail } from './fixtures'

const text = {
  en: {
    list: 'Mechanisms against terrorism and violent extremism',
    add: 'Add a mechanism',
    addTitle: 'Add a mechanism',
    editTitle: 'Edit a mechanism',
    edit: 'Edit',
    parliament: 'Parliament or assembly',
    kind: 'Kind of mechanism',
    nameEn: 'Name in English',
    nameAr: 'Name in Arabic',
    descriptionEn: 'Description in English',
    descriptionAr: 'Description in Arabic',
    year: 'Year established',
    url: 'Link',
    pillarsLegend: 'Pillars of the UN Global Counter-Terrorism Strategy it serves',
    pillars: {
      1: 'Pillar I: conditions conducive to terrorism',
      2: 'Pillar II: preventing and combating terrorism',
      3: "Pillar III: building States' capacity",
      4: 'Pillar IV: human rights and the rule of law',
    },
    save: 'Save',
    saved: 'The mechanism is saved.',
    shura: 'Shura Council of Qatar',
    committee: 'Specialised committee',
    law: 'Law',
    since: 'Since 2019',
    filterKind: 'Kind',
    filterPillar: 'Pillar of the UN strategy',
    search: 'Name of the mechanism or the parliament, in Arabic or English',
    apply: 'Search',
    empty: 'No mechanism matches this search.',
    nameOneLanguage: 'Enter the name in at least one language.',
    yearRange: 'Enter a year from 1945 to this year, such as 2019.',
    urlInvalid: 'Enter a web address starting with https://.',
    pillarRequired: 'Choose at least one pillar.',
    parliamentRequired: 'Choose a parliament or assembly.',
    noParliament: 'Your account is not linked to a parliament',
    mechanismsOnProfile: 'Mechanisms against terrorism and violent extremism',
  },
  ar: {
    list: 'آليات مكافحة الإرهاب والتطرف العنيف',
    add: 'إضافة آلية',
    addTitle: 'إضافة آلية',
    editTitle: 'تعديل آلية',
    edit: 'تعديل',
    parliament: 'البرلمان أو الجمعية البرلمانية',
    kind: 'نوع الآلية',
    nameEn: 'الاسم بالإنجليزية',
    nameAr: 'الاسم بالعربية',
    descriptionEn: 'الوصف بالإنجليزية',
    descriptionAr: 'الوصف بالعربية',
    year: 'سنة الإنشاء',
    url: 'الرابط',
    pillarsLegend: 'ركائز استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب التي تخدمها',
    pillars: {
      1: 'الركيزة الأولى: الظروف المؤدية إلى انتشار الإرهاب',
      2: 'الركيزة الثانية: منع الإرهاب ومكافحته',
      3: 'الركيزة الثالثة: بناء قدرات الدول',
      4: 'الركيزة الرابعة: حقوق الإنسان وسيادة القانون',
    },
    save: 'احفظ',
    saved: 'تم حفظ الآلية.',
    shura: 'مجلس الشورى القطري',
    committee: 'لجنة متخصصة',
    law: 'قانون',
    since: 'منذ عام 2019',
    filterKind: 'النوع',
    filterPillar: 'ركيزة استراتيجية الأمم المتحدة',
    search: 'اسم الآلية أو البرلمان، بالعربية أو الإنجليزية',
    apply: 'ابحث',
    empty: 'لا توجد آلية تطابق هذا البحث.',
    nameOneLanguage: 'أدخل الاسم بلغة واحدة على الأقل.',
    yearRange: 'أدخل سنة بين 1945 والسنة الحالية، مثل 2019.',
    urlInvalid: 'أدخل عنوانًا إلكترونيًا يبدأ بـ https://.',
    pillarRequired: 'اختر ركيزة واحدة على الأقل.',
    parliamentRequired: 'اختر برلمانًا أو جمعية برلمانية.',
    noParliament: 'حسابك غير مرتبط ببرلمان',
    mechanismsOnProfile: 'آليات مكافحة الإرهاب والتطرف العنيف',
  },
} as const

/** What each language's run adds: an English-named committee, and a law named in Arabic only. */
const added = {
  en: {
    kind: 'committee',
    nameEn: 'Standing Committee on National Security and Counter-Terrorism',
    nameAr: '',
    description: 'Reviews counter-terrorism bills and follows up the national strategy.',
    pillars: [2, 4],
    otherPillar: 3,
    otherKind: 'law',
    url: 'https://www.shura.qa/en/committees',
    // Folded search: case and word order do not matter; the parliament's name counts too.
    searches: ['NATIONAL security', 'shura counter terrorism'],
  },
  ar: {
    kind: 'law',
    nameEn: '',
    nameAr: 'قانون مكافحة الإرهاب وتمويله',
    description: 'يجرّم تمويل الإرهاب ويحدد اختصاصات الجهات المعنية بمكافحته.',
    pillars: [2, 3],
    otherPillar: 1,
    otherKind: 'committee',
    url: 'https://www.shura.qa/ar/laws',
    // Folded search: diacritics, hamza and taa marbuta spelled differently.
    searches: ['قانونُ مكافحه الارهاب', 'الشوري تمويل'],
  },
} as const

function parliamentId(nameEn: string) {
  return query<{ id: number }>('select id from parliament where name_en = ?', nameEn)[0]!.id
}

function mechanismRows() {
  return query<{ n: number }>('select count(*) n from mechanism')[0]!.n
}

function pillarsOf(id: number) {
  return query<{ pillar: number }>(
    'select pillar from mechanism_pillar where mechanism_id = ? order by pillar',
    id,
  ).map((r) => r.pillar)
}

/** A member account of `parliament` (or of none), made in the database; returns its address. */
function addMemberAccount(parliament: string | null) {
  const email = uniqueEmail('mechanisms')
  const db = openTestDb()
  try {
    db.prepare(
      "insert into user (email, name, role, parliament_id, password_hash) values (?, ?, 'member', ?, 'not-a-password-hash')",
    ).run(email, 'Another Member', parliament ? parliamentId(parliament) : null)
  } finally {
    db.close()
  }
  return email
}

/** A mechanism stored directly (setup for tests about who may change it). */
function addMechanismInDb(parliament: string, nameEn: string, pillars: number[]) {
  const db = openTestDb()
  try {
    const { lastInsertRowid } = db
      .prepare(
        "insert into mechanism (parliament_id, kind, name_en, name_ar, year) values (?, 'oversight_body', ?, 'هيئة رقابية', 2018)",
      )
      .run(parliamentId(parliament), nameEn)
    for (const p of pillars)
      db.prepare('insert into mechanism_pillar (mechanism_id, pillar) values (?, ?)').run(lastInsertRowid, p)
    return Number(lastInsertRowid)
  } finally {
    db.close()
  }
}

function forgedPost(page: Page, path: string, fields: [string, string][]) {
  return page.evaluate(
    async ({ path, fields }) => {
      const body = new URLSearchParams(fields)
      // A successful save redirects (followed, so 200); a refusal is 403.
      return (await fetch(path, { method: 'POST', body })).status
    },
    { path, fields },
  )
}

for (const lang of ['en', 'ar'] as const) {
  const t = text[lang]
  const m = added[lang]
  const name = m.nameEn || m.nameAr

  test(`a member adds a mechanism for their parliament; everyone finds it (${lang})`, async ({ page, signIn }) => {
    const shura = parliamentId('Shura Council of Qatar')
    await signIn('member')
    await page.goto(`/${lang}/mechanisms`)
    await page.getByRole('link', { name: t.add }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.addTitle)
    // The parliament is the member's own: shown, not chosen.
    await expect(page.getByText(t.shura, { exact: true })).toBeVisible()
    await expect(page.getByLabel(t.parliament)).toHaveCount(0)
    await expect(page.getByRole('group', { name: t.pillarsLegend })).toBeVisible()

    await page.getByLabel(t.kind).selectOption(m.kind)
    if (m.nameEn) await page.getByLabel(t.nameEn).fill(m.nameEn)
    if (m.nameAr) await page.getByLabel(t.nameAr).fill(m.nameAr)
    await page.getByLabel(lang === 'en' ? t.descriptionEn : t.descriptionAr).fill(m.description)
    await page.getByLabel(t.year).fill('2019')
    await page.getByLabel(t.url, { exact: true }).fill(m.url)
    for (const p of m.pillars) await page.getByLabel(t.pillars[p]).check()
    await page.getByRole('button', { name: t.save }).click()

    await expect(page).toHaveURL(new RegExp(`/${lang}/mechanisms\\?parliament=${shura}#mechanism-\\d+$`))
    await expect(page.getByRole('status').filter({ hasText: t.saved })).toBeVisible()
    const card = page.getByRole('article', { name })
    await expect(card.getByRole('link', { name: t.shura })).toHaveAttribute('href', `/${lang}/parliaments/${shura}`)
    await expect(card).toContainText(lang === 'en' ? t.committee : t.law)
    await expect(card).toContainText(t.since)
    await expect(
      card
        .getByRole('list', { name: lang === 'en' ? 'Pillars of the UN strategy' : 'ركائز استراتيجية الأمم المتحدة' })
        .getByRole('listitem'),
    ).toHaveText(m.pillars.map((p) => t.pillars[p]))
    await expect(card.getByRole('link', { name: m.url.replace('https://', '') })).toHaveAttribute('href', m.url)

    const row = query<{
      id: number
      parliament_id: number
      kind: string
      year: number
      url: string
      created_by_id: number
    }>(
      'select id, parliament_id, kind, year, url, created_by_id from mechanism where name_en = ? and name_ar = ?',
      m.nameEn,
      m.nameAr,
    )
    expect(row).toHaveLength(1)
    const memberId = query<{ id: number }>('select id from user where email = ?', demo.member.email)[0]!.id
    expect(row[0]).toMatchObject({
      parliament_id: shura,
      kind: m.kind,
      year: 2019,
      url: m.url,
      created_by_id: memberId,
    })
    expect(pillarsOf(row[0]!.id)).toEqual(m.pillars)
    expect(
      query('select 1 from audit_event where action = ? and target_id = ?', 'mechanism.created', String(row[0]!.id)),
    ).toHaveLength(1)

    // On the parliament's own page.
    await page.goto(`/${lang}/parliaments/${shura}`)
    const section = page.getByRole('region', { name: t.mechanismsOnProfile })
    await expect(section.getByRole('heading', { name })).toBeVisible()
    await expect(section.getByText(m.description)).toBeVisible()

    // A visitor finds it with the filters and the search, and cannot add or edit.
    await page.context().clearCookies()
    await page.goto(`/${lang}/mechanisms`)
    await expect(page.getByRole('link', { name: t.add })).toHaveCount(0)
    await expect(page.getByRole('article', { name })).toBeVisible()
    await expect(page.getByRole('article', { name }).getByRole('link', { name: t.edit })).toHaveCount(0)

    await page.getByLabel(t.filterPillar).selectOption(String(m.pillars[1]))
    await page.getByLabel(t.filterKind).selectOption(m.kind)
    await page.getByRole('button', { name: t.apply }).click()
    await expect(page).toHaveURL(new RegExp(`pillar=${m.pillars[1]}`))
    await expect(page.getByRole('article', { name })).toBeVisible()
    for (const article of await page.getByRole('article').all())
      await expect(article).toContainText(t.pillars[m.pillars[1]])

    await page.getByLabel(t.filterPillar).selectOption(String(m.otherPillar))
    await page.getByRole('button', { name: t.apply }).click()
    await expect(page.getByRole('article', { name })).toHaveCount(0)
    await page.getByLabel(t.filterPillar).selectOption('')
    await page.getByLabel(t.filterKind).selectOption(m.otherKind)
    await page.getByRole('button', { name: t.apply }).click()
    await expect(page.getByRole('article', { name })).toHaveCount(0)

    for (const q of m.searches) {
      await page.goto(`/${lang}/mechanisms`)
      await page.getByLabel(t.search).fill(q)
      await page.getByRole('button', { name: t.apply }).click()
      await expect(page.getByRole('article', { name }), q).toBeVisible()
    }

    await page.goto(`/${lang}/mechanisms/new`)
    await expect(page).toHaveURL(new RegExp(`/${lang}/login\\?redirectTo=`))
    await page.goto(`/${lang}/mechanisms/${row[0]!.id}/edit`)
    await expect(page).toHaveURL(new RegExp(`/${lang}/login\\?redirectTo=`))
  })

  test(`bad input gets localized messages and writes nothing (${lang})`, async ({ page, signIn }) => {
    await signIn('member')
    await page.goto(`/${lang}/mechanisms/new`)
    const before = mechanismRows()
    await page.getByLabel(t.year).fill('3000')
    await page.getByLabel(t.url, { exact: true }).fill('javascript:alert(1)')
    await page.getByRole('button', { name: t.save }).click()
    await expect(page.getByText(t.nameOneLanguage)).toBeVisible()
    await expect(page.getByText(t.yearRange)).toBeVisible()
    await expect(page.getByText(t.urlInvalid)).toBeVisible()
    await expect(page.getByRole('group', { name: t.pillarsLegend }).getByText(t.pillarRequired)).toBeVisible()
    await expect(page.getByLabel(t.nameEn)).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByLabel(t.year)).toHaveValue('3000')
    expect(mechanismRows()).toBe(before)

    // Fixing some fields keeps the others' messages, and still writes nothing.
    await page.getByLabel(t.nameAr).fill('لجنة')
    await page.getByLabel(t.year).fill('1944')
    await page.getByLabel(t.url, { exact: true }).fill('')
    await page.getByRole('button', { name: t.save }).click()
    await expect(page.getByText(t.yearRange)).toBeVisible()
    await expect(page.getByText(t.pillarRequired)).toBeVisible()
    await expect(page.getByText(t.nameOneLanguage)).toHaveCount(0)
    await expect(page.getByText(t.urlInvalid)).toHaveCount(0)
    expect(mechanismRows()).toBe(before)
  })
}

test.describe('who may change a mechanism', () => {
  test('a member of another parliament cannot edit it, even with a forged POST; a forged parliament is ignored', async ({
    page,
    context,
    baseURL,
  }) => {
    const id = addMechanismInDb('Shura Council of Qatar', 'Counter-Terrorism Oversight Board', [2, 4])
    const uk = parliamentId('UK House of Commons')
    await signInAs(context, baseURL!, addMemberAccount('UK House of Commons'))

    await page.goto('/en/mechanisms')
    await expect(page.getByRole('article', { name: 'Counter-Terrorism Oversight Board' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Edit: Counter-Terrorism Oversight Board' })).toHaveCount(0)
    for (const lang of ['en', 'ar']) expect((await page.goto(`/${lang}/mechanisms/${id}/edit`))?.status()).toBe(403)

    const forged: [string, string][] = [
      ['kind', 'law'],
      ['nameEn', 'Defaced'],
      ['pillars', '1'],
      ['parliamentId', String(uk)],
    ]
    expect(await forgedPost(page, `/en/mechanisms/${id}/edit`, forged)).toBe(403)
    expect(query('select kind, name_en, parliament_id from mechanism where id = ?', id)).toEqual([
      {
        kind: 'oversight_body',
        name_en: 'Counter-Terrorism Oversight Board',
        parliament_id: parliamentId('Shura Council of Qatar'),
      },
    ])
    expect(pillarsOf(id)).toEqual([2, 4])

    // Adding works, but always for the member's own parliament, whatever the form says.
    const shura = parliamentId('Shura Council of Qatar')
    expect(
      await forgedPost(page, '/en/mechanisms/new', [
        ['kind', 'caucus'],
        ['nameEn', 'Forged for Qatar'],
        ['pillars', '3'],
        ['parliamentId', String(shura)],
      ]),
    ).toBe(200)
    expect(query('select parliament_id from mechanism where name_en = ?', 'Forged for Qatar')).toEqual([
      { parliament_id: uk },
    ])

    // Non-existent and malformed ids.
    expect((await page.goto('/en/mechanisms/999999/edit'))?.status()).toBe(404)
    expect((await page.goto('/en/mechanisms/abc/edit'))?.status()).toBe(404)
  })

  test('a member without a parliament is told why, and cannot add', async ({ page, context, baseURL }) => {
    await signInAs(context, baseURL!, addMemberAccount(null))
    for (const lang of ['en', 'ar'] as const) {
      await page.goto(`/${lang}/mechanisms/new`)
      await expect(page.getByRole('heading', { level: 2, name: text[lang].noParliament })).toBeVisible()
      await expect(page.getByRole('button', { name: text[lang].save })).toHaveCount(0)
    }
    const before = mechanismRows()
    expect(
      await forgedPost(page, '/en/mechanisms/new', [
        ['kind', 'law'],
        ['nameEn', 'Orphan'],
        ['pillars', '1'],
      ]),
    ).toBe(403)
    expect(mechanismRows()).toBe(before)
  })

  test('a coordinator chooses the parliament, and can edit any mechanism', async ({ page, signIn }) => {
    const id = addMechanismInDb('UK House of Commons', 'Joint Committee on Human Rights', [4])
    await signIn('coordinator')
    await page.goto('/ar/mechanisms/new')
    await page.getByLabel(text.ar.nameAr).fill('لجنة الأمن في الجمعية')
    await page.getByLabel(text.ar.pillars[3]).check()
    await page.getByRole('button', { name: text.ar.save }).click()
    await expect(page.getByText(text.ar.parliamentRequired)).toBeVisible()

    await page
      .getByLabel(text.ar.parliament)
      .selectOption({ label: 'الجمعية البرلمانية لمنظمة الأمن والتعاون في أوروبا' })
    await page.getByRole('button', { name: text.ar.save }).click()
    await expect(page.getByRole('status').filter({ hasText: text.ar.saved })).toBeVisible()
    await expect(page.getByRole('article', { name: 'لجنة الأمن في الجمعية' })).toContainText(
      'الجمعية البرلمانية لمنظمة الأمن والتعاون في أوروبا',
    )

    await page.goto('/en/mechanisms')
    await page.getByRole('link', { name: 'Edit: Joint Committee on Human Rights' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.en.editTitle)
    await expect(page.getByLabel(text.en.parliament)).toHaveValue(String(parliamentId('UK House of Commons')))
    await expect(page.getByLabel(text.en.pillars[4])).toBeChecked()
    await page.getByLabel(text.en.pillars[4]).uncheck()
    await page.getByLabel(text.en.pillars[1]).check()
    await page.getByLabel(text.en.pillars[3]).check()
    await page.getByLabel(text.en.year).fill('2001')
    await page.getByRole('button', { name: text.en.save }).click()
    await expect(page.getByRole('status').filter({ hasText: text.en.saved })).toBeVisible()
    expect(pillarsOf(id)).toEqual([1, 3])
    expect(query<{ year: number }>('select year from mechanism where id = ?', id)[0]!.year).toBe(2001)
    expect(
      query('select 1 from audit_event where action = ? and target_id = ?', 'mechanism.updated', String(id)),
    ).toHaveLength(1)
  })
})

for (const lang of ['en', 'ar'] as const) {
  test(`accessibility and screenshots (${lang})`, async ({ page, signIn }) => {
    const id = addMechanismInDb(
      'Shura Council of Qatar',
      `Parliamentary Network on Violent Extremism (${lang})`,
      [1, 2, 3, 4],
    )
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 })
      await page.context().clearCookies()
      await signIn(lang === 'en' ? 'member' : 'coordinator')
      for (const [path, shot] of [
        ['/mechanisms', 'list'],
        ['/mechanisms/new', 'new'],
        [`/mechanisms/${id}/edit`, 'edit'],
      ] as const) {
        await page.goto(`/${lang}${path}`)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${lang}${path} at ${width}px`).toBeLessThanOrEqual(0)
        if (width === 1280) await expectAccessible(page)
        await snap(page, `mechanisms-${lang}-${shot}-${width}`)
      }
      // The form with every kind of error on it.
      await page.goto(`/${lang}/mechanisms/new`)
      await page.getByLabel(text[lang].year).fill('3000')
      await page.getByRole('button', { name: text[lang].save }).click()
      await expect(page.getByText(text[lang].pillarRequired)).toBeVisible()
      if (width === 1280) await expectAccessible(page)
      await snap(page, `mechanisms-${lang}-errors-${width}`)
    }
  })
}
