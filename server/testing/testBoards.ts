import { afterEach } from 'vitest';
import type { Role } from '../../shared/protocol/roles.ts';
import type { HeldPerson } from '../reveal/HeldAudience.ts';
import type { HeldConnectOptions } from './heldClient.ts';
import { ann, fran } from './people.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from './postgres.ts';
import {
  createBoardWithLinks,
  makeTempDir,
  removeDir,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from './testServer.ts';

export type Connect<Client, Person> = (
  wsUrl: string,
  boardId: string,
  token: string,
  person: Person,
  options?: HeldConnectOptions,
) => Promise<Client>;

/** A board made for a test: its id, its links' tokens, and `join`, which connects a kept client to it. */
export interface TestBoard<Client, Person> {
  readonly id: string;
  readonly tokens: Record<Role, string>;
  join(role: Role, person: Person, options?: HeldConnectOptions): Promise<Client>;
}

/**
 * The set-up server tests repeat: one real server at a time, boards on it, and the test's clients
 * (VotingClient, PrivateWritingClient, recording providers) connected to it. `join` always
 * reaches the server running now, so a test restarts the server (`stop`, then `start` on the same
 * data) and joins the same board again. `close()` (after each test, with `testBoards`) ends everything
 * the test made. `Person` is who a client connects as, for clients that say (void for the others).
 */
export class TestBoards<Client extends { destroy(): void }, Person = void> {
  private current: TestServer | undefined;
  private readonly clients: Client[] = [];
  private readonly dirs: string[] = [];
  private readonly connect: Connect<Client, Person>;

  constructor(connect: Connect<Client, Person>) {
    this.connect = connect;
  }

  get server(): TestServer {
    if (!this.current) throw new Error('no test server is running: start() or board() first');
    return this.current;
  }

  async start(
    options: TestServerOptions = {},
    serverOptions: Parameters<typeof startTestServer>[1] = {},
  ): Promise<TestServer> {
    this.current = await startTestServer(options, serverOptions);
    return this.current;
  }

  /**
   * Starts a server and makes a board (`create` is the POST /api/boards body): by default from the
   * e-commerce template, with notes of every kind to work on.
   */
  async board(
    options: TestServerOptions = {},
    create: Record<string, unknown> = { template: 'ecommerce' },
  ): Promise<TestBoard<Client, Person>> {
    await this.start(options);
    const { id, tokens } = await createBoardWithLinks(this.server.url, create);
    return { id, tokens, join: (role, person, options) => this.join(id, tokens[role], person, options) };
  }

  /**
   * A board with its facilitator and one editor joined (Fran and Ann unless named), where the
   * voting and private-writing tests start.
   */
  async workshop(
    this: TestBoards<Client, HeldPerson>,
    options: TestServerOptions = {},
    people: { readonly facilitator?: HeldPerson; readonly editor?: HeldPerson } = {},
  ): Promise<TestBoard<Client, HeldPerson> & { readonly facilitator: Client; readonly editor: Client }> {
    const board = await this.board(options);
    const facilitator = await board.join('facilitator', people.facilitator ?? fran);
    return { ...board, facilitator, editor: await board.join('editor', people.editor ?? ann) };
  }

  /** Connects `person` to the board on the server running now; the client ends with the test. */
  async join(boardId: string, token: string, person: Person, options?: HeldConnectOptions): Promise<Client> {
    const client = await this.connect(this.server.wsUrl, boardId, token, person, options);
    this.clients.push(client);
    return client;
  }

  /** A data folder that outlives a restart; removed when the test ends. */
  dataDir(): string {
    const dir = makeTempDir();
    this.dirs.push(dir);
    return dir;
  }

  /** Disconnects every client; the server runs on (and unloads a board nobody is on). */
  disconnect(): void {
    this.clients.splice(0).forEach((c) => c.destroy());
  }

  /** Disconnects every client and stops the server (its data stays for the next start). */
  async stop(): Promise<void> {
    this.disconnect();
    await this.current?.close();
    this.current = undefined;
  }

  /** Runs `body` with the options of a fresh PostgreSQL schema, dropped once the server has stopped. */
  async onPostgres(body: (pg: TestServerOptions) => Promise<void>): Promise<void> {
    const schema = uniqueSchema();
    try {
      await body({ databaseUrl: TEST_DATABASE_URL, databaseSchema: schema });
    } finally {
      await this.stop();
      await dropSchema(schema);
    }
  }

  async close(): Promise<void> {
    await this.stop();
    this.dirs.splice(0).forEach(removeDir);
  }
}

/** The test file's TestBoards, closed after each test. */
export function testBoards<Client extends { destroy(): void }, Person = void>(
  connect: Connect<Client, Person>,
): TestBoards<Client, Person> {
  const boards = new TestBoards(connect);
  afterEach(() => boards.close());
  return boards;
}
