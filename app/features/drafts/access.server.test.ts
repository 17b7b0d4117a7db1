// Who may see and do what with a draft, for every role and every stage (issue 15, "Who may do what"); and the SQL
// twin of canViewDraft lists exactly the drafts it allows.
import { beforeAll, describe, expect, it } from 'vitest'
import { draft } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import {
  canCreateDraft,
  canDecideAmendments,
  canEditDraft,
  canManageDraft,
  canParticipate,
  canViewDraft,
  draftRoleOf,
  isConsultationOpen,
  listedDraftsWhere,
  type DraftAccessFacts,
  type DraftViewer,
} from './access.server'
import { addDraft, addPeople, forceStage, type Person } from './drafts.test-helpers'
import { draftStages, draftVisibilities, type DraftStage } from './vocabulary'

const NOW = new Date('2030-06-01T12:00:00Z')
const LATER = new Date('2030-06-30T12:00:00Z')
const EARLIER = new Date('2030-05-01T12:00:00Z')

const LEAD = 10
const OTHER = 20
const viewers = {
  visitor: null,
  member: { id: 1, role: 'member', parliamentId: OTHER },
  leadMember: { id: 2, role: 'member', parliamentId: LEAD },
  editor: { id: 3, role: 'member', parliamentId: OTHER },
  inCharge: { id: 4, role: 'member', parliamentId: null },
  coordinator: { id: 5, role: 'coordinator', parliamentId: null },
  admin: { id: 6, role: 'admin', parliamentId: null },
} satisfies Record<string, DraftViewer>
type Who = keyof typeof viewers

function facts(stage: DraftStage, overrides: Partial<DraftAccessFacts> = {}): DraftAccessFacts {
  return {
    stage,
    visibility: 'members',
    consultationScope: 'members',
    consultationClosesAt: stage === 'preparation' ? null : LATER,
    coordinatorId: viewers.inCharge.id,
    editorIds: [viewers.editor.id],
    leadParliamentIds: [LEAD],
    ...overrides,
  }
}

function table(check: (d: DraftAccessFacts, v: DraftViewer) => boolean, d: (stage: DraftStage) => DraftAccessFacts) {
  return Object.fromEntries(
    (Object.keys(viewers) as Who[]).map((who) => [
      who,
      draftStages.filter((stage) => check(d(stage), viewers[who])).join(' '),
    ]),
  )
}

describe('draftRoleOf', () => {
  it('names the viewer’s part, coordinators first', () => {
    const d = facts('consultation')
    expect(Object.fromEntries((Object.keys(viewers) as Who[]).map((w) => [w, draftRoleOf(d, viewers[w])]))).toEqual({
      visitor: 'visitor',
      member: 'member',
      leadMember: 'member',
      editor: 'editor',
      inCharge: 'inCharge',
      coordinator: 'coordinator',
      admin: 'coordinator',
    })
  })
})

describe('canViewDraft', () => {
  it('a members-only draft: members once out of preparation, the working group always, visitors never', () => {
    expect(table(canViewDraft, (s) => facts(s))).toEqual({
      visitor: '',
      member: 'consultation revision adopted withdrawn',
      leadMember: 'consultation revision adopted withdrawn',
      editor: 'preparation consultation revision adopted withdrawn',
      inCharge: 'preparation consultation revision adopted withdrawn',
      coordinator: 'preparation consultation revision adopted withdrawn',
      admin: 'preparation consultation revision adopted withdrawn',
    })
  })

  it('a public draft: visitors see it in consultation and once adopted, not in preparation or revision', () => {
    expect(table(canViewDraft, (s) => facts(s, { visibility: 'public' })).visitor).toBe('consultation adopted')
  })

  it('a draft withdrawn before any consultation stays with the working group', () => {
    const d = facts('withdrawn', { consultationClosesAt: null, visibility: 'public' })
    expect(canViewDraft(d, viewers.member)).toBe(false)
    expect(canViewDraft(d, viewers.visitor)).toBe(false)
    expect(canViewDraft(d, viewers.editor)).toBe(true)
  })
})

