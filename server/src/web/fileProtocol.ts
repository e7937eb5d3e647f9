// The two requests the web worker server sends to the VS Code client for the workspace's files (it has no file
// system of its own): listing a folder's C sources and reading one. Types only, shared by both sides.
import type { SourceRead } from '../sourceFiles';

/** `condis/findFiles`: the C sources below `folder` (a workspace folder URI), bounded like the disk listing. */
export const FIND_FILES = 'condis/findFiles';
export interface FindFilesParams { folder: string; maxFiles: number }
export interface FindFilesResult { files: string[]; problems: { where: string; why: string }[] }

/** `condis/readFile`: one file's text (decoded as decodeSource.ts does), refused over `maxBytes`, binary or a link. */
export const READ_FILE = 'condis/readFile';
export interface ReadFileParams { uri: string; maxBytes: number }
export type ReadFileResult = SourceRead;
