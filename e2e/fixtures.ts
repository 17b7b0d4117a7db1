import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { generateSecret, hashSecret } from '../app/utils/secret.server'

export { expect }

export const demo = {
  admin: { email: 'admin@demo.parlnet.example', password: 'demo-admin-password', name: 'Demo Administrator' },
  coordinator: {
    email: 'coordinator@demo.parlnet.example',
    password: 'demo-coordinator-password',
    name: 'Demo Coordinator',
  },
  member: { email: 'member@demo.parlnet.example', password: 'demo-member-password', name: 'Demo Member' },
} as const
export type DemoRole = keyof typeof demo

/** The e2e server's database (a throwaway file made for this run by playwright.config.ts). */
export function openTestDb() {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'portal.db'))
  db.pragma('busy_timeout = 5000')
  return db
}

export function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = openTestDb()
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

/** Signs a browser context in as a user the way the app does: a session row (hash only) plus its cookie. */
export async function signInAs(context: BrowserContext, baseURL: string, email: string) {
  const db = openTestDb()
  try {
    const user = db.prepare('select id from user where email = ?').get(email) as { id: number } | undefined
    if (!user) throw new Error(`no user ${email}`)
    const token = generateSecret()
    const expires = Math.floor(Date.now() / 1000) + 30 * 24 * 3600
    db.prepare('insert into session (id, user_id, expires_at) values (?, ?, ?)').run(
      hashSecret(token),
      user.id,
      expires,
    )
    await context.addCookies([
      { name: 'session', value: token, url: baseURL, httpOnly: true, secure: true, sameSite: 'Lax', expires },
    ])
  } finally {
    db.close()
  }
}

/** The newest mail to an address, straight from the outbox table. */
export function latestMailTo(address: string) {
  return query<{ subject: string; text_body: string; locale: string }>(
    'select subject, text_body, locale from outbox where to_address = ? order by id desc limit 1',
    address,
  )[0]
}

export function linkIn(text: string) {
  const match = /https?:\/\/\S+/.exec(text)
  if (!match) throw new Error(`no link in: ${text}`)
  return new URL(match[0])
}

/** axe: no serious or critical violation. */
export async function expectAccessible(page: Page) {
  // Same rules and tags, about a third of the CPU: legacy mode runs axe.run() in the page itself rather than in
  // a new blank page opened for every scan (the app has no cross-origin frames, the only thing it would miss),
  // and only the violations, all we assert on, are collected with every node.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode()
    .analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe on ${page.url()}`,
  ).toEqual([])
}

/**
 * Saves a screenshot of the page for people to look at (screenshots/<name>.png, not committed). `npm test` turns
 * them off (E2E_SCREENSHOTS=0: about 200 full-page captures that nobody looks at in CI); running Playwright
 * directly, or `npm run test:screenshots`, takes them.
 */
export async function snap(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS === '0') return
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true })
}

export const languages = ['en', 'ar'] as const

/**
 * Waits until the page has hydrated (app/entry.client.tsx marks <html data-hydrated> once every component has
 * mounted): before that, a click or a chosen file reaches no React handler.
 */
export async function waitForHydration(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 })
}

type Fixtures = { signIn: (role: DemoRole) => Promise<void> }

export const test = base.extend<Fixtures>({
  signIn: async ({ context, baseURL }, use) => {
    await use((role) => signInAs(context, baseURL!, demo[role].email))
  },
})

/** A unique address for a test's new account. */
export function uniqueEmail(label: string) {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.parlnet.example`
}

/**
 * A new account made the way people make one: `inviter` (a signed-in coordinator or admin page) invites the
 * address in English, and the invitee accepts in a fresh browser. Returns the invitee's signed-in page.
 */
export async function joinByInvitation(
  inviter: Page,
  browser: Browser,
  baseURL: string,
  account: { email: string; name: string; password: string },
) {
  await inviter.goto('/en/invitations/new')
  await inviter.getByLabel('Email address').fill(account.email)
  await inviter.getByRole('button', { name: 'Send the invitation' }).click()
  await expect(inviter.getByRole('status')).toHaveText('The invitation has been sent.')
  const link = linkIn(latestMailTo(account.email)!.text_body)
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  await page.goto(link.pathname)
  await page.getByLabel('Full name').fill(account.name)
  await page.getByLabel('New password', { exact: true }).fill(account.password)
  await page.getByLabel('New password again').fill(account.password)
  await page.getByRole('button', { name: 'Create my account' }).click()
  await expect(page).toHaveURL(/\/en\/account$/)
  return page
}

/**
 * A member account written straight into the test database (no password: tests sign it in with signInAs).
 * Faster than joinByInvitation when a test needs several members of one parliament.
 */
export function insertUser(input: {
  email?: string
  name: string
  parliamentId?: number | null
  locale?: 'en' | 'ar'
  role?: 'member' | 'coordinator'
}) {
  const email = input.email ?? uniqueEmail('member')
  const db = openTestDb()
  try {
    const row = db
      .prepare(
        `insert into user (email, name, role, parliament_id, locale, password_hash) values (?, ?, ?, ?, ?, '!') returning id`,
      )
      .get(email, input.name, input.role ?? 'member', input.parliamentId ?? null, input.locale ?? 'en') as {
      id: number
    }
    return { id: row.id, email }
  } finally {
    db.close()
  }
}

/** The id of a demo parliament by its English name. */
export function parliamentId(nameEn: string) {
  const row = query<{ id: number }>('select id from parliament where name_en = ?', nameEn)[0]
  if (!row) throw new Error(`no parliament ${nameEn}`)
  return row.id
}

/**
 * A meeting written straight into the test database (for tests of other parts than the meeting form).
 * Times are instants (Date); defaults: a published, public, in-person meeting in Doha 30–32 days from now.
 */
export function insertMeeting(input: {
  titleEn: string
  titleAr?: string
  startsAt?: Date
  endsAt?: Date
  timeZone?: string
  visibility?: 'public' | 'members' | 'invitation'
  state?: 'draft' | 'published' | 'cancelled' | 'completed'
  format?: 'in_person' | 'online' | 'hybrid'
  capacity?: number | null
  registrationDeadline?: Date | null
  requiresApproval?: boolean
  onlineUrl?: string | null
}) {
  const day = 24 * 3600 * 1000
  const startsAt = input.startsAt ?? new Date(Date.now() + 30 * day)
  const endsAt = input.endsAt ?? new Date(startsAt.getTime() + 2 * day + 8 * 3600 * 1000)
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000)
  const db = openTestDb()
  try {
    const row = db
      .prepare(
        `insert into meeting (kind, format, title_en, title_ar, city, country_code, online_url, region, time_zone,
           starts_at, ends_at, year, visibility, state, capacity, registration_deadline, requires_approval, published_at)
         values ('workshop', ?, ?, ?, 'Doha', 'QA', ?, 'middle_east_north_africa', ?, ?, ?, ?, ?, ?, ?, ?, ?, unixepoch())
         returning id`,
      )
      .get(
        input.format ?? 'in_person',
        input.titleEn,
        input.titleAr ?? '',
        input.onlineUrl ?? null,
        input.timeZone ?? 'Asia/Qatar',
        seconds(startsAt),
        seconds(endsAt),
        startsAt.getUTCFullYear(),
        input.visibility ?? 'public',
        input.state ?? 'published',
        input.capacity ?? null,
        input.registrationDeadline ? seconds(input.registrationDeadline) : null,
        input.requiresApproval ? 1 : 0,
      ) as { id: number }
    return row.id
  } finally {
    db.close()
  }
}
