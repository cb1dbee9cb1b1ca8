import type { BoardSnapshot } from '../model/snapshot.ts';

/** The parts of a board a template keeps, comparable across two boards (ids differ). */
export function structureOf(b: BoardSnapshot) {
  const stage = new Map(b.stages.map((s) => [s.id, s.name]));
  const lane = new Map(b.lanes.map((l, i) => [l.id, `${i}:${l.name}`]));
  const persona = new Map(b.personas.map((p) => [p.id, p.name]));
  const noteAt = new Map(b.notes.map((n, i) => [n.id, i]));
  return {
    stages: b.stages.map((s) => [s.name, s.description]),
    lanes: b.lanes.map((l) => [l.name, l.kind]),
    personas: b.personas.map((p) => [p.name, p.role, p.goals, p.quote, p.colour]),
    notes: b.notes.map((n) => [
      stage.get(n.position.stageId),
      lane.get(n.position.laneId),
      n.kind,
      n.text,
      n.colour,
      n.sentiment,
      n.department,
      n.personaIds.map((id) => persona.get(id)).sort(),
    ]),
    kpis: b.kpis.map((k) => [stage.get(k.stageId), k.metric, k.unit, k.direction, k.target]),
    // Ends by position in board order (ids differ), sorted: connectors sort by their random id.
    connectors: b.connectors
      .map((c) => [noteAt.get(c.from), noteAt.get(c.to), c.kind, c.label, c.share])
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
  };
}
