import type { FormMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { FormError } from '~/components/status-message'
import { useErrorText } from '~/utils/forms'

/** The form's own first error (not a field's), translated and announced at once; the form points at its id. */
export function FormErrorSummary({ form }: { form: Pick<FormMetadata, 'errorId' | 'errors'> }) {
  const errorText = useErrorText()
  return <FormError id={form.errorId}>{form.errors?.length ? errorText(form.errors)?.[0] : null}</FormError>
}

/** The row under a form: its submit button, then anything else (a cancel link). */
export function SubmitRow({
  label,
  className,
  children,
}: {
  label: ReactNode
  className?: string
  children?: ReactNode
}) {
  return (
    <p className={className}>
      <button type="submit" className="button">
        {label}
      </button>
      {children}
    </p>
  )
}
