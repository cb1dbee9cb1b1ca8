import { z } from 'zod';

export const NOTE_KINDS = ['touchpoint', 'action', 'thought', 'emotion', 'pain', 'idea'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const noteKindSchema = z.enum(NOTE_KINDS);

/** Colour and icon per kind: the icon makes kinds tell apart without colour. */
export const NOTE_KIND_STYLE: Record<NoteKind, { label: string; colour: string; icon: string }> = {
  touchpoint: { label: 'Touchpoint', colour: '#cfe4ff', icon: '◎' },
  action: { label: 'Customer action', colour: '#d3f2dc', icon: '➜' },
  thought: { label: 'Thought', colour: '#e9defc', icon: '?' },
  emotion: { label: 'Emotion', colour: '#ffe7c2', icon: '♥' },
  pain: { label: 'Pain point', colour: '#ffd6d3', icon: '!' },
  idea: { label: 'Opportunity', colour: '#fff3a6', icon: '✦' },
};

export const SENTIMENT_MIN = -2;
export const SENTIMENT_MAX = 2;
export const sentimentSchema = z.number().int().min(SENTIMENT_MIN).max(SENTIMENT_MAX);

export const SENTIMENT_LABEL: Record<number, { label: string; face: string }> = {
  [-2]: { label: 'Very negative', face: '😫' },
  [-1]: { label: 'Negative', face: '🙁' },
  0: { label: 'Neutral', face: '😐' },
  1: { label: 'Positive', face: '🙂' },
  2: { label: 'Very positive', face: '😄' },
};
