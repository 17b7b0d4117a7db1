// The library's file store, as the rest of the app imports it: storing blobs (file-store-blobs), type detection
// (file-store-detect), cleaning up (file-store-cleanup) and safe file names (file-store-names).
export {
  isNoSpaceError,
  maxUploadBytes,
  storeUpload,
  tempDir,
  UploadError,
  uploadPath,
  uploadsDir,
  type StoredBlob,
  type UploadErrorCode,
} from './file-store-blobs.server'
export { detectMediaType } from './file-store-detect.server'
export { cleanTempUploads, removeBlobIfUnreferenced, sweepUploadsAtStartup } from './file-store-cleanup.server'
export { cleanOriginalName } from './file-store-names.server'
