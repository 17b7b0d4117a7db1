import { useEffect, useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { acceptAttribute } from '~/utils/file-types'
import { formatBytes } from '~/utils/format'
import { fallbackLanguage, isLanguage, type Language } from '~/utils/i18n'
import '~/styles/file-upload.css'

export type PendingFile = { id: string; name: string; size: number }

type Props = {
  /** The form field: a file input without JavaScript; with it, a hidden input carrying the pending upload's id. */
  name: string
  label: ReactNode
  /** Defaults to the localized list of accepted types. */
  hint?: ReactNode
  /** Defaults to every type the library accepts (app/utils/file-types.ts). */
  accept?: string
  /** A file already uploaded (e.g. kept after the form came back with errors). */
  defaultUpload?: PendingFile
  /** An already-translated error from the server. */
  errorText?: string
  /** When known, a larger file is refused at once instead of after it is sent. */
  maxBytes?: number
  id?: string
}

/** "PDF, Word… Up to 200 MB each." in the page's language: the default hint, for other fields to reuse. */
export function acceptedTypesHint(t: TFunction<'library'>, lang: Language, maxBytes?: number) {
  const types = t('upload.acceptedTypes')
  return maxBytes ? `${types} ${t('upload.maxSize', { max: formatBytes(maxBytes, lang) })}` : types
}

type Progress =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string; fraction: number }
  | { kind: 'processing'; name: string }
  | { kind: 'error'; message: string }

/**
 * A file field that works without JavaScript (a plain `<input type="file">` in a multipart form, read by
 * readUploadForm) and, with it, sends the file as soon as it is chosen to POST /uploads with a progress bar, then
 * leaves only the pending upload's id in the form (so the form does not send the file a second time).
 */
