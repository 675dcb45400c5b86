/**
 * Type tests of the operator syntax: what compiles, and (with @ts-expect-error) what must not.
 * Checked by `tsc --noEmit` (npm run typecheck); never run.
 */
import { and, free, not, or, type ConditionInput, type ConditionObject, type Repository } from '../../src';
import { Order, User, OpenEvent } from './entities';

declare const orders: Repository<Order>;
declare const users: Repository<User>;
declare const events: Repository<OpenEvent>;

export function compiles(): void {
  orders.scan().filter({
    status: 'NEW', // no operator: eq
    status__in: ['NEW', 'SHIPPED'],
    total__gt: 100,
    total__between: [1, 10],
    createdAt__begins_with: '2024-',
    createdAt__not_begins_with: '2023-',
    tags__contains: 'urgent',
    scores__not_contains: 3,
    notes__contains: 'x',
    items__contains: { sku: 'a', qty: 1 }, // a list element of any type
    photo__begins_with: new Uint8Array([1]),
    paid__exists: true,
    paid__not_exists: false,
    paid: false,
    expiresAt__type: 'N',
    items__size__gt: 0,
    items__size__between: [1, 10],
    tags__size__in: [1, 2],
    createdAt__size__lte: 40,
    address__size__eq: 2, // size of a map
    shippedAt__gt: new Date(), // Dates are stored as ISO strings
    shippedAt__lt: '2030-01-01',
    shippedAt: null,
    userId__neq: 'u2',
  });
  // Nested paths: maps, list indexes, maps inside lists, lists of lists, index signatures.
  orders.scan().filter({
    'address.city': 'Lima',
    'address.city__begins_with': 'Li',
    'address.zip__gte': 15000,
    'address.geo.lat__between': [-90, 90],
    'address.geo.label.text__contains': 'home',
    'items[0].qty__gt': 5,
    'items[3].sku__in': ['a', 'b'],
    'items[0].tags[1]__eq': 'x',
    'matrix[0][1]__lt': 3,
    'counters.views__gt': 10,
    'counters.views__exists': true,
  });
  // and/or/not take their entity from where they are used.
  orders.scan().filter(or({ status: 'NEW' }, and({ total__gt: 5 }, not({ tags__contains: 'x' }))));
  orders
    .query({ userId: 'u1' })
    .filter({ total__lte: 5 })
    .filter(not({ paid: true }));
  orders.put({ userId: 'u1', orderId: 'o1' }, { condition: { userId__not_exists: true } });
  orders.update(
    { userId: 'u1', orderId: 'o1' },
    { set: { status: 'SHIPPED' } },
    {
      condition: { version__eq: 3 },
      conditionOr: [{ status__eq: 'NEW' }, and({ total__lt: 5 }, { paid: false })],
    },
  );
  orders.delete({ userId: 'u1', orderId: 'o1' }, { condition: or({ status: 'CANCELLED' }, { total__lt: 1 }) });
  users.scan().filter({ id__gt: 5, name__begins_with: 'A', email__exists: false });
  // A node written for the entity explicitly, or standalone (unchecked), fits too.
  const typed = or<Order>({ total__gt: 1 }, { paid: true });
  const standalone = or({ anything__gt: 1 });
  orders.scan().filter(typed).filter(standalone);
  // Readonly tuples and arrays are accepted (as const).
  const range = [1, 5] as const;
  const wanted = ['NEW', 'SHIPPED'] as const;
  orders.scan().filter({ total__between: range, status__in: wanted });
  // An open entity (index signature) takes any name, and still types its declared ones.
  events.scan().filter({
    kind: 'click',
    whatever__gt: 5,
    'a.b__exists': true,
    score__gt: 1,
    done: true,
    undeclared__begins_with: 'x',
  });
  events.update({ id: 'e1' }, { set: { anything: 1, score: 2 }, remove: ['whatever'], add: { hits: 1 } });
  events.scan().select('score', 'anything');
  // The untyped form is a plain record.
  const loose: ConditionObject = { anything__gt: 1 };
  const input: ConditionInput<Order> = { total__gt: 1 };
  orders.scan().filter(input).filter(free(loose));
}

