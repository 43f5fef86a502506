/** A stretch of an article body: plain text, or part of the directive of one task. */
export interface Segment {
  start: number;
  end: number;
  /** The task whose assigning words these are (the innermost one where spans nest), or null. */
  taskId: string | null;
}

export interface TaskSpan {
  taskId: string;
  start: number;
  end: number;
}

/**
 * Cuts a body of `length` characters into segments so that every directive can be highlighted, even where spans
 * overlap or nest (a clause inside a sentence): each segment goes to the shortest span covering it.
 */
export function segmentBody(length: number, spans: readonly TaskSpan[]): Segment[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= length && s.end > s.start);
  const cuts = new Set<number>([0, length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    let best: TaskSpan | null = null;
    for (const s of valid) {
      if (s.start <= start && s.end >= end && (!best || s.end - s.start < best.end - best.start)) best = s;
    }
    const taskId = best?.taskId ?? null;
    const prev = out.at(-1);
    if (prev && prev.taskId === taskId) prev.end = end;
    else out.push({ start, end, taskId });
  }
  return out.filter((s) => s.end > s.start);
}
