import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from '@playwright/test'
import ICAL from 'ical.js'
import {
  demo,
  expect,
  expectAccessible,
  insertMeeting,
  insertUser,
  languages,
  latestMailTo,
  openTestDb,
  query,
  signInAs,
  snap,
  test,
} from './fixtures'

// Scheduling a meeting in the browser, in both languages: bad input is refused with localized messages and
// saves nothing; a coordinator schedules a three-day hybrid meeting in Doha and publishes it; a visitor sees it
// without its online link, and never sees a by-invitation meeting; the list, month calendar and home page show it.

const strings = (lang: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const text = {
  en: { m: strings('en', 'meetings'), c: strings('en', 'common'), cal: strings('en', 'calendar') },
  ar: { m: strings('ar', 'meetings'), c: strings('ar', 'common'), cal: strings('ar', 'calendar') },
}

async function pageAs(
  browser: Browser,
  baseURL: string,
  email: string | null,
  viewport?: { width: number; height: number },
) {
  const context = await browser.newContext({ baseURL, viewport })
  if (email) await signInAs(context, baseURL, email)
  return context.newPage()
}

// Long flows (each saves, publishes and checks several pages with axe): more than the default 30 s.
test.describe.configure({ timeout: 90_000 })

/** "YYYY-MM-DD" n days from today. */
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

for (const lang of languages) {
  test(`a coordinator schedules a three-day hybrid meeting in Doha; a visitor sees it without its online link (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    const t = text[lang]
    const title = `${lang === 'ar' ? 'اجتماع تنسيقي' : 'Coordination meeting'} ${Date.now()}`
    const count = () =>
      query<{ n: number }>('select count(*) n from meeting where title_en = ? or title_ar = ?', title, title)[0]!.n
    const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
    await coordinator.goto(`/${lang}/meetings/new`)
    await expectAccessible(coordinator)

    // Bad input: end before start, an unknown time zone, a negative capacity — three messages, nothing saved.
    await coordinator.getByLabel(lang === 'ar' ? t.m.form.titleAr : t.m.form.titleEn).fill(title)
    await coordinator.getByLabel(t.m.form.timeZone).fill('Mars/Olympus')
    await coordinator.getByLabel(t.m.form.startsAt).fill(`${day(40)}T09:00`)
    await coordinator.getByLabel(t.m.form.endsAt).fill(`${day(39)}T17:00`)
    await coordinator.getByLabel(t.m.formats.hybrid).check()
    await coordinator.getByLabel(t.m.form.city).fill(lang === 'ar' ? 'الدوحة' : 'Doha')
    await coordinator.getByLabel(t.m.form.country).selectOption('QA')
    await coordinator.getByLabel(t.m.form.onlineUrl).fill('https://meet.example.org/secret-room')
    await coordinator.getByLabel(t.m.form.capacity).fill('-1')
    await coordinator.getByRole('button', { name: t.m.form.create }).click()
    await expect(coordinator.getByText(t.c.validation.timeZoneInvalid)).toBeVisible()
    await expect(coordinator.getByText(t.c.validation.endBeforeStart)).toBeVisible()
    await expect(coordinator.getByText(t.c.validation.capacityInvalid)).toBeVisible()
    expect(count()).toBe(0)
    await snap(coordinator, `meeting-form-errors-${lang}`)

    // Corrected, it is saved as a draft, then published.
    await coordinator.getByLabel(t.m.form.timeZone).fill('Asia/Qatar')
    await coordinator.getByLabel(t.m.form.endsAt).fill(`${day(42)}T17:00`)
    await coordinator.getByLabel(t.m.form.capacity).fill('2')
    await coordinator.getByRole('button', { name: t.m.form.create }).click()
    await expect(coordinator).toHaveURL(new RegExp(`/${lang}/meetings/\\d+$`))
    await expect(coordinator.getByRole('status')).toHaveText(t.c.flash.meetingSaved)
    await expect(coordinator.getByText(t.m.detail.draftNotice)).toBeVisible()
    const meetingPath = new URL(coordinator.url()).pathname
    const id = Number(meetingPath.split('/').pop())
    const row = query<{ starts_at: number; ends_at: number; time_zone: string; format: string }>(
      'select starts_at, ends_at, time_zone, format from meeting where id = ?',
      id,
    )[0]!
    // 09:00 in Doha is 06:00 UTC; the meeting spans three local days.
    expect(new Date(row.starts_at * 1000).toISOString()).toBe(`${day(40)}T06:00:00.000Z`)
    expect(new Date(row.ends_at * 1000).toISOString()).toBe(`${day(42)}T14:00:00.000Z`)
    expect(row).toMatchObject({ time_zone: 'Asia/Qatar', format: 'hybrid' })
    // A draft is not there for visitors.
    const visitor = await pageAs(browser, baseURL!, null)
    expect((await visitor.goto(meetingPath))!.status()).toBe(404)

    await coordinator.getByRole('button', { name: t.m.detail.publish, exact: true }).click()
    await expect(coordinator.getByRole('status')).toHaveText(t.c.flash.meetingPublished)
    // Coordinators see the online link.
    await expect(coordinator.locator('a[href="https://meet.example.org/secret-room"]')).toBeVisible()
    await expectAccessible(coordinator)
    await snap(coordinator, `meeting-page-coordinator-${lang}`)

    // A visitor sees the meeting but not the link (not in the HTML at all).
    const response = await visitor.goto(meetingPath)
    expect(response!.status()).toBe(200)
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(visitor.getByText(t.m.detail.onlineHidden, { exact: false })).toBeVisible()
    expect(await response!.text()).not.toContain('secret-room')
    await expectAccessible(visitor)
    await snap(visitor, `meeting-page-visitor-${lang}`)
    // The visitor adds it to a calendar: the downloaded .ics parses in ical.js with the right instant, and has
    // no online link.
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByRole('link', { name: t.m.detail.downloadIcs }).click(),
    ])
    const ics = fs.readFileSync((await download.path())!, 'utf8')
    const calendar = new ICAL.Component(ICAL.parse(ics))
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!)
    expect(event.startDate.toJSDate().toISOString()).toBe(`${day(40)}T06:00:00.000Z`)
    expect(ics).not.toContain('secret-room')

    // The month calendar of that month has it on each of its three days.
    await visitor.goto(`/${lang}/meetings?view=month&month=${day(40).slice(0, 7)}`)
    const inCalendar = visitor.locator('.month-calendar').getByRole('link', { name: title })
    expect(await inCalendar.count()).toBeGreaterThanOrEqual(day(42).slice(0, 7) === day(40).slice(0, 7) ? 3 : 1)
    await expectAccessible(visitor)
    await snap(visitor, `meetings-month-${lang}`)
    await visitor.context().close()
    await coordinator.context().close()
  })
}

test('a visitor never sees a by-invitation meeting; filters and the home page show the upcoming ones', async ({
  browser,
  baseURL,
}) => {
  const hidden = `Closed-door briefing ${Date.now()}`
  const id = insertMeeting({
    titleEn: hidden,
    visibility: 'invitation',
    format: 'hybrid',
    onlineUrl: 'https://meet.example.org/closed',
  })
  const webinar = `Open webinar ${Date.now()}`
  insertMeeting({
    titleEn: webinar,
    format: 'online',
    startsAt: new Date(Date.now() + 2 * 86_400_000),
    endsAt: new Date(Date.now() + 2 * 86_400_000 + 7_200_000),
  })

  const visitor = await pageAs(browser, baseURL!, null)
  await visitor.goto('/en/meetings')
  await expect(visitor.getByRole('link', { name: webinar })).toBeVisible()
  await expect(visitor.getByRole('link', { name: hidden })).toHaveCount(0)
  // Its page asks a visitor to sign in; it shows nothing of the meeting.
  await visitor.goto(`/en/meetings/${id}`)
  await expect(visitor).toHaveURL(/\/en\/login\?/)
  // A member whose parliament is not invited gets "not found".
  const member = await pageAs(browser, baseURL!, demo.member.email)
  expect((await member.goto(`/en/meetings/${id}`))!.status()).toBe(404)

  // Filters: online webinars only.
  await visitor.goto('/en/meetings?format=online')
  await expect(visitor.getByRole('link', { name: webinar })).toBeVisible()
  await visitor.goto('/en/meetings?format=in_person')
  await expect(visitor.getByRole('link', { name: webinar })).toHaveCount(0)
  // The past: the Doha meeting of December 2021, with its outcome.
  await visitor.goto('/en/meetings?when=past&year=2021')
  await visitor
    .getByRole('link', { name: 'First coordination meeting of parliamentary assemblies on counter-terrorism' })
    .click()
  await expect(visitor.getByRole('heading', { name: 'Outcome of the meeting' })).toBeVisible()
  await expect(visitor.getByText('Dec 13, 2021', { exact: false }).first()).toBeVisible()

  // The home page lists the next meetings, soonest first.
  await visitor.goto('/en')
  await expect(
    visitor.getByRole('region', { name: 'Next meetings' }).getByRole('link', { name: webinar }),
  ).toBeVisible()

  for (const lang of languages) {
    for (const width of [1280, 360]) {
      const page = await pageAs(browser, baseURL!, null, { width, height: 900 })
      await page.goto(`/${lang}/meetings`)
      if (width === 1280) await expectAccessible(page)
      await snap(page, `meetings-list-${lang}-${width}`)
      if (width === 360) {
        await page.goto(`/${lang}/meetings?view=month&month=2021-12`)
        await snap(page, `meetings-month-${lang}-360`)
      }
      await page.context().close()
    }
  }
})

test('moving a meeting tells its participants in their language; cancelling it too', async ({ browser, baseURL }) => {
  const title = `Field visit ${Date.now()}`
  const id = insertMeeting({
    titleEn: title,
    titleAr: `زيارة ميدانية ${Date.now()}`,
    // Whole minutes, as the form keeps them (a save that changes nothing must not count as a move).
    startsAt: new Date(`${day(30)}T06:00:00Z`),
    endsAt: new Date(`${day(32)}T14:00:00Z`),
  })
  const arabic = insertUser({ name: 'مشاركة عربية', locale: 'ar' })
  const english = insertUser({ name: 'English participant', locale: 'en' })
  const db = openTestDb()
  for (const u of [arabic, english]) {
    db.prepare(
      `insert into meeting_registration (meeting_id, user_id, state, attendance_mode, requested_at) values (?, ?, 'confirmed', 'in_person', unixepoch())`,
    ).run(id, u.id)
  }
  db.close()
  const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
  await coordinator.goto(`/en/meetings/${id}/edit`)
  await expectAccessible(coordinator)
  await snap(coordinator, 'meeting-edit-en')
  // Saving the description only tells nobody; moving the start does.
  await coordinator.getByLabel(text.en.m.form.descriptionEn).fill('Updated programme.')
  await coordinator.getByRole('button', { name: text.en.m.form.save }).click()
  await expect(coordinator.getByRole('status')).toHaveText(text.en.c.flash.meetingSaved)
  expect(latestMailTo(arabic.email)).toBeUndefined()
  await coordinator.goto(`/en/meetings/${id}/edit`)
  await coordinator.getByLabel(text.en.m.form.startsAt).fill(`${day(29)}T10:00`)
  await coordinator.getByRole('button', { name: text.en.m.form.save }).click()
  await expect(coordinator.getByRole('status')).toHaveText(text.en.c.flash.meetingSaved)
  const changedAr = latestMailTo(arabic.email)!
  expect(changedAr.locale).toBe('ar')
  expect(changedAr.subject).toContain(text.ar.cal.mail.changed.subject.split('«')[0]!.trim())
  expect(latestMailTo(english.email)!.subject).toContain(text.en.cal.mail.changed.subject.split('{{')[0]!.trim())

  await coordinator.goto(`/en/meetings/${id}`)
  await coordinator.getByRole('button', { name: text.en.m.detail.cancelMeeting }).click()
  await expect(coordinator.getByRole('status')).toHaveText(text.en.c.flash.meetingCancelled)
  const cancelledAr = latestMailTo(arabic.email)!
  expect(cancelledAr.locale).toBe('ar')
  expect(cancelledAr.subject).toContain(text.ar.cal.mail.cancelled.subject.split('«')[0]!.trim())
  expect(latestMailTo(english.email)!.subject).toContain(text.en.cal.mail.cancelled.subject.split('{{')[0]!.trim())
  // A member cannot cancel one: the forged post is refused.
  const member = await pageAs(browser, baseURL!, demo.member.email)
  const forged = await member.request.post(`/en/meetings/${id}`, {
    form: { intent: 'cancel' },
    headers: { Origin: baseURL! },
  })
  expect(forged.status()).toBe(403)
  // The audit log names what the coordinator did, in the page's language.
  const admin = await pageAs(browser, baseURL!, demo.admin.email)
  await admin.goto('/ar/admin/audit')
  await expect(
    admin.getByRole('cell', { name: strings('ar', 'admin').audit.actions.meeting_cancelled }).first(),
  ).toBeVisible()
})
