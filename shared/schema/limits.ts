/** Field limits checked by commands (strict on write). Readers truncate nothing. */
export const LIMITS = {
  titleLength: 120,
  nameLength: 60,
  descriptionLength: 500,
  noteTextLength: 2000,
  authorNameLength: 60,
  personaRoleLength: 80,
  personaTextLength: 600,
  personaQuoteLength: 240,
} as const;
