import { type Compilable, CompiledQuery, type Kysely } from 'kysely';

/** Marks where a named value lands among a compiled query's parameters; no real value starts with NUL. */
const SLOT = '\u0000journeyboard-slot:';

/**
 * A fixed query compiled once and run with new values. Building and compiling a query
 * through Kysely (and the camelCase plugin) costs more than running it; a query run per connection
 * or per batch paid that on every call. The query is built once with a marker in place of each
 * value, compiled for the database's dialect, and each run sends the same SQL with the values put
 * where the markers were. It runs through the same Kysely instance as any other query: it waits its
 * turn for the connection and its rows go through the same plugins (camelCase names).
 */
export class PreparedQuery<Args extends object, Row> {
  readonly #db: Pick<Kysely<unknown>, 'executeQuery'>;
  readonly #sql: string;
  /** Per parameter: the name of the value it takes, or the constant the query was built with. */
  readonly #parameters: readonly ({ readonly name: keyof Args } | { readonly constant: unknown })[];

  constructor(
    db: Pick<Kysely<unknown>, 'executeQuery'>,
    names: readonly (keyof Args & string)[],
    build: (args: Args) => Compilable<Row>,
  ) {
    this.#db = db;
    const markers = Object.fromEntries(names.map((name) => [name, SLOT + name])) as unknown as Args;
    const compiled = build(markers).compile();
    this.#sql = compiled.sql;
    this.#parameters = compiled.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(SLOT) ? { name: p.slice(SLOT.length) as keyof Args } : { constant: p },
    );
    const used = new Set(this.#parameters.flatMap((p) => ('name' in p ? [p.name] : [])));
    const unused = names.filter((name) => !used.has(name));
    // A value the builder turned into SQL text (or dropped) would be silently fixed at its marker.
    if (unused.length > 0) throw new Error(`PreparedQuery: ${unused.join(', ')} not bound as parameters`);
  }

  /** Runs the query with these values, on `db` (a transaction of the same builder) or the builder it was made with. */
  async execute(args: Args, db: Pick<Kysely<unknown>, 'executeQuery'> = this.#db): Promise<Row[]> {
    const parameters = this.#parameters.map((p) => ('name' in p ? args[p.name] : p.constant));
    const result = await db.executeQuery<Row>(CompiledQuery.raw(this.#sql, parameters));
    return result.rows;
  }
}
