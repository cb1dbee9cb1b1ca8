import type { z } from 'zod';
import type * as Y from 'yjs';
import { ORIGIN } from '../../doc/origins.ts';
import type { BoardSnapshot } from '../snapshot.ts';
import { createContext, type Actor } from './context.ts';
import { type CommandDef, parseInput, transactCommand } from './define.ts';
import * as channels from './channelCommands.ts';
import * as connectors from './connectorCommands.ts';
import * as kpis from './kpiCommands.ts';
import * as notes from './noteCommands.ts';
import * as paths from './pathCommands.ts';
import * as personas from './personaCommands.ts';
import * as structure from './structureCommands.ts';

export type { Actor } from './context.ts';
export { linkActionIssue } from './actionCommands.ts';
export { mirrorKpiSeries } from './kpiCommands.ts';
export { clipboardNoteSchema, isLeftEmpty, pasteCellFor, type ClipboardNote } from './noteCommands.ts';

/** Every user intent on the board, by name. */
export const COMMANDS = {
  renameBoard: structure.renameBoard,
  addStage: structure.addStage,
  renameStage: structure.renameStage,
  describeStage: structure.describeStage,
  moveStage: structure.moveStage,
  removeStage: structure.removeStage,
  addLane: structure.addLane,
  renameLane: structure.renameLane,
  setLaneKind: structure.setLaneKind,
  moveLane: structure.moveLane,
  removeLane: structure.removeLane,
  addNote: notes.addNote,
  editNoteText: notes.editNoteText,
  moveNotes: notes.moveNotes,
  updateNotes: notes.updateNotes,
  deleteNotes: notes.deleteNotes,
  discardEmptyNote: notes.discardEmptyNote,
  duplicateNotes: notes.duplicateNotes,
  pasteNotes: notes.pasteNotes,
  setNoteAction: notes.setNoteAction,
  addPersona: personas.addPersona,
  updatePersona: personas.updatePersona,
  removePersona: personas.removePersona,
  tagNotes: personas.tagNotes,
  setKpi: kpis.setKpi,
  updateKpi: kpis.updateKpi,
  removeKpi: kpis.removeKpi,
  importKpis: kpis.importKpis,
  addConnector: connectors.addConnector,
  retypeConnector: connectors.retypeConnector,
  relabelConnector: connectors.relabelConnector,
  setConnectorShare: connectors.setConnectorShare,
  reconnectConnector: connectors.reconnectConnector,
  deleteConnectors: connectors.deleteConnectors,
  addChannel: channels.addChannel,
  updateChannel: channels.updateChannel,
  moveChannel: channels.moveChannel,
  removeChannel: channels.removeChannel,
  setNoteChannel: channels.setNoteChannel,
  markHappyPath: paths.markHappyPath,
  clearHappyPath: paths.clearHappyPath,
} satisfies Record<string, CommandDef<z.ZodType, unknown>>;

type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandResult<N extends CommandName> = ReturnType<Commands[N]['run']>;

/**
 * Validates the input, then runs the command in one transaction with the given origin.
 * Throws CommandError; a rejected command writes nothing.
 */
export function executeCommand<N extends CommandName>(
  doc: Y.Doc,
  actor: Actor,
  name: N,
  input: CommandInput<N>,
  origin: string = ORIGIN.local,
  current?: () => BoardSnapshot,
): CommandResult<N> {
  const def = COMMANDS[name] as unknown as CommandDef<z.ZodType, CommandResult<N>>;
  return executeDef(doc, actor, def, input, origin, current);
}

/** `executeCommand` for a command outside the user table (the server's own, e.g. `mirrorKpiSeries`). */
export function executeDef<S extends z.ZodType, R>(
  doc: Y.Doc,
  actor: Actor,
  def: CommandDef<S, R>,
  input: z.input<S>,
  origin: string,
  current?: () => BoardSnapshot,
): R {
  const data = parseInput(def.input, input);
  // A live snapshot saves re-reading every record per command; it is only current between
  // transactions, so a command nested in someone else's transaction reads the doc itself.
  const ctx = createContext(doc, actor, Date.now(), doc._transaction === null ? current : undefined);
  return transactCommand(doc, origin, () => def.run(ctx, data));
}
