import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from '@playwright/test'
import { demo, expect, languages, query, signInAs, test, waitForHydration } from './fixtures'

// What strangers typed into the forms (issue 12, items 11–13): required fields holding only characters nobody can
// see, NUL, meeting times that clocks skip, a time zone in the wrong case, impossible dates, over-long e-mail
// addresses. Each is refused with a localized message beside its field and saves nothing; a visible value with an
// Arabic joiner inside a word is kept exactly as typed.

const strings = (lang: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const text = {
  en: {
    c: strings('en', 'common'),
    r: strings('en', 'requests'),
    m: strings('en', 'meetings'),
    n: strings('en', 'network'),
  },
  ar: {
    c: strings('ar', 'common'),
    r: strings('ar', 'requests'),
    m: strings('ar', 'meetings'),
    n: strings('ar', 'network'),
  },
}
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '')

async function pageAs(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL })
  await signInAs(context, baseURL, email)
  return context.newPage()
}

const count = (table: string) => query<{ n: number }>(`select count(*) as n from ${table}`)[0]!.n

for (const lang of languages) {
  test(`a request whose subject and need hold only invisible characters is refused; joiners inside words are kept (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    const { c, r, n } = text[lang]
    const page = await pageAs(browser, baseURL!, demo.member.email)
    await page.goto(`/${lang}/requests/new`)
    await waitForHydration(page)
    const before = count('assistance_request')
    // RLM and LRM marks for a subject, twenty Hangul fillers and zero-width spaces for a need.
    await page.getByLabel(r.form.subject, { exact: true }).fill('\u200F\u200E\u200F\u200E')
    await page.getByLabel(r.form.need, { exact: true }).fill('\u3164\u200B'.repeat(20))
    await page.getByLabel(n.pillarsShort['2']).check()
    await page.getByRole('button', { name: r.form.submit }).click()
    await expect(page.getByText(c.validation.required)).toBeVisible()
    await expect(page.getByText(c.validation.needRequired)).toBeVisible()
    expect(count('assistance_request')).toBe(before)

    // A Persian-style ZWNJ and a ZWJ inside visible words are part of their spelling: stored as typed.
    const subject = `${lang === 'ar' ? 'دعم\u200Cتشريعي' : 'Drafting\u200Dsupport'} ${Date.now()}`
    await page.getByLabel(r.form.subject, { exact: true }).fill(subject)
    await page
      .getByLabel(r.form.need, { exact: true })
      .fill(
        lang === 'ar'
          ? 'نحتاج إلى مراجعة مشروع قانون مكافحة تمويل الإرهاب.'
          : 'We need a review of the draft law on terrorist financing.',
      )
    await page.getByRole('button', { name: r.form.submit }).click()
    await expect(page).toHaveURL(new RegExp(`/${lang}/requests/\\d+$`))
    expect(
      query<{ subject: string }>('select subject from assistance_request order by id desc limit 1')[0]!.subject,
    ).toBe(subject)
    await page.context().close()
  })

  test(`a meeting time that clocks skip is refused with the skipped hour named, on create and edit; the zone is stored canonically (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    const { c, m } = text[lang]
    const page = await pageAs(browser, baseURL!, demo.coordinator.email)
    const title = `${lang === 'ar' ? 'ندوة لندن' : 'London seminar'} ${Date.now()}`
    const saved = () =>
      query<{ id: number; time_zone: string; starts_at: number }>(
        'select id, time_zone, starts_at from meeting where title_en = ? or title_ar = ?',
        title,
        title,
      )
    await page.goto(`/${lang}/meetings/new`)
    await waitForHydration(page)
    await page.getByLabel(lang === 'ar' ? m.form.titleAr : m.form.titleEn).fill(title)
    await page.getByLabel(m.form.city).fill(lang === 'ar' ? 'لندن' : 'London')
    // Typed in the wrong case: stored as the IANA name.
    await page.getByLabel(m.form.timeZone).fill('europe/london')
    // 28 March 2027: London's clocks go from 01:00 to 02:00, so 01:30 never happens there.
    await page.getByLabel(m.form.startsAt).fill('2027-03-28T01:30')
    await page.getByLabel(m.form.endsAt).fill('2027-03-28T17:00')
    await page.getByRole('button', { name: m.form.create }).click()
    const gap = fill(c.validation.timeInGap, {
      time: '01:30',
      date: '2027-03-28',
      zone: 'Europe/London',
      from: '01:00',
      to: '02:00',
    })
    await expect(page.getByText(gap)).toBeVisible()
    expect(saved()).toEqual([])

    await page.getByLabel(m.form.startsAt).fill('2027-03-28T02:30')
    await page.getByRole('button', { name: m.form.create }).click()
    await expect(page).toHaveURL(new RegExp(`/${lang}/meetings/\\d+$`))
    const [row] = saved()
    expect(row!.time_zone).toBe('Europe/London')
    // 02:30 BST is 01:30 UTC.
    expect(new Date(row!.starts_at * 1000).toISOString()).toBe('2027-03-28T01:30:00.000Z')

    // The edit form refuses the same hour and keeps the stored time.
    await page.goto(`/${lang}/meetings/${row!.id}/edit`)
    await waitForHydration(page)
    await page.getByLabel(m.form.startsAt).fill('2027-03-28T01:05')
    await page.getByRole('button', { name: m.form.save }).click()
    await expect(
      page.getByText(
        fill(c.validation.timeInGap, {
          time: '01:05',
          date: '2027-03-28',
          zone: 'Europe/London',
          from: '01:00',
          to: '02:00',
        }),
      ),
    ).toBeVisible()
    expect(saved()[0]!.starts_at).toBe(row!.starts_at)
    await page.context().close()
  })
}

