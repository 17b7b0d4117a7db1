// Publishing a questionnaire's results (issue 16 §3): once, audited; not before it is sent; taken back; and the
// library report, public, with a workbook of aggregates per language, linked back once.
import { eq, sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, resource, resourceFile, survey, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { uploadPath } from '~/utils/file-store.server'
import { getSurvey } from './questionnaire.server'
import { publishResults, publishResultsToLibrary, unpublishResults } from './results-publish.server'
import { addParliament, addResponse, addSurvey, answer } from './results.test-helpers'
import fs from 'node:fs'

let coordinator: { id: number }
beforeAll(() => {
  coordinator = getDb()
    .insert(user)
    .values({ email: 'coordinator@example.org', name: 'C', role: 'coordinator', locale: 'en', passwordHash: 'x' })
    .returning({ id: user.id })
    .get()
})

const audits = (action: string) =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(auditEvent)
    .where(eq(auditEvent.action, action))
    .get()!.n

describe('publishing the results', () => {
  it('refuses a questionnaire not sent yet', () => {
    const s = addSurvey('draft')
    expect(publishResults(getSurvey(s.id)!, coordinator)).toEqual({ ok: false, error: 'notSent' })
    expect(getSurvey(s.id)!.resultsPublishedAt).toBeNull()
  })

  it('publishes once and takes back once, each with its audit row', () => {
    const s = addSurvey('closed')
    const before = audits('survey.results_published')
    expect(publishResults(getSurvey(s.id)!, coordinator).ok).toBe(true)
    expect(getSurvey(s.id)!.resultsPublishedAt).not.toBeNull()
    expect(publishResults(getSurvey(s.id)!, coordinator)).toEqual({ ok: false, error: 'alreadyPublished' })
    expect(audits('survey.results_published')).toBe(before + 1)
    expect(unpublishResults(getSurvey(s.id)!, coordinator).ok).toBe(true)
    expect(getSurvey(s.id)!.resultsPublishedAt).toBeNull()
    expect(unpublishResults(getSurvey(s.id)!, coordinator)).toEqual({ ok: false, error: 'notPublished' })
  })
})

describe('the library report', () => {
  it('needs published results', async () => {
    const s = addSurvey()
    expect(await publishResultsToLibrary(getSurvey(s.id)!, coordinator)).toEqual({ ok: false, error: 'notPublished' })
  })

  it('is a public report with a workbook of aggregates per language, linked back, made once', async () => {
    const s = addSurvey()
    const q = s.question('yes_no', { en: 'A committee?', ar: 'هل توجد لجنة؟' })
    for (let i = 0; i < 3; i++) answer(addResponse(s.id, addParliament('asia')), q.id, { choice: 'yes' })
    publishResults(getSurvey(s.id)!, coordinator)
    const made = await publishResultsToLibrary(getSurvey(s.id)!, coordinator)
    if (!made.ok) throw new Error(made.error)
    const db = getDb()
    const r = db.select().from(resource).where(eq(resource.id, made.value.resourceId)).get()!
    expect(r).toMatchObject({
      type: 'report',
      state: 'published',
      visibility: 'public',
      titleEn: 'Results: Parliamentary responses to terrorism',
      titleAr: 'النتائج: استجابات البرلمانات للإرهاب',
    })
    expect(r.summaryAr).toContain(`/ar/surveys/${s.id}/results`)
    expect(getSurvey(s.id)!.resourceId).toBe(r.id)
    const files = db.select().from(resourceFile).where(eq(resourceFile.resourceId, r.id)).all()
    expect(files.map((f) => [f.originalName, f.language])).toEqual([
      [`survey-${s.id}-results-en.xlsx`, 'en'],
      [`survey-${s.id}-results-ar.xlsx`, 'ar'],
    ])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(fs.readFileSync(uploadPath(files[1]!.sha256)).buffer as ArrayBuffer)
    const sheet = workbook.getWorksheet('النتائج')!
    expect(sheet.getRow(2).getCell(1).value).toBe('س1. هل توجد لجنة؟')
    expect(sheet.getRow(3).getCell(6).value).toBe('نعم')
    expect(sheet.getRow(3).getCell(7).value).toBe(3)
    expect(workbook.getWorksheet('حسب المنطقة')!.getRow(2).getCell(3).value).toBe('مخفي (أقل من 5 برلمانات)')

    const resources = db
      .select({ n: sql<number>`count(*)` })
      .from(resource)
      .get()!.n
    expect(await publishResultsToLibrary(getSurvey(s.id)!, coordinator)).toEqual({
      ok: false,
      error: 'alreadyInLibrary',
    })
    // A stale copy of the row (a second click): refused in the transaction, nothing left behind.
    const stale = { ...getSurvey(s.id)!, resourceId: null }
    expect(await publishResultsToLibrary(stale, coordinator)).toEqual({ ok: false, error: 'alreadyInLibrary' })
    expect(
      db
        .select({ n: sql<number>`count(*)` })
        .from(resource)
        .get()!.n,
    ).toBe(resources)
    expect(db.select({ id: survey.resourceId }).from(survey).where(eq(survey.id, s.id)).get()!.id).toBe(r.id)
  })
})
