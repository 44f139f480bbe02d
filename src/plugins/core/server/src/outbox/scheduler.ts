/**
 * Recurring work without a second mechanism: every instance computes the current slot of each
 * schedule and enqueues it with the idempotency key `schedule:<name>:<slot>`. The unique key
 * makes the slot's job exist once however many instances try; the outbox then runs it once.
 * A slot's job may run until the next slot (an instance that was down at 03:30 still runs the
 * night's retention when it starts at 8:00), then it expires; missed slots are not replayed.
 */

export const SCHEDULE_TIME_ZONE = 'Europe/Paris';

export type Schedule =
  | {
      /** Unique, e.g. `core.retention`. */
      name: string;
      /** The job name to enqueue (a handler registered with `handle`). */
      job: string;
      /** Every day at this time, Europe/Paris (HH:MM, outside 02:00–02:59, which daylight saving skips or repeats). */
      every: 'day';
      at: string;
      payload?: unknown;
      centre?: number | null;
    }
  | {
      name: string;
      job: string;
      /** Every hour at this minute (default 0). */
      every: 'hour';
      minute?: number;
      payload?: unknown;
      centre?: number | null;
    };

export interface Slot {
  key: string;
  runAt: number;
  /** The next slot: a slot's job does not run after it. */
  expiresAt: number;
}

const HOUR_MS = 3600000;

const parisFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SCHEDULE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in Paris at an instant. */
export function parisWall(instant: number): Wall {
  const parts = Object.fromEntries(
    parisFormat.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

function parisOffsetMs(instant: number): number {
  const wall = parisWall(instant);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The instant a Paris wall-clock time happens (times daylight saving skips are not asked for). */
export function parisToInstant(year: number, month: number, day: number, hour: number, minute: number): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const first = naive - parisOffsetMs(naive);
  return naive - parisOffsetMs(first);
}

function dateKey(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar day `shift` days from the given one. */
function shiftDay(year: number, month: number, day: number, shift: number) {
  const date = new Date(Date.UTC(year, month - 1, day + shift));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function parseTime(at: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!match) throw new Error(`Schedule time "${at}" must be HH:MM`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

export function validateSchedule(schedule: Schedule): void {
  if (!/^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(schedule.name)) {
    throw new Error(`Schedule name "${schedule.name}" must look like <plugin>.<what>`);
  }
  if (schedule.every === 'day') {
    const { hour } = parseTime(schedule.at);
    if (hour === 2) {
      throw new Error(
        `Schedule ${schedule.name}: 02:00–02:59 is skipped or repeated by daylight saving in ${SCHEDULE_TIME_ZONE}; pick another time`,
      );
    }
  } else if (schedule.every === 'hour') {
    const minute = schedule.minute ?? 0;
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
      throw new Error(`Schedule ${schedule.name}: minute must be 0 to 59`);
    }
  } else {
    throw new Error(`Schedule ${(schedule as { name: string }).name}: every must be 'day' or 'hour'`);
  }
}

/** The latest slot of `schedule` at or before `now`. */
export function currentSlot(schedule: Schedule, now: number): Slot {
  if (schedule.every === 'hour') {
    const minuteMs = (schedule.minute ?? 0) * 60000;
    let runAt = Math.floor(now / HOUR_MS) * HOUR_MS + minuteMs;
    if (runAt > now) runAt -= HOUR_MS;
    return {
      key: `schedule:${schedule.name}:${new Date(runAt).toISOString().slice(0, 16)}Z`,
      runAt,
      expiresAt: runAt + HOUR_MS,
    };
  }
  const { hour, minute } = parseTime(schedule.at);
  const today = parisWall(now);
  let day = { year: today.year, month: today.month, day: today.day };
  let runAt = parisToInstant(day.year, day.month, day.day, hour, minute);
  if (runAt > now) {
    day = shiftDay(day.year, day.month, day.day, -1);
    runAt = parisToInstant(day.year, day.month, day.day, hour, minute);
  }
  const next = shiftDay(day.year, day.month, day.day, 1);
  return {
    key: `schedule:${schedule.name}:${dateKey(day.year, day.month, day.day)}`,
    runAt,
    expiresAt: parisToInstant(next.year, next.month, next.day, hour, minute),
  };
}

export type SlotEnqueue = (schedule: Schedule, slot: Slot) => Promise<{ id: number; created: boolean }>;

const TICK_MS = 60000;

/** Holds the schedules and enqueues their slots: at start, then every minute. */
export class Scheduler {
  private readonly schedules = new Map<string, Schedule>();
  /** Last slot enqueued per schedule by this instance: spares the database a no-op insert each minute. */
  private readonly enqueued = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<unknown> | undefined;

  constructor(
    private readonly enqueue: SlotEnqueue,
    private readonly onError: (message: string) => void,
  ) {}

  add(schedule: Schedule): void {
    validateSchedule(schedule);
    if (this.schedules.has(schedule.name)) throw new Error(`Schedule ${schedule.name} is already registered`);
    this.schedules.set(schedule.name, schedule);
    if (this.timer) void this.tick();
  }

  list(): Schedule[] {
    return [...this.schedules.values()];
  }

  /** Enqueues the current slot of every schedule; returns what each did. */
  async tick(now: number = Date.now()): Promise<{ schedule: string; key: string; id: number; created: boolean }[]> {
    const results: { schedule: string; key: string; id: number; created: boolean }[] = [];
    for (const schedule of this.schedules.values()) {
      const slot = currentSlot(schedule, now);
      if (this.enqueued.get(schedule.name) === slot.key) continue;
      try {
        const job = await this.enqueue(schedule, slot);
        this.enqueued.set(schedule.name, slot.key);
        results.push({ schedule: schedule.name, key: slot.key, ...job });
      } catch (error) {
        this.onError(`Schedule ${schedule.name}: could not enqueue ${slot.key}: ${(error as Error).message}`);
      }
    }
    return results;
  }

  /** Forgets which slots this instance already enqueued (tests, clock changes). */
  reset(): void {
    this.enqueued.clear();
  }

  start(): void {
    if (this.timer) return;
    const run = () => {
      if (!this.ticking) this.ticking = this.tick().finally(() => (this.ticking = undefined));
    };
    this.timer = setInterval(run, TICK_MS);
    this.timer.unref();
    run();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }
}
