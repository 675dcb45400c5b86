/**
 * The SDK's logger middleware hands every call's input and output to `logger.info()`, after
 * copying both through the operation's sensitive-data filter. A client's default logger (the
 * SDK's `NoOpLogger`) discards them, so the copy is wasted work; for dkmio's low-level commands it
 * walks every AttributeValue of every item read (measured on a handed-over client: most of the
 * CPU of reading a page of 1,000 items; docs/performance.md).
 *
 * This middleware goes on dkmio's own command objects only, never on the app's client: for a
 * call whose logger is the SDK's `NoOpLogger`, it tells the logger middleware (through the
 * override hook lib-dynamodb uses) to skip the copy. Any other logger, the app's own included,
 * gets exactly what it got before.
 */
type Context = { logger?: { constructor?: { name?: string } }; dynamoDbDocumentClientOptions?: object };
type Handler = (args: unknown) => Promise<unknown>;
type CommandStack = {
  middlewareStack: { add(mw: (next: Handler, context: Context) => Handler, options: object): void };
};

const skipped = () => undefined;
const OVERRIDES = Object.freeze({
  overrideInputFilterSensitiveLog: skipped,
  overrideOutputFilterSensitiveLog: skipped,
});

const skipDiscardedLogFilter = (next: Handler, context: Context): Handler => {
  if (context.logger?.constructor?.name === 'NoOpLogger' && context.dynamoDbDocumentClientOptions === undefined) {
    context.dynamoDbDocumentClientOptions = OVERRIDES;
  }
  return next;
};

const OPTIONS = { step: 'initialize', priority: 'high', name: 'dkmioSkipDiscardedLogFilter' };

type CommandClass = new (input: object) => CommandStack;
const ownClasses = new WeakMap<CommandClass, CommandClass>();

/**
 * The command dkmio sends through a client it was handed: the same command, as an instance of a
 * dkmio subclass of its class, carrying the middleware. A client with `cacheMiddleware: true`
 * keeps one resolved stack per command class; the subclass keeps dkmio's stack apart from the
 * one the app's own commands of that class use.
 */
export function withoutDiscardedLogFilter(command: object): object {
  const base = command.constructor as CommandClass;
  let own = ownClasses.get(base);
  if (own === undefined) {
    own = class extends base {};
    Object.defineProperty(own, 'name', { value: base.name });
    ownClasses.set(base, own);
  }
  const sent = new own((command as { input: object }).input);
  sent.middlewareStack.add(skipDiscardedLogFilter, OPTIONS);
  return sent;
}
