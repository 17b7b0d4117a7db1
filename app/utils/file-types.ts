// The files the library accepts, shared by the browser (the `accept` attribute, the hint) and the server (which
// decides the type from the content: app/utils/file-store.server.ts). No dependencies: safe in the client bundle.

export type FileKind = 'document' | 'image' | 'video' | 'audio'

type AcceptedType = { mediaType: string; extensions: readonly string[]; kind: FileKind }

/** Every accepted media type, as stored in `resource_file.media_type`, with the extensions people know it by. */
export const acceptedFileTypes: readonly AcceptedType[] = [
  { mediaType: 'application/pdf', extensions: ['.pdf'], kind: 'document' },
  { mediaType: 'application/msword', extensions: ['.doc'], kind: 'document' },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    kind: 'document',
  },
  { mediaType: 'application/vnd.ms-excel', extensions: ['.xls'], kind: 'document' },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    kind: 'document',
  },
  { mediaType: 'application/vnd.ms-powerpoint', extensions: ['.ppt'], kind: 'document' },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['.pptx'],
    kind: 'document',
  },
  { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'], kind: 'document' },
  { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['.ods'], kind: 'document' },
  { mediaType: 'application/vnd.oasis.opendocument.presentation', extensions: ['.odp'], kind: 'document' },
  { mediaType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], kind: 'image' },
  { mediaType: 'image/png', extensions: ['.png'], kind: 'image' },
  { mediaType: 'image/webp', extensions: ['.webp'], kind: 'image' },
  { mediaType: 'image/gif', extensions: ['.gif'], kind: 'image' },
  { mediaType: 'video/mp4', extensions: ['.mp4', '.m4v'], kind: 'video' },
  { mediaType: 'video/webm', extensions: ['.webm'], kind: 'video' },
  { mediaType: 'audio/mpeg', extensions: ['.mp3'], kind: 'audio' },
  { mediaType: 'audio/mp4', extensions: ['.m4a'], kind: 'audio' },
  { mediaType: 'audio/ogg', extensions: ['.ogg', '.oga', '.opus'], kind: 'audio' },
  { mediaType: 'audio/wav', extensions: ['.wav'], kind: 'audio' },
]

const byMediaType = new Map(acceptedFileTypes.map((t) => [t.mediaType, t]))

/** The `accept` attribute of a file input: extensions (desktop pickers) and media types (mobile pickers). */
export const acceptAttribute = [
  ...acceptedFileTypes.flatMap((t) => t.extensions),
  ...acceptedFileTypes.map((t) => t.mediaType),
].join(',')

export function isAcceptedMediaType(mediaType: string) {
  return byMediaType.has(mediaType)
}

/** The extensions of an accepted media type, the usual one first ([] for any other type). */
export function extensionsOf(mediaType: string): readonly string[] {
  return byMediaType.get(mediaType)?.extensions ?? []
}

export function fileKindOf(mediaType: string): FileKind | null {
  return byMediaType.get(mediaType)?.kind ?? null
}

/**
 * Whether a browser may show the file itself (PDF, images, audio, video); everything else (Office files) is
 * only offered for download. Never HTML or SVG: those are refused at upload.
 */
export function isInlineMediaType(mediaType: string) {
  const kind = fileKindOf(mediaType)
  return mediaType === 'application/pdf' || kind === 'image' || kind === 'video' || kind === 'audio'
}
