import type { Locator, Page } from '@playwright/test'
import {
  demo,
  expect,
  expectAccessible,
  insertMeeting,
  insertUser,
  languages,
  openTestDb,
  parliamentId,
  snap,
  test,
} from './fixtures'

const text = {
  en: {
    title: 'Women and young parliamentarians',
    signIn: 'Sign in to see who is in the groups and to join them.',
    past: 'Past meetings on women and youth',
    resources: 'Resources',
  },
  ar: {
    title: 'النساء والشباب البرلمانيون',
    signIn: 'سجّل الدخول لمعرفة أعضاء المجموعات والانضمام إليها.',
    past: 'الاجتماعات السابقة بشأن المرأة والشباب',
    resources: 'الموارد',
  },
} as const

// Two years no other spec uses: the figures of those years are this spec's own.
const YEAR_A = 2016
const YEAR_B = 2017
const stamp = Date.now()
const meetingTitle = `Women parliamentarians' forum ${stamp}`
const resourceTitle = `Young parliamentarians and prevention ${stamp}`
const groupMemberName = `Nadia Groupmember ${stamp}`

const number = (lang: string, n: number) => new Intl.NumberFormat(lang).format(n)
const percent = (lang: string, value: number) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value)

type Person = { gender: 'female' | 'male' | null; birthYear: number | null } | null

const created = { users: [] as number[], meetings: [] as number[], resources: [] as number[] }

/** A past, completed meeting of `year` whose attendees are these people (null: an account without a member profile). */
function meetingAttendedBy(year: number, people: Person[], title = `Meeting of ${year} ${stamp}`) {
  const startsAt = new Date(`${year}-05-10T06:00:00Z`)
  const meetingId = insertMeeting({ titleEn: title, startsAt, state: 'completed' })
  created.meetings.push(meetingId)
  const qatar = parliamentId('Shura Council of Qatar')
  const db = openTestDb()
  try {
    people.forEach((p, i) => {
      const name = `Attendee ${year}-${i} ${stamp}`
      const user = insertUser({ name, parliamentId: qatar })
      created.users.push(user.id)
      if (p) {
        db.prepare(
          'insert into member (parliament_id, user_id, name_en, gender, birth_year) values (?, ?, ?, ?, ?)',
        ).run(qatar, user.id, name, p.gender, p.birthYear)
      }
      db.prepare(
        `insert into meeting_registration (meeting_id, user_id, state, attendance_mode, attended, requested_at)
         values (?, ?, 'confirmed', 'in_person', 1, unixepoch())`,
      ).run(meetingId, user.id)
    })
  } finally {
    db.close()
  }
  return meetingId
}

/** The cells of a figures table's row for a year (after its year header). */
const yearRow = (page: Page, table: 'women' | 'young', year: number) =>
  page.locator(`#table-${table} tr[data-year="${year}"] td`)

async function box(locator: Locator) {
  const b = await locator.boundingBox()
  if (!b) throw new Error('not visible')
  return b
}

