// What the draft's page posts: a stage move (the coordinator in charge and coordinators), and the working group's
// changes to the tree: add, move (up/down or into another parent) and delete a provision. The guard runs before
// anything is read from the form, so a forged post by anyone else is a 403 (or a 404 for a draft they cannot see)
// and writes nothing. Each handler calls one function of the feature and answers with a redirect or the refusal.
import { data } from '@remix-run/node'
import { z } from '~/utils/zod'
import { adoptDraft } from '~/features/drafts/adoption.server'
import { moveDraftStage } from '~/features/drafts/draft.server'
import type { DraftsError } from '~/features/drafts/errors'
import { requireDraftEditor, requireDraftManager } from '~/features/drafts/guards.server'
import { addProvision, deleteProvision, moveProvision } from '~/features/drafts/provision.server'
import { draftLanguages } from '~/features/drafts/vocabulary'
import type { Language } from '~/utils/i18n'
import { readId } from '~/utils/ids'
import { redirectWithDraftFlash } from './flash.server'

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('stage') }),
  z.object({ intent: z.literal('add') }),
  z.object({ intent: z.literal('move') }),
  z.object({ intent: z.literal('delete') }),
])
export type Intent = z.output<typeof IntentSchema>['intent']

/** What a refused post answers: the intent, the provision whose panel it came from, the code and what was typed. */
export type IntentRefusal = {
  intent: Intent
  /** The provision of the panel ('end': the form at the end of the draft; 'stage': the stage panel). */
  at: string
  error: DraftsError
  values: Record<string, string>
}

type Context = { lang: Language; request: Request; idParam: string | undefined; formData: FormData }

const field = (formData: FormData, name: string) => {
  const v = formData.get(name)
  return typeof v === 'string' ? v : ''
}

/** The page to come back to: the same column choice at narrow widths, at the provision acted on. */
function backTo(ctx: Context, draftId: number, wId?: string | null) {
  const text = field(ctx.formData, 'text')
  const query = text === 'en' || text === 'ar' ? `?text=${text}` : ''
  return `/${ctx.lang}/drafts/${draftId}${query}${wId ? `#${wId}` : ''}`
}

const refuse = (intent: Intent, at: string, error: DraftsError, values: Record<string, string> = {}) =>
  data({ intent, at, error, values } satisfies IntentRefusal, { status: 400 })

const notFound = () => new Response('Not Found', { status: 404 })

/** The panel a post came from: a wId-like token, or 'end'. */
function panelOf(formData: FormData) {
  const at = field(formData, 'at')
  return /^[A-Za-z_][\w.-]{0,99}$/.test(at) ? at : 'end'
}

/** "YYYY-MM-DD" from a date field: the consultation closes at the end of that day (UTC, as the page shows it). */
function closingInstant(value: string) {
  if (value === '') return ''
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.000Z` : value
}

async function moveStage(ctx: Context) {
  const { user, draft } = requireDraftManager(ctx.request, ctx.idParam)
  const to = field(ctx.formData, 'to')
  const closesOn = field(ctx.formData, 'closesOn')
  // Adopting publishes the final version to the library in the move's transaction: moveDraftStage alone refuses it.
  const moved =
    to === 'adopted'
      ? await adoptDraft(draft, user)
      : moveDraftStage(draft, { to, closesAt: closingInstant(closesOn) }, user)
  if (!moved.ok) return refuse('stage', 'stage', moved.error, { to, closesOn })
  return redirectWithDraftFlash(backTo(ctx, draft.id), 'draftStageMoved')
}

function add(ctx: Context) {
  const { user, draft } = requireDraftEditor(ctx.request, ctx.idParam)
  const f = ctx.formData
  const values: Record<string, string> = { kind: field(f, 'kind'), place: field(f, 'place') }
  const texts: Record<string, { heading: string; body: string }> = {}
  for (const l of draftLanguages) {
    values[`heading.${l}`] = field(f, `heading.${l}`)
    values[`body.${l}`] = field(f, `body.${l}`)
    texts[l] = { heading: values[`heading.${l}`]!, body: values[`body.${l}`]! }
  }
  const parentRaw = field(f, 'parentId')
  const parentId = parentRaw === '' ? null : readId(parentRaw)
  if (parentRaw !== '' && parentId === null) throw notFound()
  const position = field(f, 'position')
  const added = addProvision(
    draft,
    { parentId, kind: values.kind, texts, ...(position === '' ? {} : { position }) },
    user,
  )
  if (!added.ok) return refuse('add', panelOf(f), added.error, values)
  return redirectWithDraftFlash(backTo(ctx, draft.id, added.value.wId), 'provisionAdded')
}

function move(ctx: Context) {
  const { user, draft } = requireDraftEditor(ctx.request, ctx.idParam)
  const provisionId = readId(ctx.formData.get('provisionId'))
  if (provisionId === null) throw notFound()
  const direction = field(ctx.formData, 'direction')
  const target = field(ctx.formData, 'parentId')
  const input =
    direction !== '' ? { direction } : { parentId: target === 'top' ? null : target === '' ? undefined : target }
  const moved = moveProvision(draft, provisionId, input, user)
  if (!moved.ok) {
    if (moved.error === 'provisionNotInDraft') throw notFound()
    return refuse('move', panelOf(ctx.formData), moved.error, { parentId: target })
  }
  return redirectWithDraftFlash(backTo(ctx, draft.id, field(ctx.formData, 'at') || null), 'provisionMoved')
}

function remove(ctx: Context) {
  const { user, draft } = requireDraftEditor(ctx.request, ctx.idParam)
  const provisionId = readId(ctx.formData.get('provisionId'))
  if (provisionId === null) throw notFound()
  const deleted = deleteProvision(draft, provisionId, user)
  if (!deleted.ok) {
    if (deleted.error === 'provisionNotInDraft') throw notFound()
    return refuse('delete', panelOf(ctx.formData), deleted.error)
  }
  return redirectWithDraftFlash(backTo(ctx, draft.id, 'draft-text'), 'provisionDeleted')
}

type Answer = Response | ReturnType<typeof refuse>
const handlers: Record<Intent, (ctx: Context) => Answer | Promise<Answer>> = {
  stage: moveStage,
  add,
  move,
  delete: remove,
}

/** Runs the posted intent; an unknown one is a 400 once the poster is known to be of the working group. */
export function runDraftIntent(ctx: Context) {
  const parsed = IntentSchema.safeParse({ intent: ctx.formData.get('intent') })
  if (!parsed.success) {
    requireDraftEditor(ctx.request, ctx.idParam)
    throw new Response('Bad Request', { status: 400 })
  }
  return handlers[parsed.data.intent](ctx)
}
