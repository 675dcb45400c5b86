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
type CommandStack = { middlewareStack: { add(mw: (next: Handler, context: Context) => Handler, options: object): void } };

const skipped = () => undefined;
const OVERRIDES = Object.freeze({ overrideInputFilterSensitiveLog: skipped, overrideOutputFilterSensitiveLog: skipped });

const skipDiscardedLogFilter = (next: Handler, context: Context): Handler => {
  if (context.logger?.constructor?.name === 'NoOpLogger' && context.dynamoDbDocumentClientOptions === undefined) {
    context.dynamoDbDocumentClientOptions = OVERRIDES;
  }
  return next;
};

const OPTIONS = { step: 'initialize', priority: 'high', name: 'dkmioSkipDiscardedLogFilter' };

/**
 * Adds the middleware to one command dkmio is about to send through a client it was handed.
 * Not when the client would cache the command's resolved stack (`cacheMiddleware: true` and no
 * send options): that handler is shared by every command of the class, the app's own included.
 */
export function skipDiscardedLogFilterOn(command: object, client: object, options: object | undefined): void {
  if (options === undefined && (client as { config?: { cacheMiddleware?: boolean } }).config?.cacheMiddleware === true) return;
  (command as CommandStack).middlewareStack.add(skipDiscardedLogFilter, OPTIONS);
}
