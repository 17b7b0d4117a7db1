// New mechanisms named in answers (issue 16): reviewed by a coordinator; accepted, a row of the directory for the
// parliament that described it, named by the answer; rejected, left out. A refusal writes nothing.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { mechanism, mechanismPillar, mechanismProposal } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { addParliament, addPerson, addSentSurvey, snapshot } from './answer.test-helpers'
import { answerPrefix, readAnswerForm } from './answer-schemas'
import { acceptProposal, countPendingProposals, listProposals, rejectProposal } from './proposal.server'
import { answersFor, getResponseOf, loadAnswers, saveResponse } from './response.server'

let P: number
let member: ReturnType<typeof addPerson>
let coordinator: ReturnType<typeof addPerson>
beforeAll(() => {
  P = addParliament('Proposing parliament')
  member = addPerson(P)
  coordinator = addPerson(null, 'coordinator')
})

/** A survey whose mechanism question P answered with a new mechanism; the proposal's id. */
function propose(nameEn: string) {
  const s = addSentSurvey([P])
  const base = `${answerPrefix}q${s.q.mechanism}`
  const form = new FormData()
  form.append(`${base}.mechanismId`, 'new')
  form.append(`${base}.proposal.kind`, 'committee')
  form.append(`${base}.proposal.nameEn`, nameEn)
  form.append(`${base}.proposal.nameAr`, 'لجنة الرقابة الأمنية')
  form.append(`${base}.proposal.descriptionEn`, 'Oversees the security services.')
  form.append(`${base}.proposal.year`, '2018')
  const questionnaire = s.load()
  const r = getResponseOf(s.id, P)!
  const saved = saveResponse(
    questionnaire,
    r,
    { baseRevision: 0, values: readAnswerForm(form, questionnaire.questions), submit: false },
    { id: member.id, name: member.name, parliamentId: P },
  )
  if (!saved.ok) throw new Error(saved.error)
  const p = getDb().select().from(mechanismProposal).where(eq(mechanismProposal.responseId, r.id)).get()!
  return { s, r, id: p.id }
}

describe('reviewing a new mechanism', () => {
  it('lists the pending proposals with where they came from', () => {
    const { id, s } = propose('Security oversight committee')
    const listed = listProposals('pending').find((p) => p.id === id)
    expect(listed).toMatchObject({ parliamentId: P, surveyId: s.id, proposedBy: member.name, kind: 'committee' })
    expect(countPendingProposals()).toBeGreaterThan(0)
  })

  it('accepted, joins the directory for the parliament, with its pillars, and the answer names it', () => {
    const { id, s, r } = propose('Committee on security oversight')
    const accepted = acceptProposal(id, [2, 4], coordinator)
    expect(accepted.ok).toBe(true)
    const mechanismId = accepted.ok ? accepted.value.mechanismId : 0
    expect(getDb().select().from(mechanism).where(eq(mechanism.id, mechanismId)).get()).toMatchObject({
      parliamentId: P,
      kind: 'committee',
      nameEn: 'Committee on security oversight',
      nameAr: 'لجنة الرقابة الأمنية',
      year: 2018,
      createdById: coordinator.id,
    })
    const pillars = getDb().select().from(mechanismPillar).where(eq(mechanismPillar.mechanismId, mechanismId)).all()
    expect(pillars.map((p) => p.pillar).sort()).toEqual([2, 4])
    expect(getDb().select().from(mechanismProposal).where(eq(mechanismProposal.id, id)).get()).toMatchObject({
      state: 'accepted',
      mechanismId,
      reviewedById: coordinator.id,
    })
    const answers = answersFor(s.load().questions, loadAnswers(r.id))
    expect(answers.get(s.q.mechanism!)).toEqual({ kind: 'mechanism', mechanismId })
    // Decided once.
    const before = snapshot()
    expect(acceptProposal(id, [1], coordinator)).toEqual({ ok: false, error: 'proposalDecided' })
    expect(rejectProposal(id, coordinator)).toEqual({ ok: false, error: 'proposalDecided' })
    expect(snapshot()).toEqual(before)
  })

  it('refuses an acceptance without a pillar, or with one that is not a pillar, and writes nothing', () => {
    const { id } = propose('Caucus on prevention')
    const before = snapshot()
    expect(acceptProposal(id, [], coordinator)).toEqual({ ok: false, error: 'pillarRequired' })
    expect(acceptProposal(id, [1, 7], coordinator)).toEqual({ ok: false, error: 'pillarRequired' })
    expect(acceptProposal(999_999, [1], coordinator)).toEqual({ ok: false, error: 'proposalNotFound' })
    expect(snapshot()).toEqual(before)
  })

  it('rejected, stays out of the directory', () => {
    const { id } = propose('Unit that does not exist')
    const mechanisms = () => getDb().select().from(mechanism).where(eq(mechanism.parliamentId, P)).all().length
    const before = mechanisms()
    expect(rejectProposal(id, coordinator)).toEqual({ ok: true, value: undefined })
    expect(mechanisms()).toBe(before)
    expect(listProposals('rejected').map((p) => p.id)).toContain(id)
  })
})
