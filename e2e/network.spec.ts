import { expect, expectAccessible, query, snap, test } from './fixtures'

test.describe('the directory of parliaments', () => {
  test('Arabic search ignores diacritics and spelling variants', async ({ page }) => {
    for (const typed of ['الشورى', 'الشُّورَى', 'الشوري']) {
      await page.goto('/ar/parliaments')
      await page.getByLabel('الاسم، بالعربية أو الإنجليزية').fill(typed)
      await page.getByRole('button', { name: 'ابحث' }).click()
      await expect(page).toHaveURL(/q=/)
      await expect(page.getByRole('status')).toHaveText('عدد النتائج: 1')
      await expect(page.getByRole('rowheader').getByRole('link')).toHaveText(['مجلس الشورى القطري'])
    }
    // The English name is searchable from the Arabic page too, and the other way round.
    await page.goto('/ar/parliaments?q=osce')
    await expect(page.getByRole('rowheader').getByRole('link')).toHaveText([
      'الجمعية البرلمانية لمنظمة الأمن والتعاون في أوروبا',
    ])
    await page.goto('/en/parliaments?q=' + encodeURIComponent('البرلمان العربى'))
    await expect(page.getByRole('rowheader').getByRole('link')).toHaveText(['Arab Parliament'])
  })

  test('filters, sorting, odd queries and a parliament page, as a visitor', async ({ page }) => {
    await page.goto('/en/parliaments')
    await page.getByLabel('Kind').selectOption('union')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByRole('rowheader').getByRole('link')).toHaveText(['Inter-Parliamentary Union'])

    await page.goto('/en/parliaments?region=europe&sort=name')
    await expect(page.getByRole('rowheader').getByRole('link').first()).toHaveText('OSCE Parliamentary Assembly')
    await page.getByRole('link', { name: 'Country', exact: true }).click()
    await expect(page).toHaveURL(/sort=country/)
    await expect(page.getByRole('rowheader').getByRole('link').first()).toHaveText('UK House of Commons')

    for (const q of ['"', 'NEAR(', '*', '-', '%', 'x'.repeat(5000)]) {
      const response = await page.goto(`/en/parliaments?q=${encodeURIComponent(q)}&page=abc&sort=nope&kind=zz`)
      expect(response?.status(), q.slice(0, 10)).toBe(200)
    }

    await page.goto('/en/parliaments?q=shura')
    await page.getByRole('link', { name: 'Shura Council of Qatar' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shura Council of Qatar')
    await expect(page.getByText('مجلس الشورى القطري')).toHaveAttribute('lang', 'ar')
    await expect(page.getByText('Qatar', { exact: true })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0)
    await page
      .getByRole('link', { name: 'اقرأ هذه الصفحة بالعربية' })
      .or(page.getByRole('link', { name: 'Read this page in Arabic' }))
      .click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('مجلس الشورى القطري')
    await expect(page.getByText('قطر', { exact: true })).toBeVisible()

    expect((await page.goto('/en/parliaments/999999'))?.status()).toBe(404)
    expect((await page.goto('/en/parliaments/abc'))?.status()).toBe(404)
  })

  for (const lang of ['en', 'ar'] as const) {
    test(`accessibility and screenshots (${lang})`, async ({ page, signIn }) => {
      await signIn('coordinator')
      const id = query<{ id: number }>("select id from parliament where name_en = 'Shura Council of Qatar'")[0]!.id
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 800 })
        for (const path of ['/parliaments', `/parliaments/${id}`, '/parliaments/new', `/parliaments/${id}/edit`]) {
          await page.goto(`/${lang}${path}`)
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
          expect(overflow, `${lang}${path} at ${width}px`).toBeLessThanOrEqual(0)
          if (width === 1280) await expectAccessible(page)
          await snap(page, `${lang}${path.replace(/\/\d+/, '-id').replaceAll('/', '-')}-${width}`)
        }
      }
    })
  }
})

test.describe('coordinators maintain the directory', () => {
  test('a coordinator adds and edits a chamber; bad input is refused with localized messages', async ({
    page,
    signIn,
  }) => {
    await signIn('coordinator')
    await page.goto('/ar/parliaments')
    await page.getByRole('link', { name: 'إضافة برلمان أو جمعية برلمانية' }).click()
    await page.getByLabel('الاسم بالعربية').fill('مجلس الأمة الكويتي')
    await page.getByRole('button', { name: 'احفظ' }).click()
    await expect(page.getByText('يجب تحديد بلد المجلس الوطني.')).toBeVisible()
    const before = query<{ n: number }>('select count(*) n from parliament')[0]!.n

    await page.getByLabel('رمز البلد').fill('kw')
    await page.getByLabel('الاسم بالإنجليزية').fill('National Assembly of Kuwait')
    await page.getByLabel('المجلس', { exact: true }).selectOption('single')
    await page.getByLabel('المنطقة').selectOption('middle_east_north_africa')
    await page.getByLabel('الموقع الإلكتروني').fill('javascript:alert(1)')
    await page.getByRole('button', { name: 'احفظ' }).click()
    await expect(page.getByText('أدخل عنوانًا إلكترونيًا يبدأ بـ https://.')).toBeVisible()
    expect(query<{ n: number }>('select count(*) n from parliament')[0]!.n).toBe(before)

    await page.getByLabel('الموقع الإلكتروني').fill('https://www.kna.kw')
    await page.getByLabel('تاريخ الانضمام إلى الشبكة').fill('2024-05-01')
    await page.getByRole('button', { name: 'احفظ' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('مجلس الأمة الكويتي')
    await expect(page.getByRole('status')).toHaveText('تم حفظ البرلمان.')
    const row = query<{ country_code: string; search_text: string }>(
      "select country_code, search_text from parliament where name_en = 'National Assembly of Kuwait'",
    )[0]!
    expect(row.country_code).toBe('KW')

    // Found by the folded search at once.
    await page.goto('/ar/parliaments?q=' + encodeURIComponent('مجلس الامه'))
    await expect(page.getByRole('rowheader').getByRole('link')).toContainText(['مجلس الأمة الكويتي'])

    // The same English name again is refused.
    await page.goto('/en/parliaments/new')
    await page.getByLabel('Name in English').fill('National Assembly of Kuwait')
    await page.getByLabel('Kind').selectOption('assembly')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('alert')).toHaveText('Another parliament already has this English name.')
  })

  test('members and visitors cannot add or edit, even with a forged POST', async ({ page, signIn }) => {
    const visitor = await page.goto('/en/parliaments/new')
    expect(visitor?.url()).toMatch(/\/en\/login\?redirectTo=/)
    await signIn('member')
    expect((await page.goto('/en/parliaments/new'))?.status()).toBe(403)
    expect((await page.goto('/en/parliaments/1/edit'))?.status()).toBe(403)
    const before = query<{ n: number }>('select count(*) n from parliament')[0]!.n
    const status = await page.evaluate(async () => {
      const body = new URLSearchParams({ kind: 'assembly', nameEn: 'Forged Assembly', region: 'global' })
      return (await fetch('/en/parliaments/new', { method: 'POST', body })).status
    })
    expect(status).toBe(403)
    expect(query<{ n: number }>('select count(*) n from parliament')[0]!.n).toBe(before)
  })
})
