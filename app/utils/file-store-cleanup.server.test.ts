// Tests of cleaning up the file store: blobs deleted once nothing names them, the start-up sweep after a kill -9
// (app/utils/file-store.kill-worker.ts), and old temporary files.
import fs from 'node:fs'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assistanceRequestFile, pendingUpload, resourceFile, user } from '#db/schema/index'
import { getDb } from './db.server'
import {
  cleanTempUploads,
  removeBlobIfUnreferenced,
  storeUpload,
  sweepUploadsAtStartup,
  tempDir,
  uploadPath,
} from './file-store.server'
import { chunked, sha, tempFiles } from './file-store.test-helpers'
import { acceptedSamples, fixture } from '../../test/sample-files'

describe('removeBlobIfUnreferenced', () => {
  let userId: number
  beforeAll(() => {
    userId = getDb()
      .insert(user)
      .values({ email: 'store@example.org', name: 'Store', passwordHash: 'x' })
      .returning()
      .get().id
  })

  it('keeps bytes a pending upload still names, and deletes them once nothing does', async () => {
    const bytes = fixture('clip.webm')
    const blob = await storeUpload(chunked(bytes).source)
    getDb()
      .insert(pendingUpload)
      .values({ id: 'a'.repeat(32), userId, ...blob, originalName: 'clip.webm' })
      .run()
    expect(removeBlobIfUnreferenced(blob.sha256)).toBe(false)
    expect(fs.existsSync(uploadPath(blob.sha256))).toBe(true)
    getDb().delete(pendingUpload).run()
    expect(removeBlobIfUnreferenced(blob.sha256)).toBe(true)
    expect(fs.existsSync(uploadPath(blob.sha256))).toBe(false)
  })

  it('never takes a path from outside', () => {
    expect(removeBlobIfUnreferenced('../../portal.db')).toBe(false)
    expect(() => uploadPath('../x')).toThrow()
  })
})

describe('sweepUploadsAtStartup: after a kill -9', () => {
  // Bundled once (esbuild, packages external) so that each process starts fast, as the meeting race test does.
  const workerFile = path.resolve(`node_modules/.cache/parlnet-kill/worker-${process.pid}.mjs`)
  let userId: number
  beforeAll(async () => {
    await build({
      entryPoints: ['app/utils/file-store.kill-worker.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: workerFile,
      tsconfig: 'tsconfig.json',
      logLevel: 'warning',
      plugins: [
        {
          name: 'external-packages',
          setup(b) {
            b.onResolve({ filter: /^[^./~#]/ }, (args) => ({ path: args.path, external: true }))
          },
        },
      ],
    })
    userId = getDb()
      .insert(user)
      .values({ email: 'killed@example.org', name: 'Killed', passwordHash: 'x' })
      .returning()
      .get().id
  })
  afterAll(() => fs.rmSync(workerFile, { force: true }))

  /** Runs the worker on `bytes`, waits for its line, kills it with SIGKILL; returns the line. */
  async function killDuring(mode: 'mid' | 'stored' | 'recorded', bytes: Buffer) {
    const input = path.join(process.env.DATA_DIR!, `input-${mode}-${Date.now()}`)
    fs.writeFileSync(input, bytes)
    const child = spawn(process.execPath, [workerFile, mode, input, String(userId)], {
      env: { ...process.env, DATA_DIR: process.env.DATA_DIR },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const line = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk
        if (out.includes('\n')) resolve(out.trim())
      })
      child.on('exit', (code) => reject(new Error(`worker exited (${code}) before saying how far it got: ${out}`)))
    })
    const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    fs.rmSync(input)
    return line
  }

  it('removes the partial file of an upload killed mid-way and a blob killed before its row; keeps every named blob', async () => {
    const clip = fixture('clip.mp4')
    expect(await killDuring('mid', clip)).toBe('writing')
    expect(tempFiles()).toHaveLength(1)

    const orphan = await killDuring('stored', fixture('arabic.pdf'))
    const orphanSha = orphan.split(' ')[1]!
    expect(orphanSha).toBe(sha(fixture('arabic.pdf')))
    expect(fs.existsSync(uploadPath(orphanSha))).toBe(true)

    const recorded = (await killDuring('recorded', fixture('poster.jpg'))).split(' ')[1]!
    expect(
      getDb()
        .select()
        .from(pendingUpload)
        .all()
        .map((r) => r.sha256),
    ).toContain(recorded)

    // Blobs named by a resource file and by a request's attachment, written in this process.
    const webm = await storeUpload(chunked(fixture('clip.webm')).source)
    const named = { resource: webm.sha256, request: '' }
    const db = getDb().$client
    db.pragma('foreign_keys = OFF')
    getDb()
      .insert(resourceFile)
      .values({
        resourceId: 999,
        sha256: webm.sha256,
        size: webm.size,
        mediaType: webm.mediaType,
        originalName: 'a.webm',
        role: 'document',
      })
      .run()
    const png = await storeUpload(chunked((await acceptedSamples()).find(([n]) => n === 'dot.png')![1]).source)
    named.request = png.sha256
    getDb()
      .insert(assistanceRequestFile)
      .values({
        requestId: 999,
        sha256: png.sha256,
        size: png.size,
        mediaType: png.mediaType,
        originalName: 'a.png',
        uploadedById: userId,
      })
      .run()
    db.pragma('foreign_keys = ON')
    // A stray file that is not a blob is nobody's to judge: left alone.
    const stray = path.join(path.dirname(uploadPath(orphanSha)), 'README')
    fs.writeFileSync(stray, 'x')

    // (The blobs earlier tests stored without a row are orphans too.)
    const swept = sweepUploadsAtStartup()
    expect(swept.temp).toBe(1)
    expect(swept.orphans).toBeGreaterThanOrEqual(1)
    expect(tempFiles()).toEqual([])
    expect(fs.existsSync(uploadPath(orphanSha))).toBe(false)
    const left = fs
      .readdirSync(path.join(process.env.DATA_DIR!, 'uploads'))
      .filter((d) => d !== 'tmp')
      .flatMap((d) => fs.readdirSync(path.join(process.env.DATA_DIR!, 'uploads', d)))
      .filter((name) => name !== 'README')
    expect(left.sort()).toEqual([recorded, named.resource, named.request].sort())
    expect(fs.existsSync(stray)).toBe(true)
    // Nothing more to do the second time.
    expect(sweepUploadsAtStartup()).toEqual({ temp: 0, orphans: 0 })
    fs.rmSync(stray)
  }, 60_000)
})

describe('cleanTempUploads', () => {
  it('removes only old temporary files', () => {
    fs.mkdirSync(tempDir(), { recursive: true })
    const old = path.join(tempDir(), 'old')
    const fresh = path.join(tempDir(), 'fresh')
    fs.writeFileSync(old, 'x')
    fs.writeFileSync(fresh, 'x')
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    fs.utimesSync(old, hourAgo, hourAgo)
    expect(cleanTempUploads()).toBe(1)
    expect(tempFiles()).toEqual(['fresh'])
    fs.rmSync(fresh)
  })
})
