import { describeConnector, type BoardSnapshot, type Connector, type Note } from '../../shared/index.ts';
import { useSession } from '../board/hooks.ts';
import { noteChoiceLabel } from '../ui/ConnectDialog.tsx';

/**
 * One connector as a sentence, with its Delete button (and an orphan's Reconnect to…) for those
 * who may change the board.
 */
function ConnectorItem({
  connector,
  what,
  readOnly,
  orphan = false,
}: {
  connector: Connector;
  what: string;
  readOnly: boolean;
  orphan?: boolean;
}) {
  const session = useSession();
  return (
    <li>
      <span>{what}</span>
      {!readOnly && orphan && (
        <button
          type="button"
          className="tb-button"
          aria-label={`Reconnect to… the connector ${what}`}
          onClick={() => session.editor.update({ reconnect: connector.id })}
        >
          Reconnect to…
        </button>
      )}
      {!readOnly && (
        <button
          type="button"
          className="tb-button danger"
          aria-label={`Delete the connector ${what}`}
          onClick={() => session.run('deleteConnectors', { connectorIds: [connector.id] })}
        >
          Delete
        </button>
      )}
    </li>
  );
}

/** The connectors that leave a note, each as a sentence: "Next step, 40 % → Purchase · Touchpoints: Pays". */
export function NoteConnectors({ note, board, readOnly }: { note: Note; board: BoardSnapshot; readOnly: boolean }) {
  const out = board.connectors.filter((c) => c.from === note.id);
  if (out.length === 0) return null;
  return (
    <ul className="outline-connectors" aria-label="Connectors from this note">
      {out.map((c) => (
        <ConnectorItem
          key={c.id}
          connector={c}
          what={`${describeConnector(c)} to ${noteChoiceLabel(board, c.to)}`}
          readOnly={readOnly}
        />
      ))}
    </ul>
  );
}

/**
 * Connectors whose note someone deleted while another person drew or changed them: kept, and
 * listed here so the team can reconnect or delete them on purpose.
 */
export function OrphanConnectors({ board, readOnly }: { board: BoardSnapshot; readOnly: boolean }) {
  if (board.orphanConnectors.length === 0) return null;
  return (
    <section className="outline-orphans" aria-labelledby="outline-orphan-connectors">
      <h2 id="outline-orphan-connectors">Connectors to a deleted note</h2>
      <ul className="outline-connectors">
        {board.orphanConnectors.map((c) => (
          <ConnectorItem
            key={c.id}
            connector={c}
            what={`${describeConnector(c)} from ${noteChoiceLabel(board, c.from)} to ${noteChoiceLabel(board, c.to)}`}
            readOnly={readOnly}
            orphan
          />
        ))}
      </ul>
    </section>
  );
}
