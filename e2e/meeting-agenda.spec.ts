import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import {
  demo,
  expect,
  expectAccessible,
  insertMeeting,
  languages,
  openTestDb,
  parliamentId,
  query,
  signInAs,
  snap,
  test,
  waitForHydration,
} from './fixtures'

// The agenda of a three-day meeting in Doha, built by a coordinator in each language: a session with a member
// and an external speaker, two refused sessions (outside the days, ending before it starts) that save nothing,
// a published library resource linked as a background paper and then to the session. Members get 403.

const strings = (lang: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const text = {
  en: { a: strings('en', 'agenda'), c: strings('en', 'common') },
  ar: { a: strings('ar', 'agenda'), c: strings('ar', 'common') },
}
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '')

async function pageAs(browser: Browser, baseURL: string, email: string | null, timezoneId?: string) {
  const context = await browser.newContext({ baseURL, timezoneId })
  if (email) await signInAs(context, baseURL, email)
  return context.newPage()
}

const sessionCount = (meetingId: number) =>
  query<{ n: number }>('select count(*) as n from meeting_session where meeting_id = ?', meetingId)[0]!.n

/** Hydration problems show as console errors: none is allowed (but the 400s of the refused forms). */
function watchConsole(page: Page) {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('status of 400')) errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

test.describe('meeting agenda and documents', () => {
  test('members get 403 on the agenda and documents pages (forged posts too); visitors sign in first', async ({
    browser,
    baseURL,
  }) => {
    const meetingId = insertMeeting({ titleEn: `Closed editor ${Date.now()}` })
    const member = await pageAs(browser, baseURL!, demo.member.email)
    const paths = [`/en/meetings/${meetingId}/agenda`, `/ar/meetings/${meetingId}/documents`]
    for (const p of paths) expect((await member.request.get(p)).status()).toBe(403)
    const forged = await member.request.post(paths[0]!, {
      headers: { Origin: baseURL! },
      form: { intent: 'save', titleEn: 'Forged', startsAt: '2030-01-01T10:00', endsAt: '2030-01-01T11:00' },
    })
    expect(forged.status()).toBe(403)
    const linkForged = await member.request.post(paths[1]!, {
      headers: { Origin: baseURL! },
      form: { intent: 'link', resourceId: '1', role: 'agenda' },
    })
    expect(linkForged.status()).toBe(403)
    expect(sessionCount(meetingId)).toBe(0)
    const visitor = await pageAs(browser, baseURL!, null)
    const anonymous = await visitor.request.get(paths[1]!, { maxRedirects: 0 })
    expect(anonymous.status()).toBe(302)
    expect(anonymous.headers().location).toContain('/ar/login?redirectTo=')
    await member.context().close()
    await visitor.context().close()
  })

  for (const lang of languages) {
    test(`a coordinator builds the agenda of a Doha meeting and links a background paper (${lang})`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(45_000)
      const t = text[lang]
      // 13–15 of next month, 09:00 to 17:00 in Doha (UTC+3, no daylight saving).
      const now = new Date()
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
      const ym = month.toISOString().slice(0, 7)
      const at = (day: number, hourUtc: number) =>
        new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), day, hourUtc))
      const stamp = `${lang}-${Date.now()}`
      const meetingId = insertMeeting({
        titleEn: `Coordination meeting of parliamentary assemblies ${stamp}`,
        titleAr: `اجتماع تنسيقي للجمعيات البرلمانية ${stamp}`,
        startsAt: at(13, 6),
        endsAt: at(15, 14),
        timeZone: 'Asia/Qatar',
        format: 'hybrid',
      })
      const shura = parliamentId('Shura Council of Qatar')
      const memberName = { en: `Amal Al-Kuwari ${stamp}`, ar: `أمل الكواري ${stamp}` }
      const db = openTestDb()
      let memberId: number
      try {
        db.prepare('insert into meeting_invitation (meeting_id, parliament_id) values (?, ?)').run(meetingId, shura)
        memberId = (
          db
            .prepare(
              'insert into member (parliament_id, name_en, name_ar, search_text) values (?, ?, ?, ?) returning id',
            )
            .get(shura, memberName.en, memberName.ar, memberName.en.toLowerCase()) as { id: number }
        ).id
      } finally {
        db.close()
      }
      const paper = query<{ id: number; title_en: string; title_ar: string }>(
        "select id, title_en, title_ar from resource where state = 'published' and visibility = 'public' and title_en like 'Parliamentary oversight of counter-terrorism%'",
      )[0]!
      const agendaPath = `/${lang}/meetings/${meetingId}/agenda`
      const documentsPath = `/${lang}/meetings/${meetingId}/documents`

      // The coordinator's browser is in New York, to try the switch between time zones.
      const page = await pageAs(browser, baseURL!, demo.coordinator.email, 'America/New_York')
      const consoleErrors = watchConsole(page)
      await page.goto(agendaPath)
      // Acting before hydration would race React's hydration with the navigation the click starts.
      await waitForHydration(page)
      const start = page.getByLabel(fill(t.a.form.startsAt, { zone: 'Asia/Qatar' }))
      const end = page.getByLabel(fill(t.a.form.endsAt, { zone: 'Asia/Qatar' }))
      // The form opens on the meeting's first day, at its start.
      await expect(start).toHaveValue(`${ym}-13T09:00`)
      const title = lang === 'en' ? 'Opening session' : 'الجلسة الافتتاحية'
      await page.getByLabel(lang === 'en' ? t.a.form.titleEn : t.a.form.titleAr).fill(title)
      await start.fill(`${ym}-13T10:00`)
      await end.fill(`${ym}-13T11:30`)
      await page.getByLabel(t.a.form.room).fill('Al Majlis Hall')
      await page.getByLabel(memberName[lang]).check()
      await page.getByLabel(t.a.form.externalSpeakers).fill('Vladimir Voronkov, UN Office of Counter-Terrorism')
      await page.getByRole('button', { name: t.a.editor.add }).click()
      await expect(page.getByRole('status').first()).toHaveText(t.c.flash.sessionSaved)
      const session = page.locator('.agenda-session', { hasText: title })
      await expect(session.getByRole('heading', { level: 4 })).toHaveText(title)
      await expect(session.getByRole('link', { name: memberName[lang] })).toHaveAttribute(
        'href',
        `/${lang}/members/${memberId}`,
      )
      await expect(session).toContainText('Vladimir Voronkov')
      await expect(session).toContainText('Al Majlis Hall')
      const saved = query<{ starts_at: number; ends_at: number }>(
        'select starts_at, ends_at from meeting_session where meeting_id = ?',
        meetingId,
      )
      expect(saved).toEqual([{ starts_at: at(13, 7).getTime() / 1000, ends_at: at(13, 8).getTime() / 1000 + 1800 }])

      // Shown in the meeting's zone; the switch re-renders in the browser's own zone (and back).
      const zone = page.locator('.agenda__zone')
      await expect(zone).toContainText('Asia/Qatar')
      const times = session.locator('.agenda-session__time')
      await expect(times).toHaveText(lang === 'en' ? /10:00\sAM – 11:30\sAM/ : /10:00\sص إلى 11:30\sص/)
      const dohaTimes = await times.textContent()
      const toggle = page.getByRole('button', { name: t.a.display.myZone.split('(')[0].trim() })
      await expect(toggle).toContainText('America/New_York')
      await expect(toggle).toHaveAttribute('aria-pressed', 'false')
      await toggle.click()
      await expect(toggle).toHaveAttribute('aria-pressed', 'true')
      await expect(zone).toContainText('America/New_York')
      await expect(times).not.toHaveText(dohaTimes!)
      await toggle.click()
      await expect(times).toHaveText(dohaTimes!)

      // Refused: outside the meeting's days, and ending before it starts. Nothing is saved.
      await page.getByLabel(t.a.form.titleEn).fill('Refused session')
      await start.fill(`${ym}-16T10:00`)
      await end.fill(`${ym}-16T11:00`)
      await page.getByRole('button', { name: t.a.editor.add }).click()
      await expect(page.getByText(t.c.validation.sessionOutsideMeeting)).toBeVisible()
      await start.fill(`${ym}-14T11:00`)
      await end.fill(`${ym}-14T10:00`)
      await page.getByRole('button', { name: t.a.editor.add }).click()
      await expect(page.getByText(t.c.validation.endBeforeStart)).toBeVisible()
      expect(sessionCount(meetingId)).toBe(1)
      await expectAccessible(page)
      await snap(page, `meeting-agenda-editor-${lang}`)
      await page.setViewportSize({ width: 360, height: 800 })
      await snap(page, `meeting-agenda-editor-${lang}-360`)
      await page.setViewportSize({ width: 1280, height: 720 })

      // Documents: search the library, link a published resource as a background paper.
      await page.goto(documentsPath)
      // Acting before hydration would race React's hydration with the navigation the click starts.
      await waitForHydration(page)
      await page.getByLabel(t.a.documents.searchLabel).fill('handbook oversight')
      await page.getByRole('button', { name: t.a.documents.searchButton, exact: true }).click()
      await expect(page).toHaveURL(/\?q=handbook/)
      const result = page.locator('li', { has: page.locator(`a[href="/${lang}/resources/${paper.id}"]`) })
      await result.getByLabel(t.a.documents.role).selectOption('background')
      await result.getByRole('button', { name: t.a.documents.link }).click()
      await expect(page.getByRole('status').first()).toHaveText(t.c.flash.documentLinked)
      await expect(page.locator('#linked-background')).toHaveText(t.a.roles.background)
      expect(
        query('select role from meeting_document where meeting_id = ? and resource_id = ?', meetingId, paper.id),
      ).toEqual([{ role: 'background' }])
      await expectAccessible(page)
      await snap(page, `meeting-documents-${lang}`)
      await page.setViewportSize({ width: 360, height: 800 })
      await snap(page, `meeting-documents-${lang}-360`)
      await page.setViewportSize({ width: 1280, height: 720 })

      // The session's edit page: link the paper to the session; the agenda lists it.
      const sessionId = query<{ id: number }>('select id from meeting_session where meeting_id = ?', meetingId)[0]!.id
      await page.goto(`${agendaPath}/${sessionId}`)
      // Acting before hydration would race React's hydration with the navigation the click starts.
      await waitForHydration(page)
      await expect(page.getByLabel(fill(t.a.form.startsAt, { zone: 'Asia/Qatar' }))).toHaveValue(`${ym}-13T10:00`)
      await expect(page.getByLabel(memberName[lang])).toBeChecked()
      await page.getByLabel(lang === 'en' ? paper.title_en : paper.title_ar || paper.title_en).check()
      await page.getByRole('button', { name: t.a.editor.save }).click()
      await expect(page).toHaveURL(new RegExp(`${agendaPath}#session-${sessionId}$`))
      await expect(page.getByRole('status').first()).toHaveText(t.c.flash.sessionSaved)
      await expect(session.locator(`a[href="/${lang}/resources/${paper.id}"]`)).toBeVisible()
      expect(consoleErrors).toEqual([])
      await page.context().close()
    })
  }
})

