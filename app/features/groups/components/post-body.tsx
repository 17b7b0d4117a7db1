import { segmentPost, type MentionCandidate } from '../mentions'

/** A post's plain text with its links clickable and its mentions marked; never rendered as HTML. */
export function PostBody({ body, mentions }: { body: string; mentions: readonly MentionCandidate[] }) {
  return (
    <div className="post-body" dir="auto">
      {segmentPost(body, mentions).map((s, i) =>
        s.kind === 'link' ? (
          <a key={i} href={s.href} rel="nofollow noopener noreferrer ugc">
            {s.text}
          </a>
        ) : s.kind === 'mention' ? (
          <strong key={i} className="post-mention">
            {s.text}
          </strong>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </div>
  )
}
