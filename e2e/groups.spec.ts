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

// Working groups, part 1, in both languages: a coordinator creates a closed group for the Sahel's government–
// parliament dialogue; a member (without JavaScript) asks to join and is accepted on the members page, which writes
// a 'membership' notification; a member outside the group sees its members but none of its threads, and a forged
// accept of their own request is refused and writes nothing. axe and 360 px on every page.

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

/** axe, then 360 px without sideways scrolling. */
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

const stateOf = (groupId: number, userId: number) =>
  query<{ state: string }>('select state from group_member where group_id = ? and user_id = ?', groupId, userId)[0]
    ?.state

for (const lang of languages) {
  test(`a closed working group: create, ask, accept, outsiders see no threads (${lang})`, async ({
    browser,
    baseURL,
  }) => {
    const t = text[lang]
    const suffix = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`
    const nameEn = `Sahel government–parliament dialogue ${suffix}`
    const nameAr = `حوار الحكومات والبرلمانات في الساحل ${suffix}`
    const name = lang === 'en' ? nameEn : nameAr
    const member = insertUser({ name: `Aminata Traoré ${suffix}`, locale: lang })
    const outsider = insertUser({ name: `Karim Haddad ${suffix}`, locale: lang })

    // The coordinator creates the closed group (an empty name first: refused, nothing written).
    const coordinator = await pageAs(browser, baseURL!, demo.coordinator.email)
    await coordinator.goto(`/${lang}/groups`)
    await coordinator.getByRole('link', { name: t.list.new }).click()
    await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(t.new.title)
    await check(coordinator, `groups-new-${lang}`)
    const groupsBefore = count('work_group')
    await coordinator.getByRole('button', { name: t.new.create }).click()
    await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(t.new.title)
    expect(count('work_group')).toBe(groupsBefore)
    await coordinator.getByLabel(t.form.nameEn).fill(nameEn)
    await coordinator.getByLabel(t.form.nameAr).fill(nameAr)
    await coordinator
      .getByLabel(t.form.purposeEn)
      .fill('Keep governments and parliaments of the Sahel talking between meetings.')
    await coordinator.getByLabel(t.accessHelp.closed).check()
    await coordinator.getByRole('button', { name: t.new.create }).click()
    await expect(coordinator.getByRole('status')).toHaveText(t.done.groupCreated)
    await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(name)
    const groupId = Number(/\/groups\/(\d+)/.exec(coordinator.url())![1])
    expect(query<{ access: string }>('select access from work_group where id = ?', groupId)[0]!.access).toBe('closed')

    // The member, without JavaScript, finds it in the list and asks to join.
    const asker = await pageAs(browser, baseURL!, member.email, false)
    await asker.goto(`/${lang}/groups`)
    await asker.getByRole('link', { name }).click()
    await expect(asker.getByText(t.overview.threadsClosed)).toBeVisible()
    await asker.getByRole('button', { name: t.overview.ask }).click()
    await expect(asker.getByRole('status')).toHaveText(t.done.asked)
    await expect(asker.getByText(t.overview.pendingNote)).toBeVisible()
    expect(stateOf(groupId, member.id)).toBe('pending')

    // The outsider asks too, then forges an accept of their own request: 403, nothing written.
    const other = await pageAs(browser, baseURL!, outsider.email)
    await other.goto(`/${lang}/groups`)
    await expect(other.getByRole('link', { name })).toBeVisible()
    await check(other, `groups-list-${lang}`)
    await other.goto(`/${lang}/groups/${groupId}`)
    await other.getByRole('button', { name: t.overview.ask }).click()
    await expect(other.getByRole('status')).toHaveText(t.done.asked)
    const notificationsBefore = count('notification')
    const forged = await other.request.post(`/${lang}/groups/${groupId}/members`, {
      form: { intent: 'accept', userId: String(outsider.id) },
      headers: { Origin: baseURL! },
    })
    expect(forged.status()).toBe(403)
    expect(stateOf(groupId, outsider.id)).toBe('pending')
    expect(count('notification')).toBe(notificationsBefore)
    expect((await other.request.get(`/${lang}/groups/${groupId}/members`)).status()).toBe(403)

    // The coordinator accepts the member: a 'membership' notification for them.
    await coordinator.goto(`/${lang}/groups/${groupId}`)
    await coordinator.getByRole('link', { name: new RegExp(t.overview.manageMembers) }).click()
    await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(t.members.title)
    await check(coordinator, `groups-members-${lang}`)
    await coordinator
      .getByRole('button', { name: fill(t.members.accept, { name: `Aminata Traoré ${suffix}` }) })
      .click()
    await expect(coordinator.getByRole('status')).toHaveText(t.done.accepted)
    expect(stateOf(groupId, member.id)).toBe('active')
    expect(
      query<{ kind: string; path: string }>(
        'select kind, path from notification where user_id = ? and group_id = ?',
        member.id,
        groupId,
      ),
    ).toEqual([{ kind: 'membership', path: `/groups/${groupId}` }])
    // Names the member facilitator.
    await coordinator
      .getByRole('button', { name: fill(t.members.makeFacilitator, { name: `Aminata Traoré ${suffix}` }) })
      .click()
    await expect(coordinator.getByRole('status')).toHaveText(t.done.roleChanged)
    await coordinator.goto(`/${lang}/groups/${groupId}`)
    await expect(coordinator.getByRole('heading', { name: t.overview.facilitators })).toBeVisible()
    await check(coordinator, `groups-overview-${lang}`)

    // A thread written straight into the database: the member reads its title, the outsider sees none.
    const db = openTestDb()
    try {
      db.prepare('insert into group_thread (group_id, title, author_id) values (?, ?, ?)').run(
        groupId,
        `Niamey follow-up ${suffix}`,
        member.id,
      )
    } finally {
      db.close()
    }
    await asker.goto(`/${lang}/groups/${groupId}`)
    await expect(asker.getByRole('link', { name: `Niamey follow-up ${suffix}` })).toBeVisible()
    await expect(asker.getByRole('button', { name: t.overview.leave })).toBeVisible()
    await expect(asker.getByRole('link', { name: new RegExp(t.overview.manageMembers) })).toBeVisible()

    await other.goto(`/${lang}/groups/${groupId}`)
    await expect(other.getByText(t.overview.threadsClosed)).toBeVisible()
    await expect(other.getByText(`Niamey follow-up ${suffix}`)).toHaveCount(0)
    await expect(other.getByText(`Aminata Traoré ${suffix}`).first()).toBeVisible()
    await check(other, `groups-overview-outsider-${lang}`)

    await Promise.all([coordinator, asker, other].map((p) => p.context().close()))
  })
}
