import { useState } from 'react';
import { CONNECTOR_KIND_LABEL, CONNECTOR_KINDS, describeConnector, type Connector } from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { useIsPhone } from './layout/viewport.ts';
import { noteChoiceLabel } from './ConnectDialog.tsx';
import { placeToolbar, screenRect } from './overlayPosition.ts';
import { useMeasuredSize } from './useMeasuredSize.ts';
import { OverBoard } from './OverBoard.tsx';

/** Retype, label, share and delete the selected connector: floating over its label, a sheet on a phone. */
export function ConnectorToolbar() {
  const session = useSession();
  const board = useBoard();
  const id = useEditor((s) => s.connector);
  const camera = useEditor((s) => s.camera);
  const viewport = useEditor((s) => s.viewport);
  const phone = useIsPhone();
  const { ref, size } = useMeasuredSize({ width: 560, height: 90 });
  const orphan = id ? board.orphanConnectors.find((c) => c.id === id) : undefined;
  const connector = orphan ?? (id ? board.connectors.find((c) => c.id === id) : undefined);
  if (!connector || session.model.readOnlyReason) return null;
  const route = session.layouts.routesFor(board).find((r) => r.id === connector.id);
  // Above the connector's path (its box on the screen), like the notes' toolbar above the notes.
  const box = route
    ? screenRect(camera, route.box)
    : { x: viewport.width / 2, y: viewport.height / 2, width: 0, height: 0 };
  return (
    <OverBoard
      className={phone ? 'selection-toolbar selection-sheet connector-toolbar' : 'selection-toolbar connector-toolbar'}
      data-testid="connector-toolbar"
      role="toolbar"
      aria-label={`Connector from ${noteChoiceLabel(board, connector.from)} to ${noteChoiceLabel(board, connector.to)}`}
      ref={ref}
      style={phone ? undefined : placeToolbar(box, size, viewport)}
    >
      <span className="selection-count">{describeConnector(connector)}</span>
      <div className="connector-kinds" role="radiogroup" aria-label="Type">
        {CONNECTOR_KINDS.map((k) => (
          // biome-ignore lint/a11y/useSemanticElements: a segmented control: buttons in a radio group (WAI-ARIA), styled as one bar
          <button
            type="button"
            key={k}
            role="radio"
            aria-checked={connector.kind === k}
            className={connector.kind === k ? 'active' : ''}
            onClick={() => session.run('retypeConnector', { connectorId: connector.id, kind: k })}
          >
            {CONNECTOR_KIND_LABEL[k]}
          </button>
        ))}
      </div>
      <ConnectorFields key={connector.id} connector={connector} />
      {orphan && (
        <button
          type="button"
          className="tb-button"
          title="One of its notes was deleted: choose another"
          onClick={() => session.editor.update({ reconnect: orphan.id })}
        >
          Reconnect to…
        </button>
      )}
      <button
        type="button"
        className="tb-button danger"
        title="Delete (Del)"
        onClick={() => {
          session.run('deleteConnectors', { connectorIds: [connector.id] });
          session.editor.update({ connector: null });
        }}
      >
        Delete
      </button>
    </OverBoard>
  );
}

/** Label and share, written when the field is left or Enter is pressed. */
function ConnectorFields({ connector }: { connector: Connector }) {
  const session = useSession();
  const [label, setLabel] = useState(connector.label);
  const [share, setShare] = useState(connector.share === null ? '' : String(connector.share));
  const saveLabel = () => {
    if (label.trim() !== connector.label)
      session.run('relabelConnector', { connectorId: connector.id, label: label.trim() });
  };
  const saveShare = () => {
    const value = share.trim() === '' ? null : Number(share);
    if (value !== connector.share) session.run('setConnectorShare', { connectorId: connector.id, share: value });
  };
  const onEnter = (save: () => void) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') save();
  };
  return (
    <>
      <input
        type="text"
        className="connector-label-field"
        aria-label="Label"
        placeholder="Label"
        maxLength={60}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        onBlur={saveLabel}
        onKeyDown={onEnter(saveLabel)}
      />
      <label className="connector-share-field">
        <input
          type="number"
          aria-label="Share of customers, per cent"
          min={0}
          max={100}
          step="any"
          inputMode="decimal"
          value={share}
          onChange={(e) => setShare(e.target.value)}
          onBlur={saveShare}
          onKeyDown={onEnter(saveShare)}
        />
        <span aria-hidden>%</span>
      </label>
    </>
  );
}
