/**
 * The time offers open and close by. One place to read it, so that tests can put the plugin on
 * another day (`jest.spyOn(clock, 'now')`) while the real database and outbox run.
 */
const createClockService = () => ({
  now(): Date {
    return new Date();
  },
});

export type ClockService = ReturnType<typeof createClockService>;
export default createClockService;
