// A coordinator publishes a questionnaire's results (visitors then see the aggregates), takes them back, or
// publishes them to the library as a report (issue 16 §3). Each change is one conditional UPDATE with its audit row
// in the same transaction, so two coordinators clicking at once change it once. The report's files are the
// aggregate figures as visitors see them (small cells hidden), never a parliament's own answers.
import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm'
import { survey } from '#db/schema/index'
import {
  discardGeneratedFiles,
  publishGeneratedResource,
  storeGeneratedFile,
  type StoredGeneratedFile,
} from '~/features/library'
import { recordAuditEvent } from '~/utils/audit.server'
import type { Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import { absoluteUrl } from '~/utils/links.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import { exportFileName, reportXlsx, xlsxMediaType } from './export.server'
import { loadQuestionnaire, type SurveyRow } from './questionnaire.server'
import { computeResults } from './results.server'
import { minimumCell } from './vocabulary'

/** Refusals of these actions: keys of `results.errors` in the surveys namespace. */
export type ResultsError = 'notSent' | 'alreadyPublished' | 'notPublished' | 'alreadyInLibrary' | 'invalid'

type Actor = { id: number }

export function publishResults(s: SurveyRow, by: Actor, now = new Date()): Result<undefined, ResultsError> {
  if (s.status === 'draft') return fail('notSent')
  return atomically((tx) => {
    const changed = tx
      .update(survey)
      .set({ resultsPublishedAt: now, updatedAt: now })
      .where(and(eq(survey.id, s.id), isNull(survey.resultsPublishedAt), ne(survey.status, 'draft')))
      .run()
    if (changed.changes !== 1) return fail('alreadyPublished')
    recordAuditEvent({ actorId: by.id, action: 'survey.results_published', targetType: 'survey', targetId: s.id }, tx)
    return ok()
  })
}

/** Visitors no longer see the results; a report already in the library stays there (it is the library's now). */
export function unpublishResults(s: SurveyRow, by: Actor, now = new Date()): Result<undefined, ResultsError> {
  return atomically((tx) => {
    const changed = tx
      .update(survey)
      .set({ resultsPublishedAt: null, updatedAt: now })
      .where(and(eq(survey.id, s.id), isNotNull(survey.resultsPublishedAt)))
      .run()
    if (changed.changes !== 1) return fail('notPublished')
    recordAuditEvent({ actorId: by.id, action: 'survey.results_unpublished', targetType: 'survey', targetId: s.id }, tx)
    return ok()
  })
}

const cut = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`)

/**
 * Publishes the results to the library as a public report: titles and summary in both languages, and the aggregate
 * figures in a workbook per language. Only once the results are published (the report is public), and once.
 */
export async function publishResultsToLibrary(
  s: SurveyRow,
  by: Actor,
  now = new Date(),
): Promise<Result<{ resourceId: number }, ResultsError>> {
  if (s.resultsPublishedAt === null) return fail('notPublished')
  if (s.resourceId !== null) return fail('alreadyInLibrary')
  const questionnaire = loadQuestionnaire(s.id)
  if (!questionnaire) return fail('invalid')
  const results = computeResults(questionnaire, { aggregatesOnly: true })
  const files = await Promise.all(
    (['en', 'ar'] as const).map(async (lang) => ({
      bytes: await reportXlsx(questionnaire, results, lang),
      mediaType: xlsxMediaType,
      name: exportFileName(s.id, 'results', lang, 'xlsx'),
      language: lang,
    })),
  )
  const text = (lang: Language) => {
    const t = getFixedT(lang, 'surveys')
    const title = cut(lang === 'ar' ? s.titleAr || s.titleEn : s.titleEn || s.titleAr, 250)
    return {
      title: t('results.report.title', { title }),
      summary: cut(
        t('results.report.summary', {
          title,
          submitted: results.submitted,
          invited: results.invited,
          min: minimumCell,
          url: absoluteUrl(`/${lang}/surveys/${s.id}/results`),
        }),
        5000,
      ),
    }
  }
  const en = text('en')
  const ar = text('ar')
  const stored: StoredGeneratedFile[] = []
  try {
    // From here to the commit nothing awaits: no sweep of the store runs between the bytes and their rows.
    for (const f of files) stored.push(storeGeneratedFile(f))
    const done = atomically((tx): Result<{ resourceId: number }, ResultsError> => {
      const published = publishGeneratedResource(
        tx,
        {
          type: 'report',
          titleEn: en.title,
          titleAr: ar.title,
          summaryEn: en.summary,
          summaryAr: ar.summary,
          visibility: 'public',
          languages: ['ar', 'en'],
          pillars: [],
          resolutions: [],
          themes: [],
          parliamentIds: [],
          publishedOn: now.toISOString().slice(0, 10),
        },
        stored,
        by,
        { surveyId: s.id },
      )
      if (!published.ok) throw new RefusedReport('invalid')
      const linked = tx
        .update(survey)
        .set({ resourceId: published.value.id, updatedAt: now })
        .where(and(eq(survey.id, s.id), isNull(survey.resourceId), isNotNull(survey.resultsPublishedAt)))
        .run()
      // Someone was quicker (or unpublished meanwhile): the throw rolls the resource back.
      if (linked.changes !== 1) throw new RefusedReport('alreadyInLibrary')
      recordAuditEvent(
        {
          actorId: by.id,
          action: 'survey.results_to_library',
          targetType: 'survey',
          targetId: s.id,
          details: { resourceId: published.value.id },
        },
        tx,
      )
      return ok({ resourceId: published.value.id })
    })
    return done
  } catch (error) {
    discardGeneratedFiles(stored)
    if (error instanceof RefusedReport) return fail(error.code)
    throw error
  }
}

/** A refusal found inside the transaction: thrown so that better-sqlite3 rolls everything back. */
class RefusedReport extends Error {
  constructor(readonly code: ResultsError) {
    super(code)
  }
}
