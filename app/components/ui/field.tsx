import { getTextareaProps, type FieldMetadata } from '@conform-to/react'
import type { InputHTMLAttributes, ReactNode } from 'react'

type Option = { value: string; label: string }

/**
 * The ids of a field's hint and errors (`${id}-hint`, `${id}-error`) when it has them, and the aria attributes
 * its control takes to be described by them.
 */
function describe(id: string, hint: ReactNode, errors: string[] | undefined) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = errors?.length ? `${id}-error` : undefined
  const aria = {
    'aria-invalid': errorId ? true : undefined,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
  }
  return { hintId, errorId, aria }
}

/** A field's label, hint, control (its children) and errors, in that order. */
function FieldFrame({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string
  label: ReactNode
  hint?: ReactNode
  errors: string[] | undefined
  children: ReactNode
}) {
  const { hintId, errorId } = describe(id, hint, errors)
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      {errorId ? <FieldErrors id={errorId} errors={errors!} /> : null}
    </div>
  )
}

type FieldProps = {
  label: ReactNode
  /** Already-translated messages for this field. */
  errors?: string[]
  hint?: ReactNode
  inputProps: InputHTMLAttributes<HTMLInputElement> & { id: string; name: string }
}

/** A labelled input with its hint and errors wired through aria-describedby. */
export function Field({ label, errors, hint, inputProps }: FieldProps) {
  return (
    <FieldFrame id={inputProps.id} label={label} hint={hint} errors={errors}>
      <input {...inputProps} {...describe(inputProps.id, hint, errors).aria} />
    </FieldFrame>
  )
}

type SelectFieldProps = {
  label: ReactNode
  errors?: string[]
  name: string
  id: string
  defaultValue?: string
  options: Option[]
  required?: boolean
  /** `off` on a filter, which is never the user's own data. */
  autoComplete?: string
}

export function SelectField({ label, errors, options, ...props }: SelectFieldProps) {
  return (
    <FieldFrame id={props.id} label={label} errors={errors}>
      <select {...props} {...describe(props.id, undefined, errors).aria}>
        <Options options={options} />
      </select>
    </FieldFrame>
  )
}

/** A labelled select of several choices, with its hint and errors (said once each) wired through aria-describedby. */
export function MultiSelectField({
  id,
  name,
  label,
  hint,
  defaultValue,
  errors,
  options,
}: {
  id: string
  name: string
  label: ReactNode
  hint: ReactNode
  defaultValue: string[]
  errors: string[] | undefined
  options: Option[]
}) {
  const unique = errors && [...new Set(errors)]
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={unique}>
      <select id={id} name={name} multiple size={6} defaultValue={defaultValue} {...describe(id, hint, unique).aria}>
        <Options options={options} />
      </select>
    </FieldFrame>
  )
}

function Options({ options }: { options: Option[] }) {
  return (
    <>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  )
}

/** The already-translated messages of a field, for its control's aria-describedby to point at. */
export function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
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
  return (
    <FieldFrame id={field.id} label={label} hint={hint} errors={errors}>
      <textarea
        {...getTextareaProps(field, { ariaAttributes: false })}
        lang={lang}
        dir={lang ? (lang === 'ar' ? 'rtl' : 'ltr') : 'auto'}
        rows={rows}
        maxLength={maxLength}
        {...describe(field.id, hint, errors).aria}
      />
    </FieldFrame>
  )
}
