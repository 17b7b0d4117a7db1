import fs from 'node:fs'
import path from 'node:path'
import type { APIResponse, Browser } from '@playwright/test'
import ICAL from 'ical.js'
import { demo, expect, expectAccessible, insertMeeting, languages, query, signInAs, snap, test } from './fixtures'

// The calendar part of the meetings: a meeting's .ics (instants across a daylight-saving change, the URL back,
// the online link only for a confirmed participant), and a member's personal feed made, replaced and turned off.

const strings = (lang: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const text = { en: strings('en', 'calendar'), ar: strings('ar', 'calendar') }

const ONLINE = 'https://meet.example.org/parlnet-calendar-e2e'

/** The events of an .ics answer, parsed by Mozilla's ical.js (zones from the file's own VTIMEZONEs). */
async function eventsOf(response: APIResponse) {
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8')
  // Unfolded (RFC 5545 continuation lines joined), so that a long URL can be looked for as a whole.
  const ics = (await response.text()).replace(/\r\n[ \t]/g, '')
  const calendar = new ICAL.Component(ICAL.parse(ics))
  return {
    ics,
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent)
      return {
        summary: event.summary,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        zone: event.startDate.zone?.tzid,
        url: String(vevent.getFirstPropertyValue('url')),
        status: String(vevent.getFirstPropertyValue('status')),
        conference: vevent.getFirstPropertyValue('conference'),
      }
    }),
  }
}

async function contextAs(browser: Browser, baseURL: string, email: string | null) {
  const context = await browser.newContext({ baseURL })
  if (email) await signInAs(context, baseURL, email)
  return context
}

function memberId() {
  return query<{ id: number }>('select id from user where email = ?', demo.member.email)[0]!.id
}

