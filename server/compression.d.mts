import type { Request, RequestHandler, Response } from 'express'
import type { ServeStaticOptions } from 'serve-static'
export function shouldCompress(req: Request, res: Response): boolean
export function compressResponses(): RequestHandler
export function readyToCompress(res: Response, response: globalThis.Response): Promise<globalThis.Response>
export function precompressedStatic(root: string, options?: ServeStaticOptions): RequestHandler
