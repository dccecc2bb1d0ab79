/** One stretch of scenario time: from wall instant `at`, scenario time `elapsedMs` advances at `speed` while running. */
export interface ClockSegment {
  at: string;
  elapsedMs: number;
  speed: number;
  running: boolean;
}

/**
 * Scenario time of a run. A run is started, paused, resumed and sped up; each change opens a segment,
 * so every wall instant (an inject delivered, an action taken) maps back to scenario time exactly.
 */
export const exerciseClock = {
  /** Scenario milliseconds elapsed at a wall instant (0 before the start). */
  elapsedAt(clock: readonly ClockSegment[], wall: Date): number {
    let seg: ClockSegment | undefined;
    for (const s of clock) {
      if (Date.parse(s.at) <= wall.getTime()) seg = s;
      else break;
    }
    if (!seg) return 0;
    return seg.running ? seg.elapsedMs + (wall.getTime() - Date.parse(seg.at)) * seg.speed : seg.elapsedMs;
  },

  /** The wall instant at which the running clock reaches `elapsedMs` (null when paused or never started). */
  wallAt(clock: readonly ClockSegment[], elapsedMs: number): Date | null {
    const seg = clock.at(-1);
    if (!seg || !seg.running) return null;
    return new Date(Date.parse(seg.at) + (elapsedMs - seg.elapsedMs) / seg.speed);
  },

  /** The clock with a new segment from `now`: running or not, at a speed. */
  change(clock: readonly ClockSegment[], now: Date, next: { running: boolean; speed: number }): ClockSegment[] {
    return [...clock, { at: now.toISOString(), elapsedMs: exerciseClock.elapsedAt(clock, now), speed: next.speed, running: next.running }];
  },
};
