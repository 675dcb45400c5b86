import { fromNow } from '../../../src';
import { Order, expectValidation, offlineClient } from '../fixtures';

// 2023-11-14T22:13:20.000Z
const NOW = 1_700_000_000_000;

describe('fromNow', () => {
  it('adds each unit to a fixed now, in epoch seconds', () => {
    expect(fromNow({ days: 7, hours: 12 }, NOW)).toBe(1_700_000_000 + 7 * 86_400 + 12 * 3_600);
    expect(fromNow({ weeks: 1, minutes: 30, seconds: 5 }, NOW)).toBe(1_700_000_000 + 604_800 + 1_800 + 5);
    expect(fromNow({}, NOW)).toBe(1_700_000_000);
  });

  it('rounds down to whole seconds', () => {
    expect(fromNow({ seconds: 1 }, NOW + 999)).toBe(1_700_000_001);
    expect(fromNow({ seconds: 0.5 }, NOW)).toBe(1_700_000_000);
  });

  it('accepts negative durations (a time in the past)', () => {
    expect(fromNow({ days: -1 }, NOW)).toBe(1_700_000_000 - 86_400);
  });

  it('defaults to the current time', () => {
    const before = Math.floor(Date.now() / 1000);
    const value = fromNow({ hours: 1 });
    expect(value).toBeGreaterThanOrEqual(before + 3_600);
    expect(value).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 3_600);
  });

  it('is on every repository as ttl.fromNow', () => {
    expect(offlineClient().getRepository(Order).ttl.fromNow({ days: 1 }, NOW)).toBe(1_700_000_000 + 86_400);
  });

  it('refuses non-finite or non-number units, naming them', () => {
    expectValidation(() => fromNow({ days: NaN }, NOW), /fromNow\(\): "days" must be a finite number/);
    expectValidation(() => fromNow({ hours: '1' as never }, NOW), /"hours" must be a finite number/);
    expectValidation(
      () => fromNow(null as never, NOW),
      /fromNow\(\) takes \{ weeks\?, days\?, hours\?, minutes\?, seconds\? \}/,
    );
  });
});