export function doesNotCompile(): void {
  // @ts-expect-error misspelled property
  orders.scan().filter({ totl__gt: 5 });
  // @ts-expect-error unknown operator
  orders.scan().filter({ total__greater: 5 });
  // @ts-expect-error wrong value type for gt
  orders.scan().filter({ total__gt: '5' });
  // @ts-expect-error a value outside the literal union
  orders.scan().filter({ status__in: ['NEW', 'LOST'] });
  // @ts-expect-error in takes an array
  orders.scan().filter({ status__in: 'NEW' });
  // @ts-expect-error between takes exactly two bounds
  orders.scan().filter({ total__between: [1, 2, 3] });
  // @ts-expect-error between bounds of the property's type
  orders.scan().filter({ total__between: ['a', 'z'] });
  // @ts-expect-error exists takes a boolean
  orders.scan().filter({ paid__exists: 'yes' });
  // @ts-expect-error booleans do not order
  orders.scan().filter({ paid__gt: true });
  // @ts-expect-error begins_with on a number
  orders.scan().filter({ total__begins_with: '1' });
  // @ts-expect-error contains on a number
  orders.scan().filter({ total__contains: 1 });
  // @ts-expect-error a Set<string> holds strings
  orders.scan().filter({ tags__contains: 5 });
  // @ts-expect-error contains looks for one element, not a list
  orders.scan().filter({ notes__contains: ['x'] });
  // @ts-expect-error a list of maps holds maps
  orders.scan().filter({ items__contains: 'x' });
  // @ts-expect-error size of a number
  orders.scan().filter({ total__size__gt: 1 });
  // @ts-expect-error size compares numbers
  orders.scan().filter({ items__size__gt: '1' });
  // @ts-expect-error size needs a comparison that exists
  orders.scan().filter({ items__size__begins_with: 1 });
  // @ts-expect-error size between takes two numbers
  orders.scan().filter({ items__size__between: [1] });
  // @ts-expect-error type takes a DynamoDB type name
  orders.scan().filter({ total__type: 'number' });
  // @ts-expect-error methods are not attributes
  orders.scan().filter({ describe__exists: true });
  // @ts-expect-error misspelled nested path
  orders.scan().filter({ 'address.cty': 'Lima' });
  // @ts-expect-error wrong type at a nested path
  orders.scan().filter({ 'address.zip__gt': '1' });
  // @ts-expect-error a list index on a map
  orders.scan().filter({ 'address[0]__exists': true });
  // @ts-expect-error a map key on a list
  orders.scan().filter({ 'items.qty__gt': 1 });
  // @ts-expect-error wrong type inside a list element
  orders.scan().filter({ 'items[0].qty__gt': 'x' });
  // @ts-expect-error index signature values are typed too
  orders.scan().filter({ 'counters.views__gt': 'x' });
  // @ts-expect-error beyond the typed depth (use free())
  orders.scan().filter({ 'address.geo.label.deeper.tooDeep': 'x' });
  // @ts-expect-error inside or(): the entity comes from filter()
  orders.scan().filter(or({ status: 'NEW' }, { totl__gt: 1 }));
  // @ts-expect-error inside not(), nested in and()
  orders.scan().filter(and({ total__gt: 1 }, not({ paid: 'no' })));
  // @ts-expect-error write conditions are typed
  orders.put({ userId: 'u1', orderId: 'o1' }, { condition: { userid__not_exists: true } });
  // @ts-expect-error conditionOr groups are typed
  orders.delete({ userId: 'u1', orderId: 'o1' }, { conditionOr: [{ status: 'NEW' }, { status: 'GONE' }] });
  // @ts-expect-error a node checked for another entity
  orders.scan().filter(or<User>({ name: 'x' }));
  // @ts-expect-error a condition stored in a variable is checked where it is annotated
  const stored: ConditionObject<Order> = { totl__gt: 5 };
  orders.scan().filter(stored);
  // @ts-expect-error an open entity still types its declared properties
  events.scan().filter({ kind: 'scroll' });
  // @ts-expect-error an open entity: begins_with on a declared number
  events.scan().filter({ score__begins_with: '1' });
  // @ts-expect-error an open entity: contains on a declared number
  events.scan().filter({ score__contains: 1 });
  // @ts-expect-error an open entity: size of a declared boolean
  events.scan().filter({ done__size__gt: 1 });
  // @ts-expect-error an open entity: inside or() too
  events.scan().filter(or({ kind: 'click' }, { score__begins_with: 'x' }));
}
