// Issue 17, the notification centre and e-mail by preference, in English and Arabic: notifications written as
// notify() writes them, listed unread first (a closed group's only to its members), marked read, counted in the
// header; a kind set to never stays out of the digest (the scheduler run twice: one mail); the mail's RFC 8058 link
// unsubscribes in one click without signing in; a forged signature → 400, nothing written. axe and 360 px.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { request as playwrightRequest } from '@playwright/test'
import type enStrings from '../locales/en/notifications.json'
import { expect, expectAccessible, insertUser, languages, openTestDb, query, signInAs, test } from './fixtures'

const read = (lang: string) =>
  JSON.parse(fs.readFileSync(`locales/${lang}/notifications.json`, 'utf8')) as typeof enStrings
const strings = { en: read('en'), ar: read('ar') }
// The header's badge words are the shell's (common.json).
const badgeWords = (lang: string) =>
  JSON.parse(fs.readFileSync(`locales/${lang}/common.json`, 'utf8')).notificationsBadge as Record<string, string>

function badgeName(lang: 'en' | 'ar', count: number) {
  return badgeWords(lang).label!.replace('{{count}}', String(count))
}

function insertNotification(userId: number, kind: string, titleEn: string, titleAr: string, groupId?: number) {
  const db = openTestDb()
  try {
    return (
      db
        .prepare(
          `insert into notification (user_id, kind, actor_id, group_id, subject_type, subject_id, title_en, title_ar, path)
           values (?, ?, null, ?, 'thread', 1, ?, ?, '/notifications') returning id`,
        )
        .get(userId, kind, groupId ?? null, titleEn, titleAr) as { id: number }
    ).id
  } finally {
    db.close()
  }
}

function closedGroup() {
  const db = openTestDb()
  try {
    return (
      db
        .prepare(
          `insert into work_group (name_en, name_ar, access) values ('Closed e2e group', 'مجموعة مغلقة', 'closed') returning id`,
        )
        .get() as { id: number }
    ).id
  } finally {
    db.close()
  }
}

/** The scheduler's run (the server does the same every 10 minutes): scripts/send-reminders.ts on the e2e data. */
function runScheduler(baseURL: string) {
  execFileSync('npx', ['tsx', 'scripts/send-reminders.ts'], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR!, PORT: new URL(baseURL).port, NODE_ENV: 'production' },
    stdio: 'pipe',
    timeout: 60_000,
  })
}