export function FileUploadField({
  name,
  label,
  hint,
  accept = acceptAttribute,
  defaultUpload,
  errorText,
  maxBytes,
  id,
}: Props) {
  const { t, i18n } = useTranslation('library')
  const lang = isLanguage(i18n.language) ? i18n.language : fallbackLanguage
  const generatedId = useId()
  const inputId = id ?? `${name}-${generatedId.replace(/:/g, '')}`
  const hintId = `${inputId}-hint`
  const statusId = `${inputId}-status`
  const errorId = `${inputId}-error`

  const [hydrated, setHydrated] = useState(false)
  const [upload, setUpload] = useState<PendingFile | null>(defaultUpload ?? null)
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' })
  const [status, setStatus] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const againRef = useRef<HTMLButtonElement>(null)
  const xhrRef = useRef<XMLHttpRequest | null>(null)
  const focusAgain = useRef(false)
  const busy = progress.kind === 'uploading' || progress.kind === 'processing'

  useEffect(() => setHydrated(true), [])
  // A file chosen before the page hydrated (a slow connection) fired its change event before React listened.
  useEffect(() => {
    const file = inputRef.current?.files?.[0]
    if (file) take(file)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, [])
  useEffect(() => () => xhrRef.current?.abort(), [])

  useEffect(() => {
    if (focusAgain.current && upload) againRef.current?.focus()
    focusAgain.current = false
  }, [upload])

  // A form sent while its file is still uploading would arrive without it: hold it and say why.
  useEffect(() => {
    const form = inputRef.current?.form
    if (!busy || !form) return
    const hold = (event: Event) => {
      event.preventDefault()
      event.stopImmediatePropagation()
      setStatus(t('upload.waitForUpload'))
    }
    form.addEventListener('submit', hold, true)
    return () => form.removeEventListener('submit', hold, true)
  }, [busy, t])

  const percent = (fraction: number) => new Intl.NumberFormat(lang, { style: 'percent' }).format(fraction)

  function fail(message: string) {
    xhrRef.current = null
    if (inputRef.current) inputRef.current.value = ''
    setProgress({ kind: 'error', message })
    setStatus('')
  }

  function send(file: File) {
    const xhr = new XMLHttpRequest()
    xhrRef.current = xhr
    const body = new FormData()
    body.append('lang', lang)
    // The name goes as a field of its own: the multipart header cannot carry every name (";", "=", quotes).
    body.append('name', file.name)
    body.append('file', file, file.name.replace(/[;="\\\r\n]/g, '_'))
    let announced = -1
    xhr.upload.addEventListener('progress', (event) => {
      if (!event.lengthComputable) return
      const fraction = event.loaded / event.total
      setProgress({ kind: 'uploading', name: file.name, fraction })
      // The live region speaks every 10 %, not at every event.
      const step = Math.floor(fraction * 10)
      if (step !== announced) {
        announced = step
        setStatus(t('upload.uploading', { name: file.name, percent: percent(step / 10) }))
      }
    })
    xhr.upload.addEventListener('load', () => {
      setProgress({ kind: 'processing', name: file.name })
      setStatus(t('upload.processing', { name: file.name }))
    })
    xhr.addEventListener('load', () => {
      const response = xhr.response as Partial<PendingFile & { error: string }> | null
      if (xhr.status === 200 && response?.id) {
        xhrRef.current = null
        if (inputRef.current) inputRef.current.value = ''
        const done = { id: response.id, name: response.name ?? file.name, size: response.size ?? file.size }
        focusAgain.current = true
        setUpload(done)
        setProgress({ kind: 'idle' })
        setStatus(t('upload.uploaded', { name: done.name, size: formatBytes(done.size, lang) }))
      } else {
        fail(response?.error ?? t('errors.failed'))
      }
    })
    xhr.addEventListener('error', () => fail(t('errors.failed')))
    xhr.addEventListener('abort', () => {
      xhrRef.current = null
      if (inputRef.current) inputRef.current.value = ''
      setProgress({ kind: 'idle' })
      setStatus(t('upload.cancelled'))
    })
    xhr.open('POST', `/uploads?lang=${lang}`)
    xhr.responseType = 'json'
    setUpload(null)
    setProgress({ kind: 'uploading', name: file.name, fraction: 0 })
    setStatus(t('upload.uploading', { name: file.name, percent: percent(0) }))
    xhr.send(body)
  }

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0]
    if (file) take(file)
  }

  function take(file: File) {
    xhrRef.current?.abort()
    if (maxBytes && file.size > maxBytes) {
      fail(t('errors.tooLarge', { max: formatBytes(maxBytes, lang) }))
      return
    }
    if (file.size === 0) {
      fail(t('errors.empty'))
      return
    }
    send(file)
  }

  function chooseAnother() {
    setUpload(null)
    setProgress({ kind: 'idle' })
    setStatus(t('upload.removed'))
    // The input is shown again on this render; focus it once it is.
    requestAnimationFrame(() => inputRef.current?.focus())
  }

  const error = progress.kind === 'error' ? progress.message : errorText
  const describedBy = [hintId, error ? errorId : null, statusId].filter(Boolean).join(' ')
  // Without JavaScript the input always posts the file; with it, only when nothing is uploaded or uploading.
  const inputPostsFile = !hydrated || (!upload && !busy)
  const inputHidden = hydrated && (Boolean(upload) || busy)

  return (
    <div className="field file-upload">
      <label htmlFor={inputId}>{label}</label>
      <p className="field__hint" id={hintId}>
        {hint ?? acceptedTypesHint(t, lang, maxBytes)}
      </p>
      {upload ? (
        <div className="file-upload__chosen">
          <input type="hidden" name={name} value={upload.id} />
          <p className="file-upload__name">
            {hydrated ? (
              <>
                <bdi>{upload.name}</bdi> (<span dir="ltr">{formatBytes(upload.size, lang)}</span>)
              </>
            ) : (
              t('upload.kept', { name: upload.name, size: formatBytes(upload.size, lang) })
            )}
          </p>
          {hydrated ? (
            <button ref={againRef} type="button" className="button button--small button--quiet" onClick={chooseAnother}>
              {t('upload.chooseAnother')}
            </button>
          ) : null}
        </div>
      ) : null}
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        name={inputPostsFile ? name : undefined}
        accept={accept}
        hidden={inputHidden}
        onChange={onChange}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {busy ? (
        <div className="file-upload__progress">
          <progress
            max={1}
            value={progress.kind === 'uploading' ? progress.fraction : undefined}
            aria-label={t('upload.progressLabel', { name: progress.name })}
          />
          <button type="button" className="button button--small button--quiet" onClick={() => xhrRef.current?.abort()}>
            {t('upload.cancel')}
          </button>
        </div>
      ) : null}
      <p className="file-upload__status" id={statusId} role="status">
        {status}
      </p>
      {error ? (
        <p className="field__errors" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
