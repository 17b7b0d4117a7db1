import type { ReactNode } from 'react'

/** What a used or expired one-time link (an invitation, a reset) shows instead of its form. */
export function LinkGone({ title, message, children }: { title: string; message: string; children?: ReactNode }) {
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      <p role="alert">{message}</p>
      {children}
    </div>
  )
}
