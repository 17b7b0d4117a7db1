import { getInputProps, useForm, type DefaultValue, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import type { InputHTMLAttributes, ReactNode } from 'react'
import type { Option } from '~/components/ui/checkbox-group'
import { Field, MultiSelectField, SelectField, TextareaField } from '~/components/ui/field'
import { useErrorText } from '~/utils/forms'

/**
 * A conform form that the server validates (when it is sent), starting from the route's values. Those are kept
 * as the form holds them, strings (the schema turns them into numbers and lists on the server).
 */
export function useServerForm<Schema extends Record<string, unknown>>({
  id,
  lastResult,
  defaultValue,
}: {
  id?: string
  lastResult: SubmissionResult<string[]> | null | undefined
  defaultValue: object
}) {
  return useForm<Schema>({
    id,
    lastResult,
    defaultValue: defaultValue as DefaultValue<Schema>,
    shouldValidate: 'onSubmit',
  })
}

type InputType = 'text' | 'url' | 'email' | 'tel' | 'number' | 'date' | 'datetime-local' | 'password'

/** What an input may add to its conform props (its id, name and first value come from the field). */
type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'form' | 'type' | 'defaultValue'>

/** Written left to right in Arabic pages too. */
const leftToRight: readonly InputType[] = ['url', 'email', 'tel']

/**
 * A labelled input of a conform field, with its hint and its translated errors. Addresses and phone numbers run
 * left to right; `numeric` is for a whole number typed as text (a year, a position): the numeric keypad, left to
 * right, no autofill.
 */
export function FormInput<Schema>({
  field,
  label,
  hint,
  type = 'text',
  numeric,
  ...attributes
}: {
  field: FieldMetadata<Schema>
  label: ReactNode
  hint?: ReactNode
  type?: InputType
  numeric?: boolean
} & InputAttributes) {
  const errorText = useErrorText()
  const typed = numeric
    ? { inputMode: 'numeric' as const, autoComplete: 'off', dir: 'ltr' }
    : leftToRight.includes(type)
      ? { dir: 'ltr' }
      : {}
  return (
    <Field
      label={label}
      hint={hint}
      errors={errorText(field.errors)}
      inputProps={{ ...getInputProps(field, { type, ariaAttributes: false }), ...typed, ...attributes }}
    />
  )
}

/** A labelled textarea of a conform field, with its hint and its translated errors (direction follows `lang`). */
export function FormTextarea({
  field,
  ...props
}: { field: FieldMetadata<string | undefined> } & Omit<Parameters<typeof TextareaField>[0], 'field' | 'errors'>) {
  const errorText = useErrorText()
  return <TextareaField field={field} errors={errorText(field.errors)} {...props} />
}

/**
 * A labelled select of a conform field, with its translated errors. It starts on the field's value, else on
 * `fallback` (the empty choice unless said); `emptyLabel` adds that empty choice first ("Not said").
 */
export function FormSelect<Schema>({
  field,
  label,
  options,
  fallback = '',
  emptyLabel,
}: {
  field: FieldMetadata<Schema>
  label: ReactNode
  options: Option[]
  fallback?: string
  emptyLabel?: string
}) {
  const errorText = useErrorText()
  return (
    <SelectField
      id={field.id}
      name={field.name}
      label={label}
      defaultValue={(field.initialValue as string | undefined) || fallback}
      errors={errorText(field.errors)}
      options={emptyLabel === undefined ? options : [{ value: '', label: emptyLabel }, ...options]}
    />
  )
}

/** A select of several choices of a conform list field, with its hint and its items' translated errors. */
export function FormMultiSelect<Schema>({
  field,
  label,
  hint,
  options,
}: {
  field: FieldMetadata<Schema>
  label: string
  hint: string
  options: Option[]
}) {
  const errorText = useErrorText()
  return (
    <MultiSelectField
      id={field.id}
      name={field.name}
      label={label}
      hint={hint}
      defaultValue={(field.initialValue as string[] | undefined) ?? []}
      errors={errorText(Object.values(field.allErrors as Record<string, string[]>).flat())}
      options={options}
    />
  )
}