test.describe('meeting calendars', () => {
  test('the .ics: right instants across a DST change, the URL back, the online link only for a confirmed participant', async ({
    browser,
    baseURL,
    request,
  }) => {
    const title = `Oversight workshop ${Date.now()}`
    // London, across the change to summer time (28 March 2027): 09:00 GMT on the 27th to 16:00 BST on the 30th.
    const id = insertMeeting({
      titleEn: title,
      titleAr: 'ورشة عمل عن الرقابة',
      timeZone: 'Europe/London',
      format: 'hybrid',
      onlineUrl: ONLINE,
      startsAt: new Date('2027-03-27T09:00:00Z'),
      endsAt: new Date('2027-03-30T15:00:00Z'),
    })
    const invitationOnly = insertMeeting({ titleEn: `Closed briefing ${Date.now()}`, visibility: 'invitation' })
    query(
      `insert into meeting_registration (meeting_id, user_id, state, attendance_mode, requested_at)
       values (?, ?, 'confirmed', 'online', unixepoch()) returning id`,
      id,
      memberId(),
    )

    const member = await contextAs(browser, baseURL!, demo.member.email)
    const mine = await member.request.get(`/meetings/${id}/calendar.ics`)
    expect(mine.headers()['content-disposition']).toBe(`attachment; filename="meeting-${id}.ics"`)
    expect(mine.headers()['cache-control']).toBe('private, no-store')
    const { ics, events } = await eventsOf(mine)
    expect(events).toEqual([
      {
        summary: title,
        start: '2027-03-27T09:00:00.000Z',
        end: '2027-03-30T15:00:00.000Z',
        zone: 'Europe/London',
        // Links come from configuration (no PUBLIC_URL in the e2e run: http://localhost:PORT), not the Host.
        url: `http://localhost:${new URL(baseURL!).port}/en/meetings/${id}`,
        status: 'CONFIRMED',
        conference: ONLINE,
      },
    ])
    expect(ics).toContain(`Online link: ${ONLINE}`)
    // In Arabic on request.
    const arabic = await eventsOf(await member.request.get(`/meetings/${id}/calendar.ics?lang=ar`))
    expect(arabic.events[0]).toMatchObject({
      summary: 'ورشة عمل عن الرقابة',
      url: expect.stringMatching(/\/ar\/meetings\/\d+$/),
    })
    await member.close()

    // A visitor: the public meeting without its online link; nothing of the by-invitation one.
    const visitor = await eventsOf(await request.get(`/meetings/${id}/calendar.ics`))
    expect(visitor.events[0]!.start).toBe('2027-03-27T09:00:00.000Z')
    expect(visitor.events[0]!.conference).toBeNull()
    expect(visitor.ics).not.toContain(ONLINE)
    expect((await request.get(`/meetings/${invitationOnly}/calendar.ics`)).status()).toBe(404)
    expect((await request.get('/meetings/99999999/calendar.ics')).status()).toBe(404)
  })

  for (const lang of languages) {
    test(`a member makes a personal feed, replaces it and turns it off (${lang})`, async ({
      browser,
      baseURL,
      request,
    }) => {
      const t = text[lang].feed
      const title = `Feed meeting ${lang} ${Date.now()}`
      const id = insertMeeting({
        titleEn: title,
        titleAr: `اجتماع التقويم ${lang}`,
        format: 'online',
        onlineUrl: ONLINE,
      })
      query(
        `insert into meeting_registration (meeting_id, user_id, state, attendance_mode, requested_at)
         values (?, ?, 'confirmed', 'online', unixepoch()) returning id`,
        id,
        memberId(),
      )
      const context = await contextAs(browser, baseURL!, demo.member.email)
      const page = await context.newPage()

      // Visitors are sent to sign in.
      const anonymous = await request.get(`/${lang}/meetings/feed`, { maxRedirects: 0 })
      expect(anonymous.status()).toBe(302)
      expect(anonymous.headers().location).toContain(`/${lang}/login`)

      await page.goto(`/${lang}/meetings/feed`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title)
      // Start from no feed whatever the other language's test left.
      if (await page.getByRole('button', { name: t.revoke }).isVisible()) {
        await page.getByRole('button', { name: t.revoke }).click()
        await expect(page.getByRole('button', { name: t.create })).toBeVisible()
      }
      await page.getByRole('button', { name: t.create }).click()
      const address = page.getByLabel(t.httpsLabel)
      await expect(address).toHaveValue(/\/meetings\/feed\/[a-z2-7]{32}\.ics$/)
      const first = new URL(await address.inputValue())
      await expect(page.getByLabel(t.webcalLabel)).toHaveValue(`webcal://${first.host}${first.pathname}`)
      await expect(page.getByRole('link', { name: t.subscribe })).toHaveAttribute(
        'href',
        `webcal://${first.host}${first.pathname}`,
      )
      await expect(page.getByRole('button', { name: t.reset })).toBeVisible()
      await expectAccessible(page)
      await snap(page, `calendar-feed-${lang}`)
      await page.setViewportSize({ width: 360, height: 800 })
      await snap(page, `calendar-feed-${lang}-360`)

      // The feed, fetched with no cookie at all: the member's language, the meeting, the online link.
      const feed = await request.get(first.pathname)
      expect(feed.headers()['cache-control']).toBe('private, no-store')
      const { ics, events } = await eventsOf(feed)
      const event = events.find((e) => e.url.endsWith(`/meetings/${id}`))
      expect(event).toMatchObject({
        summary: title,
        status: 'CONFIRMED',
        conference: ONLINE,
        url: expect.stringContaining(`/en/meetings/${id}`),
      })
      expect(ics).toContain(ONLINE)
      const token = first.pathname.split('/').pop()!.replace('.ics', '')
      expect(query<{ n: number }>('select count(*) as n from calendar_feed where token_hash = ?', token)[0]!.n).toBe(0)

      // Replaced: the old address is dead, the new one works.
      await page.getByRole('button', { name: t.reset }).click()
      await expect(address).not.toHaveValue(first.toString())
      const second = new URL(await address.inputValue())
      expect((await request.get(first.pathname)).status()).toBe(404)
      expect((await request.get(second.pathname)).status()).toBe(200)

      // Turned off.
      await page.getByRole('button', { name: t.revoke }).click()
      await expect(page.getByRole('status').first()).toContainText(strings(lang, 'common').flash.calendarFeedRevoked)
      await expect(page.getByText(t.statusOff)).toBeVisible()
      await expect(page.getByLabel(t.httpsLabel)).toHaveCount(0)
      expect((await request.get(second.pathname)).status()).toBe(404)
      await context.close()
    })
  }
})