test.describe('women and young parliamentarians', () => {
  test.beforeAll(() => {
    // YEAR_A: 7 attendances. Gender stated for 5, women 2 (40%), 2 not stated (a profile without gender, an
    // account without profile). Birth years for 5: ages 30, 40, 50, 44, 45 → 3 under 45 (60%), 2 not stated.
    const forum = meetingAttendedBy(
      YEAR_A,
      [
        { gender: 'female', birthYear: YEAR_A - 30 },
        { gender: 'female', birthYear: YEAR_A - 40 },
        { gender: 'male', birthYear: YEAR_A - 50 },
        { gender: null, birthYear: YEAR_A - 44 },
        { gender: 'male', birthYear: YEAR_A - 45 },
        { gender: 'male', birthYear: null },
        null,
      ],
      meetingTitle,
    )
    // YEAR_B: 3 attendances, 1 woman of 2, one birth year only: too few to show a share of women or of young ones.
    meetingAttendedBy(YEAR_B, [{ gender: 'female', birthYear: 1990 }, { gender: 'male', birthYear: null }, null])
    const db = openTestDb()
    try {
      db.prepare(`insert into meeting_theme (meeting_id, theme) values (?, 'women')`).run(forum)
      const resourceId = (
        db
          .prepare(
            `insert into resource (type, title_en, state, visibility, published_at) values ('report', ?, 'published', 'public', unixepoch()) returning id`,
          )
          .get(resourceTitle) as { id: number }
      ).id
      created.resources.push(resourceId)
      db.prepare(`insert into resource_theme (resource_id, theme) values (?, 'youth')`).run(resourceId)
      // Someone already in the women's group: members see the name, visitors never get it.
      const nadia = insertUser({ name: groupMemberName, parliamentId: parliamentId('Shura Council of Qatar') })
      created.users.push(nadia.id)
      db.prepare(`insert into member_group_membership (user_id, "group") values (?, 'women')`).run(nadia.id)
    } finally {
      db.close()
    }
  })

  test.afterAll(() => {
    // Leave the shared e2e database as the other specs expect it.
    const db = openTestDb()
    try {
      const del = (table: string, ids: number[]) =>
        ids.length && db.prepare(`delete from ${table} where id in (${ids.join(',')})`).run()
      del('meeting', created.meetings)
      del('resource', created.resources)
      db.prepare(`delete from member where user_id in (${created.users.join(',')})`).run()
      del('user', created.users)
    } finally {
      db.close()
    }
  })

  for (const lang of languages) {
    test(`a visitor sees the participation figures, tagged meetings and resources, and no group member (${lang})`, async ({
      page,
    }) => {
      const n = (v: number) => number(lang, v)
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 })
        await page.goto(`/${lang}/women-youth`)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${lang} at ${width}px`).toBeLessThanOrEqual(0)
        // The figures tables fit too, without scrolling sideways in their frame.
        const scrolled = await page
          .locator('.women-youth__charts .table-wrap')
          .evaluateAll((wraps) => wraps.map((w) => w.scrollWidth - w.clientWidth))
        expect(scrolled, `${lang} at ${width}px`).toEqual([0, 0])
        await snap(page, `${lang}-women-youth-${width}`)
        if (width !== 1280) continue

        await expect(page.getByRole('heading', { level: 1 })).toHaveText(text[lang].title)
        // The tables: attendees, women / under 45, share, not stated.
        await expect(yearRow(page, 'women', YEAR_A)).toHaveText([n(7), n(2), percent(lang, 0.4), n(2)])
        await expect(yearRow(page, 'young', YEAR_A)).toHaveText([n(7), n(3), percent(lang, 0.6), n(2)])
        await expect(yearRow(page, 'women', YEAR_B)).toHaveText([n(3), '—', '—', n(1)])
        await expect(yearRow(page, 'young', YEAR_B)).toHaveText([n(3), '—', '—', n(2)])
        // The charts draw the same shares.
        await expect(
          page.locator(`svg[aria-labelledby^="chart-women"] g[data-year="${YEAR_A}"] .year-chart__value`),
        ).toHaveText(percent(lang, 0.4))
        await expect(
          page.locator(`svg[aria-labelledby^="chart-young"] g[data-year="${YEAR_A}"] .year-chart__value`),
        ).toHaveText(percent(lang, 0.6))
        // Years run along the inline axis: the first year is on the left in English, on the right in Arabic.
        const years = page.locator('svg[aria-labelledby^="chart-women"] .year-chart__year')
        const [first, last] = [await box(years.first()), await box(years.last())]
        if (lang === 'en') expect(first.x).toBeLessThan(last.x)
        else expect(first.x).toBeGreaterThan(last.x)
        const yearA = page.locator(`svg[aria-labelledby^="chart-women"] g[data-year="${YEAR_A}"] .year-chart__year`)
        const yearB = page.locator(`svg[aria-labelledby^="chart-women"] g[data-year="${YEAR_B}"] .year-chart__year`)
        await expect(yearA).toHaveText(new Intl.NumberFormat(lang, { useGrouping: false }).format(YEAR_A))
        if (lang === 'en') expect((await box(yearA)).x).toBeLessThan((await box(yearB)).x)
        else expect((await box(yearA)).x).toBeGreaterThan((await box(yearB)).x)

        // The meeting and the resource tagged for women or youth.
        await expect(
          page.locator('section[aria-labelledby="wy-past"]').getByRole('link', { name: meetingTitle }),
        ).toBeVisible()
        await expect(
          page.locator('section[aria-labelledby="wy-resources"]').getByRole('link', { name: resourceTitle }),
        ).toBeVisible()

        // The groups: a sign-in prompt, and no name from them anywhere in the page's HTML.
        await expect(page.getByRole('link', { name: text[lang].signIn })).toBeVisible()
        await expect(page.getByRole('button', { name: /Join|الانضمام/ })).toHaveCount(0)
        expect(await page.content()).not.toContain(groupMemberName)
        await expectAccessible(page)
      }
    })
  }

  test('a member joins the women’s group, appears in it, and leaves it', async ({ page, signIn }) => {
    await signIn('member')
    await page.goto('/en/women-youth')
    const women = page.locator('#group-women')
    await expect(women.locator('.women-youth__members')).toContainText(groupMemberName)
    await expect(women.locator('.women-youth__members')).not.toContainText(demo.member.name)

    await women.getByRole('button', { name: "Join the women's group" }).click()
    await expect(page.getByRole('status')).toHaveText('You have joined the group.')
    await expect(women.getByText('You are in this group.')).toBeVisible()
    await expect(women.locator('.women-youth__members li', { hasText: demo.member.name })).toContainText(
      'Shura Council of Qatar',
    )
    await expectAccessible(page)
    await snap(page, 'en-women-youth-member')

    await women.getByRole('button', { name: "Leave the women's group" }).click()
    await expect(page.getByRole('status')).toHaveText('You have left the group.')
    await expect(women.locator('.women-youth__members')).not.toContainText(demo.member.name)
    await expect(women.getByRole('button', { name: "Join the women's group" })).toBeVisible()

    // The same panel in Arabic, on a phone.
    await page.setViewportSize({ width: 360, height: 900 })
    await page.goto('/ar/women-youth#groups')
    await expect(
      page.locator('#group-youth').getByRole('button', { name: 'الانضمام إلى مجموعة الشباب البرلمانيين' }),
    ).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await snap(page, 'ar-women-youth-member-360')
  })
})
