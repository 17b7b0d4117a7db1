import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import {
  demo,
  expect,
  expectAccessible,
  insertMeeting,
  insertUser,
  latestMailTo,
  parliamentId,
  query,
  signInAs,
  snap,
  test,
} from './fixtures'

// Invitations, registration, the waitlist and the participants' list, in both languages: a coordinator invites
// a parliament to a by-invitation meeting with one seat; its Arabic-speaking member registers, its
// English-speaking member is waitlisted and promoted when the first cancels; each mail is in its recipient's
// language; outsiders and visitors cannot open the registration; two members racing for the last seat never
// both get it.

const strings = (lang: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const text = {
  en: { p: strings('en', 'participation'), c: strings('en', 'common') },
  ar: { p: strings('ar', 'participation'), c: strings('ar', 'common') },
}
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''))

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

const stateOf = (meetingId: number, userId: number) =>
  query<{ state: string }>(
    'select state from meeting_registration where meeting_id = ? and user_id = ?',
    meetingId,
    userId,
  )[0]?.state

test('a coordinator invites a parliament; its members register, wait and are promoted, each told in their language', async ({
  browser,
  baseURL,
}) => {
  // Eight pages checked with axe and photographed at two widths (about 20 s on an idle machine).
  test.setTimeout(120_000)
  const stamp = Date.now()
  const title = { en: `Workshop on victims ${stamp}`, ar: `ورشة عمل بشأن الضحايا ${stamp}` }
  const meetingId = insertMeeting({
    titleEn: title.en,
    titleAr: title.ar,
    visibility: 'invitation',
    format: 'hybrid',
    capacity: 1,
    registrationDeadline: new Date(Date.now() + 20 * 24 * 3600 * 1000),
    onlineUrl: 'https://meet.example.org/victims',
  })
  const asian = parliamentId('Asian Parliamentary Assembly')
  const amalName = `أمل الكواري ${stamp}`
  const amal = insertUser({ name: amalName, parliamentId: asian, locale: 'ar' })
  const john = insertUser({ name: `John Carter ${stamp}`, parliamentId: asian, locale: 'en' })
  const outsider = insertUser({ name: `Outsider ${stamp}`, parliamentId: parliamentId('ParlAmericas'), locale: 'en' })
  const registerPath = (lang: string) => `/${lang}/meetings/${meetingId}/register`

  // The coordinator finds the parliament by part of its Arabic name and invites it.
  const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
  await coordinator.goto(`/ar/meetings/${meetingId}/invitations`)
  await check(coordinator, 'participation-invitations-ar')
  await coordinator.getByLabel(text.ar.p.invitations.filter).fill('الآسيوية')
  await expect(coordinator.getByLabel(/^الجمعية البرلمانية الآسيوية/)).toBeVisible()
  await expect(coordinator.getByLabel(/^البرلمان العربي/)).toBeHidden()
  await coordinator.getByLabel(/^الجمعية البرلمانية الآسيوية/).check()
  await coordinator.getByRole('button', { name: text.ar.p.invitations.inviteParliaments }).click()
  await expect(coordinator.getByRole('status').first()).toContainText(text.ar.c.flash.invitationsSent)
  await expect(coordinator.getByRole('row', { name: /الجمعية البرلمانية الآسيوية/ })).toBeVisible()
  for (const [who, lang] of [
    [amal, 'ar'],
    [john, 'en'],
  ] as const) {
    const mail = latestMailTo(who.email)!
    expect(mail.locale).toBe(lang)
    expect(mail.subject).toBe(fill(text[lang].p.mail.invitation.subject, { title: title[lang] }))
    expect(mail.text_body).toContain(`/${lang}/meetings/${meetingId}`)
  }
  await coordinator.goto(`/en/meetings/${meetingId}/invitations`)
  await expect(coordinator.getByRole('row', { name: /Asian Parliamentary Assembly/ })).toBeVisible()
  await check(coordinator, 'participation-invitations-en')

  // Amal (Arabic) sees the invitation on "My meetings" and takes the only seat.
  const amalPage = await pageAs(browser, baseURL!, amal.email)
  await amalPage.goto('/ar/meetings/mine')
  const card = amalPage.getByRole('listitem').filter({ hasText: title.ar })
  await expect(card).toBeVisible()
  await check(amalPage, 'participation-mine-ar')
  await card.getByRole('link', { name: text.ar.p.mine.answer }).click()
  await expect(amalPage).toHaveURL(new RegExp(`${registerPath('ar')}$`))
  await check(amalPage, 'participation-register-ar')
  await amalPage.getByRole('radio', { name: text.ar.p.modes.in_person }).check()
  await amalPage.getByRole('checkbox', { name: text.ar.p.languages.en, exact: true }).check()
  await amalPage.getByLabel(text.ar.p.register.dietary).fill('حلال')
  await amalPage.getByRole('button', { name: text.ar.p.register.submit, exact: true }).click()
  await expect(amalPage.getByRole('status').first()).toContainText(text.ar.c.flash.registered)
  await expect(amalPage.locator('.registration-state')).toContainText(text.ar.p.states.confirmed)
  expect(latestMailTo(amal.email)).toMatchObject({
    locale: 'ar',
    subject: fill(text.ar.p.mail.confirmed.subject, { title: title.ar }),
  })

  // John (English) finds the meeting full and joins the waiting list.
  const johnPage = await pageAs(browser, baseURL!, john.email)
  await johnPage.goto(registerPath('en'))
  await expect(johnPage.getByText(text.en.p.register.fullNote)).toBeVisible()
  await check(johnPage, 'participation-register-en')
  await johnPage.getByRole('radio', { name: text.en.p.modes.online }).check()
  await johnPage.getByRole('button', { name: text.en.p.register.submit, exact: true }).click()
  await expect(johnPage.getByRole('status').first()).toContainText(text.en.c.flash.waitlisted)
  await expect(johnPage.getByText(fill(text.en.p.panel.waitlistPosition, { n: 1 }))).toBeVisible()
  expect(latestMailTo(john.email)).toMatchObject({
    locale: 'en',
    subject: fill(text.en.p.mail.waitlisted.subject, { title: title.en }),
  })

  // Amal cancels: John is promoted and told, in English.
  await amalPage.getByText(text.ar.p.register.cancelTitle).click()
  await amalPage.getByRole('button', { name: text.ar.p.register.cancelConfirm }).click()
  await expect(amalPage.getByRole('status').first()).toContainText(text.ar.c.flash.registrationCancelled)
  expect(latestMailTo(amal.email)!.subject).toBe(fill(text.ar.p.mail.cancelled.subject, { title: title.ar }))
  expect(stateOf(meetingId, john.id)).toBe('confirmed')
  const promotion = latestMailTo(john.email)!
  expect(promotion).toMatchObject({ locale: 'en', subject: fill(text.en.p.mail.promoted.subject, { title: title.en }) })
  expect(promotion.text_body).toContain(registerPath('en'))
  await johnPage.goto('/en/meetings/mine')
  await expect(johnPage.getByRole('row', { name: new RegExp(title.en) })).toContainText(text.en.p.states.confirmed)
  await check(johnPage, 'participation-mine-en')

  // A member of another parliament gets a 404, a visitor is asked to sign in.
  const outsiderPage = await pageAs(browser, baseURL!, outsider.email)
  expect((await outsiderPage.goto(registerPath('en')))!.status()).toBe(404)
  const refused = await outsiderPage.request.post(registerPath('en'), {
    form: { intent: 'register', attendanceMode: 'online' },
    headers: { Origin: new URL(baseURL!).origin },
    maxRedirects: 0,
  })
  expect(refused.status()).toBe(404)
  const visitor = await pageAs(browser, baseURL!, null)
  await visitor.goto(registerPath('ar'))
  await expect(visitor).toHaveURL(/\/ar\/login\?redirectTo=/)

  // The coordinators' list, grouped by parliament, and its CSV; members get 403 on both.
  await coordinator.goto(`/en/meetings/${meetingId}/participants`)
  const johnRow = coordinator.getByRole('row', { name: new RegExp(`John Carter ${stamp}`) })
  await expect(johnRow).toContainText(text.en.p.states.confirmed)
  await expect(coordinator.getByRole('row', { name: new RegExp(amal.email) })).toContainText(text.en.p.states.cancelled)
  await expect(coordinator.getByRole('heading', { name: /Asian Parliamentary Assembly/ })).toBeVisible()
  await check(coordinator, 'participation-participants-en')
  await johnRow
    .getByLabel(fill(text.en.p.participants.attendedLabel, { name: `John Carter ${stamp}` }))
    .selectOption('yes')
  await coordinator.getByRole('button', { name: text.en.p.participants.saveAttendance }).click()
  await expect(coordinator.getByRole('status').first()).toContainText(text.en.c.flash.attendanceSaved)
  expect(
    query<{ attended: number }>(
      'select attended from meeting_registration where meeting_id = ? and user_id = ?',
      meetingId,
      john.id,
    )[0]!.attended,
  ).toBe(1)
  await coordinator.goto(`/ar/meetings/${meetingId}/participants`)
  await expect(coordinator.getByRole('heading', { name: /الجمعية البرلمانية الآسيوية/ })).toBeVisible()
  await check(coordinator, 'participation-participants-ar')

  const csv = await coordinator.request.get(`/meetings/${meetingId}/participants.csv`)
  expect(csv.status()).toBe(200)
  expect(csv.headers()['content-type']).toContain('text/csv')
  const body = await csv.text()
  expect(body.charCodeAt(0)).toBe(0xfeff)
  expect(body).toContain(`John Carter ${stamp},${john.email}`)
  expect(body).toContain(amalName)
  expect((await johnPage.request.get(`/meetings/${meetingId}/participants.csv`)).status()).toBe(403)
  expect((await johnPage.goto(`/en/meetings/${meetingId}/participants`))!.status()).toBe(403)
  for (const p of [coordinator, amalPage, johnPage, outsiderPage, visitor]) await p.context().close()
})

test('two members posting at the same moment for the last seat: exactly one gets it', async ({ browser, baseURL }) => {
  const meetingId = insertMeeting({ titleEn: `Last seat ${Date.now()}`, visibility: 'members', capacity: 1 })
  const people = [insertUser({ name: 'Racer One' }), insertUser({ name: 'Racer Two', locale: 'ar' })]
  const pages = await Promise.all(people.map((p) => pageAs(browser, baseURL!, p.email)))
  const responses = await Promise.all(
    pages.map((page) =>
      page.request.post(`/en/meetings/${meetingId}/register`, {
        form: { intent: 'register', attendanceMode: 'in_person' },
        headers: { Origin: new URL(baseURL!).origin },
        maxRedirects: 0,
      }),
    ),
  )
  expect(responses.map((r) => r.status())).toEqual([303, 303])
  const states = people.map((p) => stateOf(meetingId, p.id)).sort()
  expect(states).toEqual(['confirmed', 'waitlisted'])
  for (const p of pages) await p.context().close()
})
