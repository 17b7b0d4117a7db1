/** The download address of a library file: its id, then its original name (so a saved file keeps it). */
export function fileUrl(file: { id: number; originalName: string }) {
  return `/files/${file.id}/${encodeURIComponent(file.originalName)}`
}
