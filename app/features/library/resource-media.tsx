import { useTranslation } from 'react-i18next'
import { pickLanguage } from '~/utils/bilingual'
import { fileUrl } from '~/utils/file-url'
import type { Language } from '~/utils/i18n'

type MediaFile = {
  id: number
  mediaType: string
  originalName: string
  role: string
  language: string | null
  altEn: string
  altAr: string
}

/**
 * The multimedia of a resource: video or audio in the browser's own player (with the poster image), the
 * transcript in the page's language (and the other one), and an image gallery with alternative text.
 */
export function ResourceMedia({
  resource,
  lang,
}: {
  resource: { files: MediaFile[]; transcriptEn: string; transcriptAr: string }
  lang: Language
}) {
  const { t } = useTranslation('library')
  const media = resource.files.filter((f) => f.role === 'media')
  const poster = resource.files.find((f) => f.role === 'poster' && f.mediaType.startsWith('image/'))
  const images = resource.files.filter((f) => f.role === 'image' && f.mediaType.startsWith('image/'))
  const transcript = pickLanguage({ en: resource.transcriptEn, ar: resource.transcriptAr }, lang)
  const otherTranscript = lang === 'ar' ? resource.transcriptEn : resource.transcriptAr
  const otherLang: Language = lang === 'ar' ? 'en' : 'ar'
  if (!media.length && !images.length && !transcript.text) return null
  return (
    <section className="resource-media" aria-label={media.some(isVideo) ? t('page.watch') : t('page.listen')}>
      {media.map((file) =>
        isVideo(file) ? (
          <video
            key={file.id}
            className="resource-media__video"
            controls
            preload="metadata"
            poster={poster ? fileUrl(poster) : undefined}
            lang={file.language ?? undefined}
          >
            <source src={fileUrl(file)} type={file.mediaType} />
            <p>{t('page.noPlayer')}</p>
          </video>
        ) : file.mediaType.startsWith('audio/') ? (
          <audio key={file.id} className="resource-media__audio" controls preload="metadata">
            <source src={fileUrl(file)} type={file.mediaType} />
            <p>{t('page.noPlayer')}</p>
          </audio>
        ) : null,
      )}
      {transcript.text ? (
        <details className="resource-media__transcript">
          <summary>{t('page.transcript')}</summary>
          <div lang={transcript.lang} dir={transcript.lang ? 'auto' : undefined}>
            {transcript.text.split(/\n+/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </details>
      ) : null}
      {!transcript.lang && otherTranscript ? (
        <details className="resource-media__transcript">
          <summary>{t('page.transcriptOther')}</summary>
          <div lang={otherLang} dir={otherLang === 'ar' ? 'rtl' : 'ltr'}>
            {otherTranscript.split(/\n+/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </details>
      ) : null}
      {images.length ? (
        <div className="resource-media__gallery">
          <h2>{t('page.gallery')}</h2>
          <ul className="gallery">
            {images.map((image) => {
              const alt = pickLanguage({ en: image.altEn, ar: image.altAr }, lang)
              return (
                <li key={image.id}>
                  <figure>
                    <a href={fileUrl(image)}>
                      <img src={fileUrl(image)} alt={alt.text} lang={alt.lang} loading="lazy" />
                    </a>
                    {alt.text ? (
                      <figcaption lang={alt.lang} dir={alt.lang ? 'auto' : undefined}>
                        {alt.text}
                      </figcaption>
                    ) : null}
                  </figure>
                </li>
              )
            })}
          </ul>
        </div>
      ) : null}
    </section>
  )
}

function isVideo(file: { mediaType: string }) {
  return file.mediaType.startsWith('video/')
}
