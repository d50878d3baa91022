/**
 * Why a change to a document cannot be made on this device: codes with parameters, which the
 * screen that offered the action says in the user's language.
 */

/** The scan service has destroyed the paper original (eight-week rule): it cannot be requested. */
export class OriginalDestroyedError extends Error {
  readonly code = 'original-destroyed';
  readonly params: { readonly retainedUntil: string };
  constructor(retainedUntil: string) {
    super(`paper original kept until ${retainedUntil} only`);
    this.name = 'OriginalDestroyedError';
    this.params = { retainedUntil };
  }
}

/** The document has no paper original at the scan service (an outgoing letter, or older data). */
export class NoPaperOriginalError extends Error {
  readonly code = 'no-paper-original';
  constructor() {
    super('document has no paper original');
    this.name = 'NoPaperOriginalError';
  }
}

/** Only scanned incoming mail can be misfiled; an outgoing letter cannot be reported. */
export class NotAScanError extends Error {
  readonly code = 'document-not-a-scan';
  constructor() {
    super('document is not a scan');
    this.name = 'NotAScanError';
  }
}

/** Reported as misfiled on this device: it is on its way out of the case, nothing more is done to it. */
export class DocumentReportedMisfiledError extends Error {
  readonly code = 'document-reported-misfiled';
  constructor() {
    super('document reported as misfiled');
    this.name = 'DocumentReportedMisfiledError';
  }
}

/** A misfiling report needs a reason of 1 to 1000 characters (after trimming). */
export class MisfiledReasonError extends Error {
  readonly code: 'misfiled-reason-empty' | 'misfiled-reason-too-long';
  readonly params: { readonly max: number };
  constructor(code: MisfiledReasonError['code'], max: number) {
    super(code);
    this.name = 'MisfiledReasonError';
    this.code = code;
    this.params = { max };
  }
}
