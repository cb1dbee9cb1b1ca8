/** The two databases the storage layer speaks; migrations and the database layer both name them. */
export type DialectName = 'sqlite' | 'postgres';