test('forged posts: NUL, impossible dates and over-long addresses are refused with a message and write nothing', async ({
  browser,
  baseURL,
}) => {
  const origin = { Origin: baseURL! }
  const { c } = text.en
  const ar = text.ar.c
  const member = await pageAs(browser, baseURL!, demo.member.email)
  const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
  const escaped = (s: string) => s.replace(/'/g, '&#x27;')

  // NUL in a request's need (once, or 10,000 times) and in its subject.
  const requests = count('assistance_request')
  for (const [subject, need] of [
    ['Drafting support', '\u0000'.repeat(10_000)],
    ['Drafting\u0000support', 'We need a review of the draft law on terrorist financing.'],
  ]) {
    const response = await member.request.post('/ar/requests/new', {
      form: { kind: 'training', subject: subject!, need: need!, pillars: '2', languages: 'ar' },
      headers: origin,
      maxRedirects: 0,
    })
    expect(response.status()).toBe(400)
    expect(await response.text()).toContain(ar.validation.invalidCharacters)
  }
  expect(count('assistance_request')).toBe(requests)

  // A parliament's joining date must exist.
  const parliaments = count('parliament')
  for (const joinedAt of ['2021-02-30', '2021-02-29', '0000-00-00', '9999-99-99', '2021-13-01']) {
    const response = await coordinator.request.post('/en/parliaments/new', {
      form: { kind: 'assembly', nameEn: `Assembly ${joinedAt}`, region: 'global', joinedAt },
      headers: origin,
      maxRedirects: 0,
    })
    expect(response.status(), joinedAt).toBe(400)
    expect(await response.text()).toContain(escaped(c.validation.dateInvalid))
  }
  expect(count('parliament')).toBe(parliaments)

  // 65 characters before the @ is one more than SMTP carries; 64 is fine.
  const invitations = count('token')
  const long = await coordinator.request.post('/en/invitations/new', {
    form: { email: `${'a'.repeat(65)}@example.org`, role: 'member', locale: 'en' },
    headers: origin,
    maxRedirects: 0,
  })
  expect(long.status()).toBe(400)
  expect(await long.text()).toContain(c.validation.emailLocalTooLong)
  expect(count('token')).toBe(invitations)

  // A time zone typed in another case is stored by its IANA name.
  const title = `Doha forum ${Date.now()}`
  const created = await coordinator.request.post('/en/meetings/new', {
    form: {
      kind: 'workshop',
      format: 'online',
      titleEn: title,
      timeZone: 'asia/qatar',
      startsAt: '2027-05-10T09:00',
      endsAt: '2027-05-10T12:00',
      visibility: 'public',
    },
    headers: origin,
    maxRedirects: 0,
  })
  expect(created.status()).toBe(303)
  expect(query<{ time_zone: string }>('select time_zone from meeting where title_en = ?', title)).toEqual([
    { time_zone: 'Asia/Qatar' },
  ])
  await member.context().close()
  await coordinator.context().close()
})