// Drafts on the agenda (issue 15, §8): a coordinator adds drafts from the list of those they see and removes one;
// the meeting's page shows each draft with its stage only to those who may read the draft.
const draftText = {
  en: { m: strings('en', 'meetings'), d: strings('en', 'drafts'), c: strings('en', 'common') },
  ar: { m: strings('ar', 'meetings'), d: strings('ar', 'drafts'), c: strings('ar', 'common') },
}

/** A draft written straight into the test database (its pages are other tests' business). */
let drafted = 0
function insertDraft(titleEn: string, stage: string, visibility: 'public' | 'members') {
  // A real Arabic title (the Arabic pages must show no English words): unique by a number.
  const titleAr = `مشروع نص للاختبار رقم ${++drafted} ${titleEn.replace(/\D+/g, '')}`
  const closes = stage === 'preparation' ? null : Math.floor(Date.now() / 1000) + 30 * 24 * 3600
  return query<{ id: number }>(
    `insert into draft (kind, title_en, title_ar, stage, visibility, consultation_closes_at)
     values ('model_law', ?, ?, ?, ?, ?) returning id`,
    titleEn,
    titleAr,
    stage,
    visibility,
    closes,
  )[0]!.id
}

test.describe('drafts on a meeting’s agenda', () => {
  for (const lang of languages) {
    test(`a coordinator puts drafts on the agenda; each viewer sees those they may read (${lang})`, async ({
      browser,
      baseURL,
    }) => {
      const t = draftText[lang]
      const stamp = `${lang}-${Date.now()}`
      const meetingId = insertMeeting({ titleEn: `Drafting workshop ${stamp}`, titleAr: `ورشة صياغة ${stamp}` })
      const inConsultation = insertDraft(`Model law on terrorism financing ${stamp}`, 'consultation', 'public')
      const inRevision = insertDraft(`Model policy for members ${stamp}`, 'revision', 'members')
      const inPreparation = insertDraft(`Strategy in preparation ${stamp}`, 'preparation', 'members')
      const withdrawn = insertDraft(`Withdrawn draft ${stamp}`, 'withdrawn', 'public')
      const title = (id: number) =>
        query<{ t: string }>(`select ${lang === 'ar' ? 'title_ar' : 'title_en'} as t from draft where id = ?`, id)[0]!.t
      const agendaPath = `/${lang}/meetings/${meetingId}/agenda`
      const linked = () =>
        query<{ draft_id: number }>(
          'select draft_id from meeting_draft where meeting_id = ? order by draft_id',
          meetingId,
        ).map((r) => r.draft_id)

      const page = await pageAs(browser, baseURL!, demo.coordinator.email)
      await page.goto(agendaPath)
      await waitForHydration(page)
      const picker = page.getByLabel(t.m.agendaDrafts.pickLabel)
      // Withdrawn drafts are not offered.
      await expect(picker.locator(`option[value="${withdrawn}"]`)).toHaveCount(0)
      // Nothing chosen: a clear message, nothing written.
      await page.getByRole('button', { name: t.m.agendaDrafts.add }).click()
      await expect(page.getByText(t.m.agendaDrafts.errors.pick)).toBeVisible()
      expect(linked()).toEqual([])
      const section = page.locator('section[aria-labelledby="agenda-drafts-title"]')
      for (const id of [inConsultation, inRevision, inPreparation]) {
        await page.getByLabel(t.m.agendaDrafts.pickLabel).selectOption(String(id))
        await page.getByRole('button', { name: t.m.agendaDrafts.add }).click()
        // The flash of the previous add may still be up: the draft's own line in the list is the sign this one landed.
        await expect(section.getByRole('link', { name: title(id) })).toBeVisible()
        await expect(page.getByRole('status').first()).toHaveText(t.c.flash.meetingSaved)
      }
      expect(linked()).toEqual([inConsultation, inRevision, inPreparation].sort((a, b) => a - b))
      await expect(section.getByRole('link', { name: title(inRevision) })).toHaveAttribute(
        'href',
        `/${lang}/drafts/${inRevision}`,
      )
      await expect(section.getByText(t.d.stages.revision)).toBeVisible()
      await expectAccessible(page)
      // Take the draft in preparation off again.
      await section
        .getByRole('listitem')
        .filter({ hasText: title(inPreparation) })
        .getByRole('button', { name: t.m.agendaDrafts.remove })
        .click()
      await expect(section.getByRole('link', { name: title(inPreparation) })).toHaveCount(0)
      await expect(page.getByRole('status').first()).toHaveText(t.c.flash.meetingSaved)
      expect(linked()).toEqual([inConsultation, inRevision].sort((a, b) => a - b))
      await page.setViewportSize({ width: 360, height: 800 })
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      await page.context().close()

      // A visitor sees the public draft in consultation; a member sees the members-only one in revision too.
      const visitor = await pageAs(browser, baseURL!, null)
      await visitor.goto(`/${lang}/meetings/${meetingId}`)
      const shown = visitor.locator('section[aria-labelledby="meeting-drafts-title"]')
      await expect(shown.getByRole('link', { name: title(inConsultation) })).toBeVisible()
      await expect(shown.getByText(t.d.stages.consultation)).toBeVisible()
      await expect(shown.getByRole('link', { name: title(inRevision) })).toHaveCount(0)
      await expectAccessible(visitor)
      await visitor.context().close()
      const member = await pageAs(browser, baseURL!, demo.member.email)
      await member.goto(`/${lang}/meetings/${meetingId}`)
      await expect(member.getByRole('link', { name: title(inRevision) })).toBeVisible()
      // A forged post by a member changes nothing.
      const forged = await member.request.post(agendaPath, {
        headers: { Origin: baseURL! },
        form: { intent: 'removeDraft', draftId: String(inRevision) },
      })
      expect(forged.status()).toBe(403)
      expect(linked()).toEqual([inConsultation, inRevision].sort((a, b) => a - b))
      await member.context().close()
    })
  }
})
