// "Your parliament has N questionnaires to answer" (issue 16): what the home and account pages show a member.
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm'
import { survey, surveyResponse } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'

type Viewer = { role: string; parliamentId: number | null } | null

/**
 * How many questionnaires a member's parliament has still to answer: sent to it, open, the deadline not passed (or
 * reopened by a coordinator, which lets a late answer in), not submitted. Zero for anyone but a member of a parliament.
 */
export function countSurveysToAnswer(viewer: Viewer, now = new Date()): number {
  if (!viewer || viewer.role !== 'member' || viewer.parliamentId === null) return 0
  return getDb()
    .select({ n: sql<number>`count(*)` })
    .from(surveyResponse)
    .innerJoin(survey, eq(survey.id, surveyResponse.surveyId))
    .where(
      and(
        eq(surveyResponse.parliamentId, viewer.parliamentId),
        eq(survey.status, 'open'),
        inArray(surveyResponse.status, ['invited', 'started', 'reopened']),
        or(isNull(survey.deadline), gt(survey.deadline, now), eq(surveyResponse.status, 'reopened')),
      ),
    )
    .get()!.n
}

export type SurveysNotice = { count: number; title: string; text: string; link: string; href: string }

/**
 * The notice in the page's language, or null when there is nothing to answer. Worded here, on the server, so that
 * the pages showing it need not load the surveys' strings for a sentence.
 */
export function surveysToAnswerNotice(lang: Language, viewer: Viewer): SurveysNotice | null {
  const count = countSurveysToAnswer(viewer)
  if (count === 0) return null
  const t = getFixedT(lang, 'surveys')
  return {
    count,
    title: t('answer.pending.title'),
    text: t(`answer.pending.count.${new Intl.PluralRules(lang).select(count)}`, { n: formatNumber(count, lang) }),
    link: t('answer.pending.link'),
    href: `/${lang}/surveys`,
  }
}
