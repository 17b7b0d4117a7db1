import { getTextareaProps, type FieldMetadata } from '@conform-to/react'
import type { InputHTMLAttributes, ReactNode } from 'react'

type FieldProps = {
  label: ReactNode
  /** Already-translated messages for this field. */
  errors?: string[]
  hint?: ReactNode
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string; name: string }
}

/** A labelled input with its hint and errors wired through aria-describedby. */
export function Field({ label, errors, hint, inputProps }: FieldProps) {
  const hintId = hint ? `${inputProps.id}-hint` : undefined
  const errorId = errors?.length ? `${inputProps.id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={inputProps.id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input {...inputProps} aria-invalid={errorId ? true : undefined} aria-describedby={describedBy} />
      {errorId ? <FieldErrors id={errorId} errors={errors!} /> : null}
    </div>
  )
}

type SelectFieldProps = {
  label: ReactNode
  errors?: string[]
  name: string
  id: string
  defaultValue?: string
  options: { value: string; label: string }[]
  required?: boolean
}

export function SelectField({ label, errors, options, ...props }: SelectFieldProps) {
  const errorId = errors?.length ? `${props.id}-error` : undefined
  return (
    <div className="field">
      <label htmlFor={props.id}>{label}</label>
      <select {...props} aria-invalid={errorId ? true : undefined} aria-describedby={errorId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errorId ? <FieldErrors id={errorId} errors={errors!} /> : null}
    </div>
  )
}

function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  return (
    <ul className="field__errors" id={id}>
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  )
}

/** A labelled textarea of a conform field, in a given language (direction follows it). */
export function TextareaField({
  field,
  label,
  hint,
  errors,
  lang,
  rows = 4,
  maxLength = 2000,
}: {
  field: FieldMetadata<string | undefined>
  label: ReactNode
  hint?: ReactNode
  errors: string[] | undefined
  lang?: 'en' | 'ar'
  rows?: number
  maxLength?: number
}) {
  const hintId = hint ? `${field.id}-hint` : undefined
  const errorId = errors?.length ? `${field.id}-error` : undefined
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <textarea
        {...getTextareaProps(field, { ariaAttributes: false })}
        lang={lang}
        dir={lang ? (lang === 'ar' ? 'rtl' : 'ltr') : 'auto'}
        rows={rows}
        maxLength={maxLength}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      />
      {errorId ? <FieldErrors id={errorId} errors={errors!} /> : null}
    </div>
  )
}
