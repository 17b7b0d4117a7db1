import type { ResourceState } from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { getResource, setResourceState, type ResourceDetail } from './resource.server'
import type { Viewer } from './access.server'
import { hasRole } from '~/utils/auth.server'
import { listActiveCoordinators } from '~/features/accounts'
import { sendResourceStateMail, sendReviewRequestMail } from './mail.server'
import { atomically } from '~/utils/transaction.server'

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

/**
 * Moves a resource to its next state, records it in the audit log and tells the author (in the author's
 * language) — unless the author is the one who made the move and nothing needs saying (their own publication).
 * The change, its audit row and its mails are one transaction (the mails are delivered after the commit).
 * Returns false (and changes nothing) when the move is not allowed now.
 */
export function transitionResource(input: {
  resource: ResourceDetail
  transition: ResourceTransition
  actor: NonNullable<Viewer>
  reason?: string | null
  link: string
}) {
  const { resource: r, transition, actor } = input
  if (!canTransition(r, actor, transition)) return false
  const to = resourceTransitions[transition].to
  atomically((tx) => {
    setResourceState(r.id, to, actor.id, input.reason ?? null)
    recordAuditEvent(
      {
        actorId: actor.id,
        action: `resource.${transition}`,
        targetType: 'resource',
        targetId: r.id,
        details: { from: r.state, to, ...(input.reason ? { reason: input.reason } : {}) },
      },
      tx,
    )
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
  return true
}
