import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import {
  demo,
  expect,
  expectAccessible,
  insertUser,
  languages,
  query,
  signInAs,
  test,
  waitForHydration,
} from './fixtures'

// Saved searches and alerts (issue 17), in both languages: a member saves the library search «تمويل الإرهاب» with a
// daily alert; a coordinator publishes a matching resource; the alert run (the reminders script, run twice) mails it
// once, in the member's language; the mail's signed link turns the alert off without signing in, and a forged
// signature is refused (4xx) and writes nothing.

const read = (lang: string, ns: string) => JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const text = {
  en: { a: read('en', 'alerts') as typeof import('../locales/en/alerts.json'), l: read('en', 'library') },
  ar: { a: read('ar', 'alerts') as typeof import('../locales/ar/alerts.json'), l: read('ar', 'library') },
}
const WORDS = 'تمويل الإرهاب'

async function pageAs(browser: Browser, baseURL: string, email: string | null) {
  const context = await browser.newContext({ baseURL })
  if (email) await signInAs(context, baseURL, email)
  return context.newPage()
}

const runAlerts = () =>
  execFileSync('npx', ['tsx', 'scripts/send-reminders.ts'], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DEMO: '0' },
    stdio: 'pipe',
  })

async function publishResource(page: Page, lang: 'en' | 'ar', titleAr: string) {
  const t = text[lang].l
  await page.goto(`/${lang}/resources/new`)
  await page.getByLabel(t.form.type).selectOption('report')
  await page.getByLabel(t.form.titleAr).fill(titleAr)
  await waitForHydration(page)
  await page.getByLabel(t.form.file, { exact: true }).setInputFiles(path.join('e2e', 'fixtures', 'arabic.pdf'))
  await expect(page.getByText(t.upload.uploaded.split('{{')[0], { exact: false }).first()).toBeVisible({
    timeout: 20_000,
  })
  await page.getByRole('button', { name: t.form.publish, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/${lang}/resources/\\d+$`))
  return Number(new URL(page.url()).pathname.split('/').pop())
}

for (const lang of languages) {
  test(`a saved search’s daily alert mails a new match once and its signed link turns it off (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    // Two runs of the reminders script (a process each) and an upload.
    test.setTimeout(180_000)
    const t = text[lang].a
    const search = `/${lang}/resources?q=${encodeURIComponent(WORDS)}`

    // A visitor is asked to sign in first.
    const visitor = await pageAs(browser, baseURL!, null)
    await visitor.goto(search)
    await expect(visitor.getByRole('link', { name: t.save.signIn })).toHaveAttribute('href', /\/login\?redirectTo=/)

    // The member saves the search with a daily alert (the default), named after its words.
    const person = insertUser({ name: `Alerted member ${lang}`, locale: lang })
    const member = await pageAs(browser, baseURL!, person.email)
    await member.goto(search)
    await member.locator('summary', { hasText: t.save.heading }).click()
    await expect(member.getByLabel(t.save.name)).toHaveValue(WORDS)
    await expect(member.getByLabel(t.save.frequency)).toHaveValue('daily')
    await member.getByRole('button', { name: t.save.submit }).click()
    await expect(member).toHaveURL(new RegExp(`/${lang}/account/alerts\\?done=saved$`))
    await expect(member.getByRole('status')).toHaveText(t.done.saved)
    await expect(member.getByRole('heading', { name: WORDS })).toBeVisible()
    await expectAccessible(member)
    const [saved] = query<{ id: number; frequency: string; query: string }>(
      'select id, frequency, query from saved_search where user_id = ?',
      person.id,
    )
    expect(saved).toMatchObject({ frequency: 'daily' })
    expect(new URLSearchParams(saved!.query).get('q')).toBe(WORDS)

    const mailsTo = () =>
      query<{ subject: string; text_body: string; locale: string }>(
        'select subject, text_body, locale from outbox where to_address = ?',
        person.email,
      )
    expect(mailsTo()).toHaveLength(0)

    // A coordinator publishes a matching resource; two runs mail it once.
    const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
    const resourceId = await publishResource(coordinator, lang, `دليل برلماني لمكافحة ${WORDS} ${Date.now()}`)
    runAlerts()
    runAlerts()
    const mails = mailsTo()
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    expect(mail.locale).toBe(lang)
    expect(mail.subject).toBe(t.mail.subject.replace('{{name}}', WORDS))
    expect(mail.text_body).toContain(`/${lang}/resources/${resourceId}`)
    const unsubscribe = /https?:\/\/\S+\/alerts\/\d+\/unsubscribe\?sig=[\w-]+/.exec(mail.text_body)![0]
    const link = new URL(unsubscribe)
    expect(link.pathname).toBe(`/${lang}/alerts/${saved!.id}/unsubscribe`)

    // A forged signature: 400 on the page and on a POST, nothing written.
    const forged = `${link.pathname}?sig=${'A'.repeat(43)}`
    expect((await visitor.request.get(forged)).status()).toBe(400)
    const post = await visitor.request.post(forged, {
      form: { 'List-Unsubscribe': 'One-Click' },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    })
    expect(post.status()).toBe(400)
    const frequency = () =>
      query<{ frequency: string }>('select frequency from saved_search where id = ?', saved!.id)[0]
    expect(frequency()).toEqual({ frequency: 'daily' })

    // The mailed link turns the alert off without signing in.
    await visitor.goto(`${link.pathname}${link.search}`)
    await expect(visitor.getByText(t.unsubscribe.question.replace('{{name}}', WORDS))).toBeVisible()
    await expectAccessible(visitor)
    await visitor.getByRole('button', { name: t.unsubscribe.submit }).click()
    await expect(visitor.getByRole('status')).toHaveText(t.unsubscribe.done.replace('{{name}}', WORDS))
    expect(frequency()).toEqual({ frequency: 'off' })

    for (const p of [visitor, member, coordinator]) await p.context().close()
  })
}
