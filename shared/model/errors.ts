/** Commands reject bad input with a typed error value, never a partial write. */
export type CommandErrorCode = 'invalid-input' | 'not-found' | 'needs-decision' | 'read-only';

export class CommandError extends Error {
  readonly code: CommandErrorCode;
  constructor(code: CommandErrorCode, message: string) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
  }
}
