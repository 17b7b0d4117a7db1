// Shared by the builder's model tests: people, parliaments and responses written straight into the test database,
// and the row counts of every table a change might write.
import { sql } from 'drizzle-orm'
import {
  auditEvent,
  outbox,
  parliament,
  survey,
  surveyAnswer,
  surveyAnswerChoice,
  surveyOption,
  surveyQuestion,
  surveyResponse,
  surveySection,
  user,
} from '#db/schema/index'
import type { Locale, ParliamentKind, Region, Role } from '#db/enums'
import { getDb } from '~/utils/db.server'

let n = 0
export function addUser(
  parliamentId: number | null,
  role: Role = 'member',
  locale: Locale = 'en',
  isActive = true,
): { id: number; role: Role; parliamentId: number | null; email: string } {
  n++
  return getDb()
    .insert(user)
    .values({
      email: `surveyor${n}@example.org`,
      name: `Surveyor ${n}`,
      role,
      parliamentId,
      locale,
      isActive,
      passwordHash: 'x',
    })
    .returning({ id: user.id, role: user.role, parliamentId: user.parliamentId, email: user.email })
    .get()
}

let c = 0
export function addParliament(
  nameEn: string,
  nameAr: string,
  {
    region = 'middle_east_north_africa',
    kind = 'national',
    joined = true,
  }: { region?: Region; kind?: ParliamentKind; joined?: boolean } = {},
) {
  c++
  return getDb()
    .insert(parliament)
    .values({
      kind,
      countryCode:
        kind === 'national'
          ? `${String.fromCharCode(65 + (Math.floor(c / 26) % 26))}${String.fromCharCode(65 + (c % 26))}`
          : null,
      chamber: kind === 'national' ? 'single' : null,
      nameEn,
      nameAr,
      region,
      joinedAt: joined ? '2021-12-13' : null,
    })
    .returning({ id: parliament.id })
    .get().id
}

/** A response of a parliament with one answer to a question (a plain survey_answer row). */
export function answer(surveyId: number, parliamentId: number, questionId: number, optionId: number | null = null) {
  const db = getDb()
  const response =
    db
      .select({ id: surveyResponse.id })
      .from(surveyResponse)
      .where(sql`${surveyResponse.surveyId} = ${surveyId} AND ${surveyResponse.parliamentId} = ${parliamentId}`)
      .get() ??
    db
      .insert(surveyResponse)
      .values({ surveyId, parliamentId, status: 'started' })
      .returning({ id: surveyResponse.id })
      .get()
  db.insert(surveyAnswer).values({ responseId: response.id, questionId, optionId, textValue: 'x' }).run()
  return response.id
}

/** A multiple-choice or matrix answer: a survey_answer_choice row only. */
export function answerChoice(surveyId: number, parliamentId: number, questionId: number, optionId: number) {
  const db = getDb()
  const response =
    db
      .select({ id: surveyResponse.id })
      .from(surveyResponse)
      .where(sql`${surveyResponse.surveyId} = ${surveyId} AND ${surveyResponse.parliamentId} = ${parliamentId}`)
      .get() ??
    db
      .insert(surveyResponse)
      .values({ surveyId, parliamentId, status: 'started' })
      .returning({ id: surveyResponse.id })
      .get()
  db.insert(surveyAnswerChoice).values({ responseId: response.id, questionId, optionId }).run()
}

export function counts() {
  const db = getDb()
  const n = (
    t:
      | typeof survey
      | typeof surveySection
      | typeof surveyQuestion
      | typeof surveyOption
      | typeof surveyResponse
      | typeof auditEvent
      | typeof outbox,
  ) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(t)
      .get()!.n
  return {
    survey: n(survey),
    section: n(surveySection),
    question: n(surveyQuestion),
    option: n(surveyOption),
    response: n(surveyResponse),
    audit: n(auditEvent),
    outbox: n(outbox),
  }
}

/** A full snapshot of the builder's tables, to compare before and after a refused change. */
export function snapshot() {
  const db = getDb()
  return {
    survey: db.select().from(survey).all(),
    sections: db.select().from(surveySection).all(),
    questions: db.select().from(surveyQuestion).all(),
    options: db.select().from(surveyOption).all(),
    responses: db.select().from(surveyResponse).all(),
    audit: db
      .select({ n: sql<number>`count(*)` })
      .from(auditEvent)
      .get()!.n,
    outbox: db
      .select({ n: sql<number>`count(*)` })
      .from(outbox)
      .get()!.n,
  }
}
