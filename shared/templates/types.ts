import type { ChannelIcon } from '../schema/channel.ts';
import type { ConnectorKind } from '../schema/connector.ts';
import type { Department } from '../schema/department.ts';
import type { KpiDirection, KpiTrend } from '../schema/kpi.ts';
import type { NoteKind } from '../schema/noteKind.ts';
import type { Persona } from '../schema/persona.ts';

export interface TemplateNote {
  /** Index into the template's stages. */
  readonly stage: number;
  /**
   * The note's kind. Its lane is the template's lane number `laneIndex` when set (saved templates,
   * where a board may have two lanes of one kind), else the template's first lane of this kind.
   */
  readonly lane: NoteKind;
  readonly laneIndex?: number;
  /** `#rrggbb`; absent or null: the colour of its kind. */
  readonly colour?: string | null;
  readonly text: string;
  readonly department: Department;
  readonly sentiment?: number;
  /** Indexes into the template's personas that this note is about. */
  readonly personas?: readonly number[];
  /** Index into the template's channels (`channels`, or the default list when it has none). */
  readonly channel?: number;
}

/** A channel of the board's list. */
interface TemplateChannel {
  readonly name: string;
  readonly icon: ChannelIcon;
}

/** A persona's words, as the board keeps them. */
interface TemplatePersona extends Pick<Persona, 'name' | 'role' | 'goals' | 'needs' | 'frustrations' | 'quote'> {
  /** `#rrggbb`; absent: the palette's colour for its position. */
  readonly colour?: string;
}

/** A metric of one stage. Built-in templates carry example values; saved ones only definitions. */
export interface TemplateKpi {
  /** Index into the template's stages. */
  readonly stage: number;
  readonly metric: string;
  readonly unit?: string;
  readonly direction?: KpiDirection;
  readonly target?: number | null;
  readonly value?: number | null;
  readonly previous?: number | null;
  readonly trend?: KpiTrend | null;
}

/** An arrow between two of the template's notes (indexes into `notes`). */
export interface TemplateConnector {
  readonly from: number;
  readonly to: number;
  readonly kind: ConnectorKind;
  readonly label?: string;
  readonly share?: number;
}

export interface BoardTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Stage names, left to right. */
  readonly stages: readonly string[];
  /** Lanes top to bottom; `kind` is the note kind the lane holds. */
  readonly lanes: readonly { readonly name: string; readonly kind: NoteKind }[];
  readonly notes: readonly TemplateNote[];
  readonly personas?: readonly TemplatePersona[];
  readonly kpis?: readonly TemplateKpi[];
  readonly connectors?: readonly TemplateConnector[];
  /** The happy path: indexes into `connectors`, in walking order; absent: none marked. */
  readonly happyPath?: readonly number[];
  /** The board's channels, in order; absent: the default list (shared/schema/channel.ts). */
  readonly channels?: readonly TemplateChannel[];
  /** Per stage, its description (saved templates); absent: none. */
  readonly stageDescriptions?: readonly string[];
}
