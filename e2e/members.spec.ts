import fs from 'node:fs'
import sharp from 'sharp'
import { demo, expect, expectAccessible, insertUser, openTestDb, query, snap, test, waitForHydration } from './fixtures'

/** Two profiles in the Shura Council, written straight to the database (as an import would). */
function seedProfiles() {
  const db = openTestDb()
  try {
    const shura = (
      db.prepare("select id from parliament where name_en = 'Shura Council of Qatar'").get() as { id: number }
    ).id
    const insert = db.prepare(
      `insert into member (parliament_id, name_en, name_ar, search_text, position, gender, birth_year, email, phone, visibility, is_focal_point)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    )
    const stamp = Date.now()
    const pub = insert.get(
      shura,
      `Public Person ${stamp}`,
      'عائشة الكواري',
      `public person ${stamp} عايشه الكواري`,
      'committee_chair',
      'female',
      1988,
      `public-${stamp}@example.org`,
      '+974 4000 0000',
      'public',
      0,
    ) as { id: number }
    const priv = insert.get(
      shura,
      `Private Person ${stamp}`,
      '',
      `private person ${stamp}`,
      'staff',
      'male',
      1990,
      null,
      null,
      'members',
      0,
    ) as { id: number }
    return { shura, publicId: pub.id, privateId: priv.id, stamp }
  } finally {
    db.close()
  }
}

test.describe('members of the network', () => {
  test('a visitor sees public profiles only, without contact details or birth year', async ({ page }) => {
    const { privateId, stamp } = seedProfiles()
    await page.goto(`/en/members?q=${stamp}`)
    await expect(page.getByRole('status')).toHaveText('Results: 1')
    await page.getByRole('link', { name: `Public Person ${stamp}` }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Public Person ${stamp}`)
    await expect(page.getByText('Committee chair')).toBeVisible()
    await expect(page.getByRole('link', { name: 'Sign in to see the contact details.' })).toBeVisible()
    const html = await page.content()
    expect(html).not.toContain(`public-${stamp}@example.org`)
    expect(html).not.toContain('4000 0000')
    expect(html).not.toContain('1988')

    expect((await page.goto(`/en/members/${privateId}`))?.status()).toBe(404)
    // Arabic search with a variant spelling finds the Arabic name.
    await page.goto('/ar/members?q=' + encodeURIComponent('عَائِشَة'))
    await expect(page.getByRole('link', { name: 'عائشة الكواري' })).toBeVisible()
  })

  test('a signed-in member sees members-only profiles and contact details', async ({ page, signIn }) => {
    const { publicId, privateId, stamp } = seedProfiles()
    await signIn('member')
    await page.goto(`/ar/members/${publicId}`)
    await expect(page.getByTestId('contact-details')).toContainText(`public-${stamp}@example.org`)
    expect(await page.content()).not.toContain('1988')
    await page.goto(`/en/members/${privateId}`)
    await expect(page.getByText('This profile is visible to signed-in members only.')).toBeVisible()
    await page.goto(`/en/members?q=${stamp}`)
    await expect(page.getByRole('status')).toHaveText('Results: 2')
  })

  test('a member creates and edits their own profile, and cannot edit another, even by a forged POST', async ({
    page,
    signIn,
  }) => {
    const { publicId } = seedProfiles()
    await signIn('member')
    await page.goto('/en/account')
    await page.getByRole('link', { name: 'Create your profile in the network' }).click()
    await expect(page.getByLabel('Name in English')).toHaveValue(demo.member.name)
    await page.getByLabel('Year of birth').fill('3000')
    await page.getByLabel('Website').fill('javascript:alert(1)')
    await page.getByRole('button', { name: 'Save the profile' }).click()
    await expect(page.getByText('Enter a year of birth such as 1975.')).toBeVisible()
    await expect(page.getByText('Enter a web address starting with https://.')).toBeVisible()

    await page.getByLabel('Year of birth').fill('1990')
    await page.getByLabel('Website').fill('')
    await page.getByLabel('Name in Arabic').fill('عضو تجريبي')
    await page.getByLabel('Gender').selectOption('female')
    await page.getByRole('button', { name: 'Save the profile' }).click()
    await expect(page.getByRole('status')).toHaveText('Your profile is saved.')
    const own = query<{ id: number; user_id: number; birth_year: number; parliament_id: number }>(
      'select m.id, m.user_id, m.birth_year, m.parliament_id from member m join user u on u.id = m.user_id where u.email = ?',
      demo.member.email,
    )[0]!
    expect(own.birth_year).toBe(1990)

    await page.getByRole('link', { name: 'Edit the profile' }).click()
    await page.getByLabel('Committees').fill('Legal and Legislative Affairs')
    await page.getByRole('button', { name: 'Save the profile' }).click()
    await expect(page.getByText('Legal and Legislative Affairs')).toBeVisible()

    expect((await page.goto(`/en/members/${publicId}/edit`))?.status()).toBe(403)
    const status = await page.evaluate(async (id) => {
      const body = new URLSearchParams({ nameEn: 'Hijacked', position: 'member', visibility: 'public' })
      return (await fetch(`/en/members/${id}/edit`, { method: 'POST', body })).status
    }, publicId)
    expect(status).toBe(403)
    expect(query<{ name_en: string }>('select name_en from member where id = ?', publicId)[0]!.name_en).not.toBe(
      'Hijacked',
    )

    // A member cannot name themself focal point or move to another parliament by posting those fields.
    await page.evaluate(async (id) => {
      const body = new URLSearchParams({
        nameEn: 'Demo Member',
        position: 'member',
        visibility: 'public',
        isFocalPoint: 'on',
        parliamentId: '1',
      })
      await fetch(`/en/members/${id}/edit`, { method: 'POST', body })
    }, own.id)
    const after = query<{ is_focal_point: number; parliament_id: number }>(
      'select is_focal_point, parliament_id from member where id = ?',
      own.id,
    )[0]!
    expect(after).toEqual({ is_focal_point: 0, parliament_id: own.parliament_id })
  })

  test('a coordinator names a focal point, shown on the parliament page', async ({ page, signIn }) => {
    const { shura, publicId, stamp } = seedProfiles()
    await signIn('coordinator')
    await page.goto(`/ar/members/${publicId}/edit`)
    await page.getByLabel('جهة اتصال هذا البرلمان مع الشبكة').check()
    await page.getByRole('button', { name: 'احفظ الملف الشخصي' }).click()
    await expect(page.getByRole('status')).toHaveText('تم حفظ ملفك الشخصي.')
    await page.goto(`/en/parliaments/${shura}`)
    const focal = page.getByRole('region', { name: 'Focal points' })
    await expect(focal.getByRole('link', { name: `Public Person ${stamp}` })).toBeVisible()
  })

  test('a coordinator previews and commits a Popolo import; a second import says 0 new; a broken file writes nothing', async ({
    page,
    signIn,
  }) => {
    await signIn('coordinator')
    const count = () => query<{ n: number }>('select count(*) n from member')[0]!.n
    const upload = async (file: string | { name: string; mimeType: string; buffer: Buffer }) => {
      await page.goto('/en/members/import')
      await waitForHydration(page)
      await page.getByLabel('Popolo JSON file').setInputFiles(file)
      await page.getByLabel('Parliament or assembly of these members').selectOption({ label: 'UK House of Commons' })
      await page.getByRole('button', { name: 'Preview the import' }).click()
    }
    const before = count()
    await upload('app/features/network/popolo/fixtures/popolo-sample.json')
    await expect(page.getByTestId('summary-persons').getByRole('cell')).toHaveText(['3', '0', '0', '1'])
    expect(count()).toBe(before)
    await page.getByRole('button', { name: 'Save the import' }).click()
    await expect(page.getByRole('status')).toHaveText('The import is saved. New persons: 3.')
    expect(count()).toBe(before + 3)

    await upload('app/features/network/popolo/fixtures/popolo-sample.json')
    await expect(page.getByTestId('summary-persons').getByRole('cell')).toHaveText(['0', '0', '3', '1'])
    await page.getByRole('button', { name: 'Save the import' }).click()
    await expect(page.getByRole('status')).toContainText('New persons: 0.')
    expect(count()).toBe(before + 3)

    await upload({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"persons": [') })
    await expect(page.getByRole('alert')).toContainText('The file was refused:')
    await upload({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from('{"persons": "nope"}') })
    await expect(page.getByRole('alert')).toContainText('The file was refused:')
    expect(count()).toBe(before + 3)
  })

  test('members cannot open the import page', async ({ page, signIn }) => {
    await signIn('member')
    expect((await page.goto('/ar/members/import'))?.status()).toBe(403)
  })

  test('a photo is checked by its content, resized, and served only where the profile is visible', async ({
    page,
    signIn,
    browser,
    baseURL,
  }) => {
    const { publicId, privateId } = seedProfiles()
    await signIn('coordinator')
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#0b4f8a' } })
      .png()
      .toBuffer()

    await page.goto(`/en/members/${publicId}/edit`)
    await waitForHydration(page)
    await page
      .getByLabel('A new photo')
      .setInputFiles({ name: 'report.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.7 not an image') })
    await page.getByRole('button', { name: 'Upload the photo' }).click()
    await expect(page.getByRole('alert')).toHaveText('This file is not a JPEG, PNG or WebP image.')
    expect(query<{ photo: string | null }>('select photo from member where id = ?', publicId)[0]!.photo).toBeNull()

    await page.getByLabel('A new photo').setInputFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: png })
    await page.getByRole('button', { name: 'Upload the photo' }).click()
    await expect(page.getByRole('status')).toHaveText('Your profile is saved.')
    const hash = query<{ photo: string }>('select photo from member where id = ?', publicId)[0]!.photo
    expect(hash).toMatch(/^[a-f0-9]{64}$/)
    const img = page.locator('img.avatar')
    await expect(img).toHaveAttribute('src', `/photos/${hash}/256`)
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(256)

    // A visitor gets the public profile's photo as WebP, and nothing for a members-only profile.
    const visitor = await browser.newContext({ baseURL })
    const photo = await visitor.request.get(`/photos/${hash}/96`)
    expect(photo.status()).toBe(200)
    expect(photo.headers()['content-type']).toBe('image/webp')
    expect(photo.headers()['x-content-type-options']).toBe('nosniff')
    expect((await sharp(await photo.body()).metadata()).width).toBe(96)
    const db = openTestDb()
    db.prepare('update member set photo = ? where id = ?').run(hash, privateId)
    db.prepare("update member set visibility = 'members' where id = ?").run(publicId)
    db.close()
    expect((await visitor.request.get(`/photos/${hash}/96`)).status()).toBe(404)
    expect((await visitor.request.get(`/photos/${'0'.repeat(64)}/96`)).status()).toBe(404)
    expect((await visitor.request.get(`/photos/../../etc/passwd`)).status()).toBe(404)
    await visitor.close()
  })

  test('the exports carry public profiles only', async ({ request }) => {
    const { stamp } = seedProfiles()
    const popolo = await request.get('/export/popolo.json')
    expect(popolo.headers()['content-type']).toContain('application/json')
    const doc = (await popolo.json()) as { persons: { name: string }[] }
    const names = doc.persons.map((p) => p.name)
    expect(names).toContain(`Public Person ${stamp}`)
    expect(names).not.toContain(`Private Person ${stamp}`)
    const csv = await request.get('/export/members.csv')
    expect(csv.headers()['content-disposition']).toContain('attachment')
    const text = await csv.text()
    expect(text).toContain('عائشة الكواري')
    expect(text).not.toContain(`Private Person ${stamp}`)
    expect(text).not.toContain(`public-${stamp}@example.org`)
  })

  for (const lang of ['en', 'ar'] as const) {
    test(`accessibility and screenshots (${lang})`, async ({ page, signIn }) => {
      const { publicId } = seedProfiles()
      await signIn('coordinator')
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 800 })
        for (const path of [
          '/members',
          `/members/${publicId}`,
          `/members/${publicId}/edit`,
          '/members/new',
          '/members/import',
        ]) {
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

/** A chamber of the network written straight to the test database, with a unique name. */
function insertChamber(label: string) {
  const db = openTestDb()
  try {
    const nameEn = `${label} ${Date.now()}`
    const row = db
      .prepare(
        `insert into parliament (kind, name_en, name_ar, region, search_text, joined_at) values ('assembly', ?, '', 'global', ?, '2022-01-01') returning id`,
      )
      .get(nameEn, nameEn.toLowerCase()) as { id: number }
    return { id: row.id, nameEn }
  } finally {
    db.close()
  }
}

test.describe('imports into one network', () => {
  test("two assemblies sharing EveryPolitician's legacy ids both import in full, and French genders are read", async ({
    page,
    signIn,
  }) => {
    await signIn('coordinator')
    const north = insertChamber('Northern Assembly')
    const south = insertChamber('Southern Assembly')
    const upload = async (file: string | { name: string; mimeType: string; buffer: Buffer }, chamber: string) => {
      await page.goto('/en/members/import')
      await waitForHydration(page)
      await page.getByLabel('Popolo JSON file').setInputFiles(file)
      await page.getByLabel('Parliament or assembly of these members').selectOption({ label: chamber })
      await page.getByRole('button', { name: 'Preview the import' }).click()
    }
    for (const [file, chamber] of [
      ['app/features/network/popolo/fixtures/popolo-assembly-north.json', north.nameEn],
      ['app/features/network/popolo/fixtures/popolo-assembly-south.json', south.nameEn],
    ] as const) {
      await upload(file, chamber)
      // New, updated, unchanged, rejected: everyone is new, no one rejected.
      await expect(page.getByTestId('summary-persons').getByRole('cell')).toHaveText(['3', '0', '0', '0'])
      await expect(page.getByTestId('unread-genders')).toHaveCount(0)
      await page.getByRole('button', { name: 'Save the import' }).click()
      await expect(page.getByRole('status')).toHaveText('The import is saved. New persons: 3.')
    }
    const genders = query<{ gender: string | null }>(
      'select gender from member where parliament_id = ? order by id',
      south.id,
    )
    expect(genders.map((g) => g.gender)).toEqual(['male', 'female', 'male'])

    // A value the import cannot read is stored as unknown and named in the preview, in both languages.
    const doc = JSON.parse(
      fs.readFileSync('app/features/network/popolo/fixtures/popolo-assembly-south.json', 'utf8'),
    ) as {
      persons: { gender?: string }[]
    }
    doc.persons[0]!.gender = 'Mann'
    const buffer = Buffer.from(JSON.stringify(doc))
    await upload({ name: 'south.json', mimeType: 'application/json', buffer }, south.nameEn)
    await expect(page.getByTestId('unread-genders')).toContainText('Genders the import does not understand')
    await expect(page.getByTestId('unread-genders').getByRole('listitem')).toHaveText(['“Mann” (persons: 1)'])
    await page.goto('/ar/members/import')
    await waitForHydration(page)
    await page
      .getByLabel('ملف JSON بصيغة Popolo')
      .setInputFiles({ name: 'south.json', mimeType: 'application/json', buffer })
    await page.getByLabel('البرلمان أو الجمعية البرلمانية لهؤلاء الأعضاء').selectOption(String(south.id))
    await page.getByRole('button', { name: 'معاينة الاستيراد' }).click()
    await expect(page.getByTestId('unread-genders').getByRole('listitem')).toHaveText(['«Mann» (عدد الأشخاص: 1)'])
  })
})

test.describe('what a visitor is told about a parliament and its members', () => {
  function seedChamber() {
    const chamber = insertChamber('Small Assembly')
    const db = openTestDb()
    try {
      const insert = db.prepare(
        `insert into member (parliament_id, name_en, search_text, gender, birth_year, visibility) values (?, ?, ?, 'female', 1990, ?) returning id`,
      )
      const listed = insert.get(chamber.id, `Listed ${chamber.nameEn}`, 'listed', 'public') as { id: number }
      insert.run(chamber.id, `Hidden ${chamber.nameEn}`, 'hidden', 'members')
      db.prepare('update member set user_id = ? where id = ?').run(insertUser({ name: 'Listed' }).id, listed.id)
      return { ...chamber, listedId: listed.id }
    } finally {
      db.close()
    }
  }

  test('a parliament page counts only the profiles shown, and gives no share of women for a group under 5', async ({
    page,
  }) => {
    const chamber = seedChamber()
    for (const lang of ['en', 'ar'] as const) {
      await page.goto(`/${lang}/parliaments/${chamber.id}`)
      await expect(page.getByRole('link', { name: `Listed ${chamber.nameEn}` })).toBeVisible()
      await expect(page.getByText(`Hidden ${chamber.nameEn}`)).toHaveCount(0)
      const members = page.getByRole('row', { name: lang === 'en' ? /^Members/ : /^الأعضاء/ })
      await expect(members.getByRole('cell').first()).toHaveText('1')
      await expect(page.getByTestId('women-share')).toHaveText('—')
      await expect(
        page.getByText(lang === 'en' ? /a share is given only where at least 5 members/ : /على الأقل/),
      ).toBeVisible()
    }
  })

  test("a profile's page, the Popolo export and the CSV carry no account id", async ({ page, request }) => {
    const chamber = seedChamber()
    await page.goto(`/en/members/${chamber.listedId}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Listed ${chamber.nameEn}`)
    expect(await page.content()).not.toContain('userId')
    const data = await request.get(`/en/members/${chamber.listedId}.data`)
    expect(data.status()).toBe(200)
    expect(await data.text()).not.toContain('userId')
    for (const url of ['/export/popolo.json', '/export/members.csv']) {
      const body = await (await request.get(url)).text()
      expect(body).toContain(`Listed ${chamber.nameEn}`)
      expect(body).not.toMatch(/user_?id/i)
    }
  })
})