async function expectNoSidewaysScroll(page: import('@playwright/test').Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

for (const lang of languages) {
  const t = strings[lang]
  test(`the notification centre, preferences and one-click unsubscribe (${lang})`, async ({
    page,
    context,
    baseURL,
  }) => {
    // The scheduler runs twice as its own process (tsx start-up, a few seconds each on a loaded machine).
    test.setTimeout(120_000)
    const me = insertUser({ name: `Notified ${lang}`, locale: lang })
    await signInAs(context, baseURL!, me.email)
    const suffix = `${lang}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`
    const first = { en: `Amina mentioned you ${suffix}`, ar: `أشارت إليك أمينة ${suffix}` }
    const second = { en: `A reply in the Sahel thread ${suffix}`, ar: `ردٌّ في موضوع الساحل ${suffix}` }
    const hidden = { en: `Closed group news ${suffix}`, ar: `خبر مجموعة مغلقة ${suffix}` }
    insertNotification(me.id, 'mention', first.en, first.ar)
    insertNotification(me.id, 'mention', second.en, second.ar)
    insertNotification(me.id, 'mention', hidden.en, hidden.ar, closedGroup())

    await page.goto(`/${lang}/notifications`)
    await expect(page.getByRole('heading', { level: 1, name: t.centre.title })).toBeVisible()
    // The count comes from one COUNT of unread rows (the closed group's row included: counted, never shown).
    const badge = page.getByRole('link', { name: badgeName(lang, 3) })
    await expect(badge).toBeVisible()
    await expect(page.getByRole('link', { name: first[lang] })).toBeVisible()
    await expect(page.getByRole('link', { name: second[lang] })).toBeVisible()
    await expect(page.getByText(hidden[lang])).toHaveCount(0)
    await expectAccessible(page)

    await page.getByRole('button', { name: `${t.centre.markRead}: ${first[lang]}` }).click()
    await expect(page.getByRole('status')).toHaveText(t.centre.done.read)
    await expect(page.getByRole('link', { name: badgeName(lang, 2) })).toBeVisible()
    // Unread first: the one still unread comes before the one just read.
    const titles = await page.locator('.notification-list li a').allTextContents()
    expect(titles.indexOf(second[lang])).toBeLessThan(titles.indexOf(first[lang]))
    await page.getByRole('button', { name: t.centre.markAllRead }).click()
    await expect(page.getByRole('status')).toHaveText(t.centre.done.allRead)
    await expect(page.getByRole('link', { name: badgeWords(lang).none!, exact: true })).toBeVisible()

    // Preferences: replies never by mail.
    await page.goto(`/${lang}/account/notifications`)
    await page.getByLabel(t.kinds.reply).selectOption('never')
    await page.getByRole('button', { name: t.preferences.save }).click()
    await expect(page.getByRole('status')).toHaveText(t.preferences.saved)
    await expect(page.getByLabel(t.kinds.reply)).toHaveValue('never')
    await expectAccessible(page)

    // A reply (never) and a closed decision (daily by default): the daily digest lists only the decision, once.
    const reply = { en: `Reply never mailed ${suffix}`, ar: `ردٌّ لا يُرسل ${suffix}` }
    const decision = { en: `Decision closed ${suffix}`, ar: `أُغلق المقترح ${suffix}` }
    insertNotification(me.id, 'reply', reply.en, reply.ar)
    insertNotification(me.id, 'decision_closed', decision.en, decision.ar)
    runScheduler(baseURL!)
    runScheduler(baseURL!)
    const mails = query<{ subject: string; text_body: string; headers: string | null }>(
      'select subject, text_body, headers from outbox where to_address = ? order by id',
      me.email,
    )
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text_body).toContain(decision[lang])
    expect(mails[0]!.text_body).not.toContain(reply[lang])
    const headers = JSON.parse(mails[0]!.headers!) as Record<string, string>
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const link = new URL(headers['List-Unsubscribe']!.replace(/^<|>$/g, ''))
    expect(mails[0]!.text_body).toContain(link.toString())

    // A forged signature: 400, nothing written — by one-click POST and by the page.
    const visitor = await playwrightRequest.newContext({ baseURL })
    const forged = new URLSearchParams({ u: String(me.id), k: 'mention', s: 'A'.repeat(43) })
    const forgedPost = await visitor.post(`/unsubscribe?${forged}`, { form: { 'List-Unsubscribe': 'One-Click' } })
    expect(forgedPost.status()).toBe(400)
    const anon = await page.context().browser()!.newContext({ baseURL })
    const anonPage = await anon.newPage()
    const forgedPage = await anonPage.goto(`/${lang}/unsubscribe?${forged}`)
    expect(forgedPage!.status()).toBe(400)
    await expect(anonPage.getByRole('alert')).toHaveText(t.unsubscribe.invalid)
    expect(
      query('select * from notification_preference where user_id = ? and kind = ?', me.id, 'mention'),
    ).toHaveLength(0)

    // The link, followed without signing in: a confirmation page, then one click.
    await anonPage.setViewportSize({ width: 360, height: 800 })
    await anonPage.goto(link.pathname + link.search)
    await expect(anonPage).toHaveURL(new RegExp(`/${lang}/unsubscribe\\?`))
    await expect(anonPage.getByRole('heading', { level: 1, name: t.unsubscribe.title })).toBeVisible()
    await expectAccessible(anonPage)
    await expectNoSidewaysScroll(anonPage)
    await anonPage.getByRole('button', { name: t.unsubscribe.button }).click()
    await expect(anonPage.getByRole('status')).toBeVisible()
    const prefs = () =>
      Object.fromEntries(
        query<{ kind: string; delivery: string }>(
          'select kind, delivery from notification_preference where user_id = ?',
          me.id,
        ).map((r) => [r.kind, r.delivery]),
      )
    // The daily digest's link turns off every kind that went in the daily digest, and nothing else.
    expect(prefs()).toMatchObject({ reply: 'never', decision_closed: 'never', draft_answer: 'never' })
    expect(prefs().mention).toBeUndefined()

    // RFC 8058 one-click from a mail provider: no session, no Origin.
    const oneClick = await visitor.post(link.pathname + link.search, { form: { 'List-Unsubscribe': 'One-Click' } })
    expect(oneClick.status()).toBe(200)
    await visitor.dispose()
    await anon.close()

    // The centre at 360 px.
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto(`/${lang}/notifications`)
    await expectNoSidewaysScroll(page)
    await expectAccessible(page)
  })
}
