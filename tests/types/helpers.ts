/**
 * Compile-only assertions for the type tests (tests/types/*.ts are checked by `tsc --noEmit`,
 * never run). `Expect<Equal<A, B>>` fails to compile unless A and B are the same type.
 */
export type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/** Compiles only with `true`. */
export type Expect<T extends true> = T;

/** `expectType<Page<Order>>()(value)`: fails to compile unless `value`'s type is exactly the one named. */
export function expectType<Expected>() {
  return <Actual>(
    value: Actual,
    ..._exact: Equal<Actual, Expected> extends true ? [] : ['types differ', Actual]
  ): Actual => value;
}
