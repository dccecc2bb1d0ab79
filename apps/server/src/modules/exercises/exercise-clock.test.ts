import { describe, expect, it } from 'vitest';
import { exerciseClock as clock, type ClockSegment } from './exercise-clock.ts';

const t0 = new Date('2026-12-06T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('exercise clock', () => {
  it('runs at its speed, stands still while paused and goes on from where it stopped', () => {
    let c: ClockSegment[] = clock.change([], t0, { running: true, speed: 60 });
    expect(clock.elapsedAt(c, at(1000))).toBe(60_000);
    c = clock.change(c, at(2000), { running: false, speed: 60 });
    expect(clock.elapsedAt(c, at(10_000))).toBe(120_000);
    c = clock.change(c, at(10_000), { running: true, speed: 120 });
    expect(clock.elapsedAt(c, at(11_000))).toBe(240_000);
    // An instant before the pause still maps to the scenario time it had then.
    expect(clock.elapsedAt(c, at(1500))).toBe(90_000);
  });

  it('says when the running clock reaches a scenario time, and nothing while paused', () => {
    const c = clock.change([], t0, { running: true, speed: 60 });
    expect(clock.wallAt(c, 600_000)?.toISOString()).toBe(at(10_000).toISOString());
    expect(clock.wallAt(clock.change(c, at(1000), { running: false, speed: 60 }), 600_000)).toBeNull();
    expect(clock.elapsedAt([], t0)).toBe(0);
  });
});
