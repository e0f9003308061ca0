// A document that cannot be processed: the ingest path turns this into a `rejected` version with
// the code and message, instead of retrying. Anything else thrown is treated as transient.
export class DocumentRejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentRejection';
  }
}

export const isDocumentRejection = (e: unknown): e is DocumentRejection => e instanceof DocumentRejection;