describe('canEditDraft (text, versions)', () => {
  it('the working group and coordinators, in every stage but the final ones', () => {
    expect(table(canEditDraft, (s) => facts(s))).toEqual({
      visitor: '',
      member: '',
      leadMember: '',
      editor: 'preparation consultation revision',
      inCharge: 'preparation consultation revision',
      coordinator: 'preparation consultation revision',
      admin: 'preparation consultation revision',
    })
  })
})

describe('canDecideAmendments (accept, reject, resolve)', () => {
  it('the working group and coordinators, in consultation and revision', () => {
    expect(table(canDecideAmendments, (s) => facts(s))).toEqual({
      visitor: '',
      member: '',
      leadMember: '',
      editor: 'consultation revision',
      inCharge: 'consultation revision',
      coordinator: 'consultation revision',
      admin: 'consultation revision',
    })
  })
})

describe('canManageDraft (fields, stage moves, working group)', () => {
  it('the coordinator in charge and coordinators, at every stage; never an editor', () => {
    const all = 'preparation consultation revision adopted withdrawn'
    expect(table(canManageDraft, (s) => facts(s))).toEqual({
      visitor: '',
      member: '',
      leadMember: '',
      editor: '',
      inCharge: all,
      coordinator: all,
      admin: all,
    })
  })

  it('only coordinators create drafts', () => {
    expect((Object.keys(viewers) as Who[]).filter((w) => canCreateDraft(viewers[w]))).toEqual(['coordinator', 'admin'])
  })
})

describe('canParticipate (comment, amend)', () => {
  const at = (check: typeof canParticipate) => (d: DraftAccessFacts, v: DraftViewer) => check(d, v, NOW)

  it('every signed-in member while the consultation is open, never a visitor, never in another stage', () => {
    expect(table(at(canParticipate), (s) => facts(s, { visibility: 'public' }))).toEqual({
      visitor: '',
      member: 'consultation',
      leadMember: 'consultation',
      editor: 'consultation',
      inCharge: 'consultation',
      coordinator: 'consultation',
      admin: 'consultation',
    })
  })

  it('with the scope "lead parliaments": their members and the working group, not other members', () => {
    const d = facts('consultation', { consultationScope: 'lead_parliaments' })
    expect((Object.keys(viewers) as Who[]).filter((w) => canParticipate(d, viewers[w], NOW))).toEqual([
      'leadMember',
      'editor',
      'inCharge',
      'coordinator',
      'admin',
    ])
  })

  it('nobody once the closing date has passed, though the stage is still consultation', () => {
    const d = facts('consultation', { consultationClosesAt: EARLIER })
    expect(isConsultationOpen(d, NOW)).toBe(false)
    expect((Object.keys(viewers) as Who[]).filter((w) => canParticipate(d, viewers[w], NOW))).toEqual([])
  })
})

describe('listedDraftsWhere', () => {
  let people: ReturnType<typeof addPeople>
  const made: { id: number; facts: DraftAccessFacts }[] = []

  beforeAll(() => {
    people = addPeople()
    for (const stage of draftStages)
      for (const visibility of draftVisibilities)
        for (const consulted of [false, true]) {
          const d = addDraft(people.coordinator, {
            coordinatorId: people.coordinator.id,
            leadParliamentIds: [people.jordan],
            editorIds: [people.editor.id],
            visibility,
          })
          const moved = forceStage(d.id, stage, consulted || stage === 'consultation' ? LATER : null)
          made.push({ id: d.id, facts: moved })
        }
  })

  const listed = (viewer: DraftViewer) =>
    getDb()
      .select({ id: draft.id })
      .from(draft)
      .where(listedDraftsWhere(viewer))
      .all()
      .map((r) => r.id)
      .filter((id) => made.some((m) => m.id === id))
      .sort((a, b) => a - b)

  it.each(['visitor', 'editor', 'otherMember', 'leadMember', 'coordinator', 'admin', 'homeless'] as const)(
    'lists for the %s exactly what canViewDraft allows',
    (who) => {
      const viewer: Person | null = who === 'visitor' ? null : people[who]
      const expected = made.filter((m) => canViewDraft(m.facts, viewer)).map((m) => m.id)
      expect(listed(viewer)).toEqual(expected)
      expect(expected.length).toBeGreaterThan(0)
    },
  )
})
