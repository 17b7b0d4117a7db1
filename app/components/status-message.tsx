import type { ReactNode } from 'react'

/** A confirmation announced politely to screen readers. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p className="status-message" role="status">
      {children}
    </p>
  )
}

/** An error summary for a form, announced at once. */
export function FormError({ children, id }: { children: ReactNode; id?: string }) {
  if (!children) return null
  return (
    <p className="form-error" role="alert" id={id}>
      {children}
    </p>
  )
}
