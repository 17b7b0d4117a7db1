import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import {
  demo,
  expect,
  expectAccessible,
  insertUser,
  languages,
  openTestDb,
  query,
  signInAs,
  snap,
  test,
} from './fixtures'

// Working groups, part 2, in both languages: a member starts a thread with a proposal mentioning a colleague (who is
// notified and mailed at once); bad input is refused in the page's language and writes nothing (without
// JavaScript); the colleague takes a position; after the close the facilitator records the outcome, shown at the
// top; a member of another group gets 404 on the thread and a forged post writes nothing; a flagged post is hidden by
// a coordinator and its author reads why. axe and 360 px on every page. Groups and memberships are rows written here.

const strings = (lang: string) =>
  JSON.parse(
    fs.readFileSync(path.join('locales', lang, 'groups.json'), 'utf8'),
  ) as typeof import('../locales/en/groups.json')
const text = { en: strings('en'), ar: strings('ar') }
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''))

async function pageAs(browser: Browser, baseURL: string, email: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled })
  await signInAs(context, baseURL, email)
  return context.newPage()
}

async function check(page: Page, name: string) {
  await expectAccessible(page)
  await snap(page, name)
  const size = page.viewportSize()!
  await page.setViewportSize({ width: 360, height: 800 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await page.setViewportSize(size)
}

const count = (table: string, where = '1 = 1', ...params: unknown[]) =>
  query<{ n: number }>(`select count(*) as n from ${table} where ${where}`, ...params)[0]!.n

function run(sql: string, ...params: unknown[]) {
  const db = openTestDb()
  try {
    return db.prepare(sql).run(...params)
  } finally {
    db.close()
  }
}

function insertGroup(nameEn: string, nameAr: string) {
  return Number(
    run(`insert into work_group (name_en, name_ar, access) values (?, ?, 'closed')`, nameEn, nameAr).lastInsertRowid,
  )
}
const addMember = (groupId: number, userId: number, role = 'member') =>
  run(`insert into group_member (group_id, user_id, role, state) values (?, ?, ?, 'active')`, groupId, userId, role)

const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10)

for (const lang of languages) {
  test(`threads of a closed group: mention, bad input, decision, outsiders, moderation (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000)
    const t = text[lang]
    const suffix = `${Date.now() % 1e7}${Math.floor(Math.random() * 1e4)}`
    const ar = lang === 'ar'
    const groupId = insertGroup(`Sahel government–parliament dialogue ${suffix}`, `حوار الساحل ${suffix}`)
    const authorName = ar ? `أمادو كيتا ${suffix}` : `Amadou Keita ${suffix}`
    const author = insertUser({ name: authorName, locale: lang })
    const colleagueName = ar ? `مريم تراوري ${suffix}` : `Mariam Traoré ${suffix}`
    const colleague = insertUser({ name: colleagueName, locale: lang })
    const facilitator = insertUser({ name: `Awa Sow ${suffix}`, locale: lang })
    const outsider = insertUser({ name: `Karim Haddad ${suffix}`, locale: lang })
    addMember(groupId, author.id)
    addMember(groupId, colleague.id)
    addMember(groupId, facilitator.id, 'facilitator')
    const otherGroup = insertGroup(`Budget oversight ${suffix}`, `الرقابة على الموازنة ${suffix}`)
    addMember(otherGroup, outsider.id)

    // The author starts a thread with a proposal, mentioning the colleague.
    const page = await pageAs(browser, baseURL!, author.email)
    await page.goto(`/${lang}/groups/${groupId}/threads/new`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.thread.newTitle)
    await check(page, `groups-thread-new-${lang}`)
    const title = ar ? `جلسة استماع بشأن الموازنة ${suffix}` : `Budget hearing ${suffix}`
    await page.getByLabel(t.thread.title).fill(title)
    await page.getByLabel(t.thread.body).fill(`@${colleagueName} https://example.org/hearing`)
    await page.getByLabel(t.thread.proposal, { exact: true }).fill(ar ? 'نعقد الجلسة في مارس' : 'Hold it in March')
    await page.getByLabel(t.thread.closesOn).fill(day(3))
    await page.getByRole('button', { name: t.thread.create }).click()
    await expect(page.getByRole('status')).toHaveText(t.thread.done.threadCreated)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(page.getByRole('link', { name: 'https://example.org/hearing' })).toBeVisible()
    const threadUrl = new URL(page.url()).pathname
    const threadId = Number(/threads\/(\d+)/.exec(threadUrl)![1])
    expect(count('notification', "user_id = ? and kind = 'mention'", colleague.id)).toBe(1)
    expect(count('notification', "user_id = ? and kind = 'decision_opened'", facilitator.id)).toBe(1)
    // A mention is mailed immediately (the notifications feature's default for mentions).
    expect(count('notification', "user_id = ? and kind = 'mention' and mailed_at is not null", colleague.id)).toBe(1)
    expect(count('outbox', 'to_address = ?', colleague.email)).toBeGreaterThanOrEqual(1)
    await check(page, `groups-thread-${lang}`)

    // Bad input, without JavaScript: a localized message, nothing written.
    const plain = await pageAs(browser, baseURL!, author.email, false)
    await plain.goto(threadUrl)
    const posts = count('group_post', 'thread_id = ?', threadId)
    const notes = count('notification')
    const refused = async (body: string, message: string) => {
      await plain.getByLabel(t.post.reply, { exact: true }).fill(body)
      await plain.getByRole('button', { name: t.post.send }).click()
      await expect(plain.getByRole('alert')).toHaveText(message)
      expect(count('group_post', 'thread_id = ?', threadId)).toBe(posts)
      expect(count('notification')).toBe(notes)
    }
    await refused('   ', t.thread.errors.postEmpty)
    await refused('x'.repeat(100_000), t.thread.errors.postTooLong)
    await refused('Ask @Nobodyknown please', fill(t.thread.errors.mentionUnknown, { name: 'Nobodyknown' }))
    await refused(`Ask @Karim Haddad ${suffix}`, fill(t.thread.errors.mentionUnknown, { name: 'Karim' }))
    const threads = count('group_thread')
    await plain.goto(`/${lang}/groups/${groupId}/threads/new`)
    await plain.getByLabel(t.thread.title).fill('Past')
    await plain.getByLabel(t.thread.body).fill('A proposal that closed already')
    await plain.getByLabel(t.thread.proposal, { exact: true }).fill('Too late')
    await plain.getByLabel(t.thread.closesOn).fill(day(-2))
    await plain.getByRole('button', { name: t.thread.create }).click()
    await expect(plain.getByRole('alert')).toHaveText(t.thread.errors.closesInPast)
    expect(count('group_thread')).toBe(threads)
    await plain.context().close()

    // The colleague takes a position, then the proposal closes and the facilitator records the outcome.
    const mate = await pageAs(browser, baseURL!, colleague.email)
    await mate.goto(threadUrl)
    await mate.getByLabel(t.proposal.options.block).check()
    await mate.getByLabel(t.proposal.reasonLabel).fill(ar ? 'موعد غير مناسب' : 'March is too early')
    await mate.getByRole('button', { name: t.proposal.savePosition }).click()
    await expect(mate.getByRole('status')).toHaveText(t.thread.done.positionSaved)
    await expect(mate.getByRole('row', { name: colleagueName })).toContainText(t.proposal.options.block)
    // A quoted reply tells the author (who follows the thread they started); the author edits within 15 minutes.
    await mate.locator('article.post-item').first().getByRole('link', { name: t.post.quote }).click()
    await expect(mate.getByText(fill(t.post.quoting, { name: authorName }))).toBeVisible()
    await mate.getByLabel(t.post.reply, { exact: true }).fill(ar ? 'أوافق على الموعد' : 'Agreed on the date')
    await mate.getByRole('button', { name: t.post.send }).click()
    await expect(mate.getByRole('status')).toHaveText(t.thread.done.posted)
    await expect(mate.locator('article.post-item').nth(1).locator('blockquote')).toContainText(
      fill(t.post.quoting, { name: authorName }),
    )
    expect(count('notification', "user_id = ? and kind = 'reply'", author.id)).toBe(1)
    await page.reload()
    const mine = page.locator('article.post-item').first()
    await mine.getByText(t.post.edit, { exact: true }).click()
    await mine.getByLabel(t.post.editBody).fill(`@${colleagueName} https://example.org/hearing (2)`)
    await mine.getByRole('button', { name: t.post.save }).click()
    await expect(page.getByRole('status')).toHaveText(t.thread.done.edited)
    await expect(page.locator('article.post-item').first()).toContainText(t.post.edited)
    run('update group_proposal set closes_at = unixepoch() - 60 where thread_id = ?', threadId)
    const runner = await pageAs(browser, baseURL!, facilitator.email)
    await runner.goto(threadUrl)
    const outcome = ar ? 'تُعقد الجلسة في أبريل' : 'Held in April instead'
    await runner.getByLabel(t.proposal.outcomeLabel).fill(outcome)
    await runner.getByRole('button', { name: t.proposal.recordOutcome }).click()
    await expect(runner.getByRole('status')).toHaveText(t.thread.done.outcomeRecorded)
    await expect(runner.locator('#proposal').getByRole('heading', { name: t.proposal.outcome })).toBeVisible()
    await expect(runner.locator('.thread-proposal__outcome')).toContainText(outcome)
    expect(count('notification', "user_id = ? and kind = 'decision_closed'", author.id)).toBe(1)
    await runner.context().close()

    // A member of another group: 404 on the page, and a forged post writes nothing.
    const other = await pageAs(browser, baseURL!, outsider.email)
    expect((await other.goto(threadUrl))!.status()).toBe(404)
    const before = count('group_post')
    const forged = await other.request.post(threadUrl, {
      form: { intent: 'reply', body: 'Let me in' },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    })
    expect(forged.status()).toBe(404)
    expect(count('group_post')).toBe(before)
    await other.context().close()

    // The colleague flags the author's post; a coordinator hides it; the author reads why.
    await mate.reload()
    const first = mate.locator('article.post-item').first()
    await first.getByText(t.post.flag, { exact: true }).click()
    await first.getByLabel(t.post.flagReason).fill(ar ? 'إساءة شخصية' : 'Personal attack')
    await first.getByRole('button', { name: t.post.sendFlag }).click()
    await expect(mate.getByRole('status')).toHaveText(t.thread.done.flagged)
    await mate.context().close()
    const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
    await coordinator.goto(`/${lang}/groups/moderation`)
    await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(t.moderation.title)
    await check(coordinator, `groups-moderation-${lang}`)
    const queued = coordinator.locator('article', { hasText: 'https://example.org/hearing' }).first()
    const reason = ar ? `خروج عن موضوع النقاش ${suffix}` : `Off topic ${suffix}`
    await queued.getByLabel(t.moderation.hideReason).fill(reason)
    await queued.getByRole('button', { name: t.moderation.hide }).click()
    await expect(coordinator.getByRole('status')).toHaveText(t.moderation.done.hidden)
    await coordinator.context().close()
    expect(count('notification', "user_id = ? and kind = 'post_hidden'", author.id)).toBe(1)
    await page.reload()
    await expect(page.getByRole('note')).toHaveText(fill(t.post.hiddenForAuthor, { reason }))
    await page.context().close()
  })
}
