// "Your parliament has N questionnaires to answer", on a member's home and account pages (issue 16); its words come
// from the loader (pending.server.ts's surveysToAnswerNotice).
import { Link } from '@remix-run/react'
import type { SurveysNotice } from '../pending.server'

export function SurveysToAnswer({ notice }: { notice: SurveysNotice | null }) {
  if (!notice) return null
  return (
    <section className="surveys-to-answer notice" aria-labelledby="surveys-to-answer-title">
      <h2 id="surveys-to-answer-title">{notice.title}</h2>
      <p data-testid="surveys-to-answer">{notice.text}</p>
      <p>
        <Link to={notice.href}>{notice.link}</Link>
      </p>
    </section>
  )
}
