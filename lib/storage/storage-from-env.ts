import { env, s3ConfigOf, type Env } from "@/lib/env";
import { localFileStorage, uploadsDirOf, type FileStorage } from "./file-storage";
import { s3FileStorage } from "./s3-storage";

/** Uploads on the S3-compatible storage when S3_* is set, else under DATA_DIR/uploads. */
export function fileStorageFromEnv(e: Env): FileStorage {
  const s3 = s3ConfigOf(e);
  return s3 ? s3FileStorage(s3) : localFileStorage(uploadsDirOf(e.DATA_DIR));
}

let storage: FileStorage | undefined;

/** This process's file storage, from its environment (made once). */
export function getFileStorage(): FileStorage {
  storage ??= fileStorageFromEnv(env());
  return storage;
}
