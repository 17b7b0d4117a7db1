import type { ResourceState } from '#db/schema/index'
import {
  auditResource,
  createResource,
  getResource,
  isUploadGone,
  setResourceState,
  updateResource,
  type ResourceDetail,
} from './resource.server'
import type { Viewer } from './access.server'
import { hasRole } from '~/utils/auth.server'
import { listActiveCoordinators } from '~/features/accounts'
import { sendResourceStateMail, sendReviewRequestMail } from './mail.server'
import { atomically } from '~/utils/transaction.server'
import type { FlashKey } from '~/utils/flash.server'
import type { Language } from '~/utils/i18n'
import { absoluteUrl } from '~/utils/links.server'
import { fail, ok, type Result } from '~/utils/result'
import type { LibraryError } from './errors'
import type { ResourceInput } from './schemas'

/** The moves of the sharing workflow: who may make them and from which states. */
export const resourceTransitions = {
  /** The author sends a draft (or a returned resource, once edited) to the coordinators. */
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'author' },
  /** A coordinator publishes (their own drafts directly, or what members submitted). */
  publish: { from: ['draft', 'submitted', 'returned'], to: 'published', by: 'coordinator' },
  /** A coordinator returns a submitted (or withdraws a published) resource to its author, with a reason. */
  return: { from: ['submitted', 'published'], to: 'returned', by: 'coordinator' },
} as const satisfies Record<string, { from: readonly ResourceState[]; to: ResourceState; by: 'author' | 'coordinator' }>
export type ResourceTransition = keyof typeof resourceTransitions

export function canTransition(
  r: { state: ResourceState; authorId: number | null },
  viewer: Viewer,
  transition: ResourceTransition,
) {
  const rule = resourceTransitions[transition]
  if (!(rule.from as readonly ResourceState[]).includes(r.state)) return false
  if (rule.by === 'coordinator') return hasRole(viewer, 'coordinator')
  return Boolean(viewer && (r.authorId === viewer.id || hasRole(viewer, 'coordinator')))
}

/** The transitions this viewer may make now (what the page offers). */
export function availableTransitions(r: { state: ResourceState; authorId: number | null }, viewer: Viewer) {
  return (Object.keys(resourceTransitions) as ResourceTransition[]).filter((t) => canTransition(r, viewer, t))
}

/** The move a form's button asks for besides saving (saving a draft, or saving edits, asks for none). */
export function transitionOf(intent: ResourceInput['intent']) {
  return intent === 'submit' || intent === 'publish' ? intent : null
}

/** The message after saving the form or moving the resource: what the move did, or that it was saved. */
export function savedFlash(transition: 'submit' | 'publish' | null): FlashKey {
  if (transition === 'publish') return 'resourcePublished'
  return transition === 'submit' ? 'resourceSubmitted' : 'resourceSaved'
}

/** Sending a resource for review needs something to review: a file (the form's, or one it has), or a link. */
export function lacksFileAndLink(
  input: { file: string | null; externalUrl: string | null },
  files: readonly unknown[] = [],
) {
  return !input.file && !input.externalUrl && files.length === 0
}

/**
 * Moves a resource to its next state, records it in the audit log and tells the author (in the author's
 * language) — unless the author is the one who made the move and nothing needs saying (their own publication).
 * The change, its audit row and its mails are one transaction (the mails are delivered after the commit).
 * Routes check the move first (requireTransition): one not allowed now is a bug here, and changes nothing.
 */
export function transitionResource(input: {
  resource: ResourceDetail
  transition: ResourceTransition
  actor: NonNullable<Viewer>
  reason?: string | null
  link: string
}) {
  const { resource: r, transition, actor } = input
  if (!canTransition(r, actor, transition)) throw new Error(`resource.${transition} is not allowed now`)
  const to = resourceTransitions[transition].to
  atomically((tx) => {
    setResourceState(r.id, to, actor.id, input.reason ?? null)
    auditResource(tx, actor, `resource.${transition}`, r.id, {
      from: r.state,
      to,
      ...(input.reason ? { reason: input.reason } : {}),
    })
    const saved = getResource(r.id) ?? r
    const title = { en: saved.titleEn, ar: saved.titleAr }
    const author = r.author
    const ownPublication = author?.id === actor.id && to === 'published'
    if (author?.email && !ownPublication) {
      sendResourceStateMail(tx, {
        to: author.email,
        lang: author.locale,
        state: to,
        title,
        link: input.link,
        reason: input.reason ?? null,
      })
    }
    if (to === 'submitted') {
      // The coordinators hear of it too, each in their own language (the review queue lists it as well).
      for (const c of listActiveCoordinators()) {
        if (c.id === actor.id) continue
        sendReviewRequestMail(tx, {
          to: c.email,
          lang: c.locale,
          title,
          link: input.link.replace(/\/(en|ar)\/resources\//, `/${c.locale}/resources/`),
        })
      }
    }
  })
}

/** The resource's page, in a language, as mails link to it. */
export const resourceLink = (lang: Language, id: number) => absoluteUrl(`/${lang}/resources/${id}`)

/**
 * Shares a new resource from the form: saved as a draft with its first file, audited, then moved as its button
 * asks (sent for review, or published by a coordinator: routes check that move first with requireTransition),
 * with that move's mails — all in one transaction. Refused, with nothing saved: a resource to send without a file
 * or a link, and a file whose pending upload is gone.
 */
export function shareResource(
  input: ResourceInput,
  author: NonNullable<Viewer>,
  lang: Language,
): Result<{ id: number }, LibraryError> {
  const transition = transitionOf(input.intent)
  if (input.intent !== 'draft' && lacksFileAndLink(input)) return fail('fileOrLinkRequired')
  return atomically((tx) => {
    if (isUploadGone(input.file, author.id)) return fail('uploadGone')
    const { id } = createResource(input, author, 'draft')
    auditResource(tx, author, 'resource.created', id)
    if (transition)
      transitionResource({ resource: getResource(id)!, transition, actor: author, link: resourceLink(lang, id) })
    return ok({ id })
  })
}

/**
 * Saves the form's edits (and its file as one more), audited, then the move its button asks for (checked first
 * by the route with requireTransition) with its mails — one transaction. Refused, with nothing saved: sending a
 * resource that has no file nor link for review, and a file whose pending upload is gone.
 */
export function editResource(
  r: ResourceDetail,
  input: ResourceInput,
  editor: NonNullable<Viewer>,
  lang: Language,
): Result<undefined, LibraryError> {
  const transition = transitionOf(input.intent)
  if (transition === 'submit' && lacksFileAndLink(input, r.files)) return fail('fileOrLinkRequired')
  return atomically((tx) => {
    if (isUploadGone(input.file, editor.id)) return fail('uploadGone')
    updateResource(r.id, input, editor)
    auditResource(tx, editor, 'resource.updated', r.id)
    if (transition) {
      transitionResource({ resource: getResource(r.id)!, transition, actor: editor, link: resourceLink(lang, r.id) })
    }
    return ok()
  })
}
