import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { fromNow, queryFilters, toPlain, type DkmioClient } from 'dkmio';
import { POST_FILTERS, Post, Session, USER_FILTERS, User, pageSize } from '../blog/entities';
import { POST_BODY, TRANSFER_BODY, USER_BODY, postFrom, transferFrom, userFrom } from '../blog/input';

/**
 * The blog API on Express 5. No try/catch: Express 5 hands the errors of async handlers to the
 * error middleware, where `dkmioErrorHandler()` answers 404 (ItemNotFoundError), 409
 * (ConditionError, TransactionError), 400 (ValidationError: bad filters, cursors, keys), 503...
 *
 *   POST   /users                         create (409 if the email is taken)
 *   POST   /users/import                  bulk import (batchWrite)
 *   GET    /users?role__in=a,b&credits__gte=10&limit=&cursor=   filtered scan, paged
 *   GET    /users/:email                  one user (404)
 *   PATCH  /users/:email                  rename (404: mustExist)
 *   DELETE /users/:email                  delete (404: mustExist)
 *   POST   /transfers                     move credits between two users (transactWrite)
 *   POST   /users/:email/posts            create a draft
 *   GET    /users/:email/posts?status=&likes__gte=&tags__contains=&limit=&cursor=
 *   PATCH  /users/:email/posts/:slug/publish   DRAFT -> PUBLISHED (404 absent, 409 not a draft)
 *   POST   /users/:email/posts/:slug/like      likes + 1 (404 absent)
 *   GET    /posts/by-status/:status       the gsi-status index, paged
 *   POST   /sessions                      log in: a session that expires in an hour (TTL)
 *   GET    /sessions/:token               the session (404 when absent or expired)
 */
export function blogRouter(db: DkmioClient): Router {
  const users = db.getRepository(User);
  const posts = db.getRepository(Post);
  const sessions = db.getRepository(Session);
  const router = Router();

  router.post('/users', async (req, res) => {
    const user = userFrom(req.body);
    if (!user) return badRequest(res, USER_BODY);
    await users.put(user, { condition: { email__not_exists: true } });
    res.status(201).json(toPlain(user));
  });

  router.post('/users/import', async (req, res) => {
    const list = Array.isArray(req.body) ? req.body.map(userFrom) : [];
    if (list.length === 0 || list.some((u) => u === undefined))
      return badRequest(res, 'Send a non-empty array of users.');
    // Chunks of 25, retries with backoff; whatever is still unwritten is a BatchWriteError (503).
    await users.batchWrite((batch) => list.forEach((u) => batch.put(u!)));
    res.status(201).json({ imported: list.length });
  });

  router.get('/users', async (req, res) => {
    const limit = pageSize(req.query['limit']);
    if (limit === undefined) return badRequest(res, 'limit must be a whole number from 1 to 100.');
    // ?role__in=author,admin&credits__gte=10 -> { role__in: ['author', 'admin'], credits__gte: 10 }; anything else is a 400.
    const filter = queryFilters(User, req.query, { allow: USER_FILTERS });
    const page = await users.scan().filter(filter).limit(limit).startFrom(cursorOf(req));
    res.json(toPlain({ items: page.items, cursor: page.cursor }));
  });

  router.get('/users/:email', async (req, res) => {
    res.json(toPlain(await users.getOrThrow({ email: req.params['email'] })));
  });

  router.patch('/users/:email', async (req, res) => {
    const name = (req.body as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string' || name === '') return badRequest(res, 'Send { name: string }.');
    const user = await users.update(
      { email: req.params['email'] },
      { set: { name } },
      { mustExist: true, returnValues: 'ALL_NEW' },
    );
    res.json(toPlain(user));
  });

  router.delete('/users/:email', async (req, res) => {
    await users.delete({ email: req.params['email'] }, { mustExist: true });
    res.status(204).end();
  });

  router.post('/transfers', async (req, res) => {
    const transfer = transferFrom(req.body);
    if (!transfer) return badRequest(res, TRANSFER_BODY);
    const { from, to, amount: n } = transfer;
    // Both or neither: an unknown user is a 404 (mustExist), too few credits a 409 (condition).
    await db.transactWrite((tx) => {
      tx.update(users, { email: from }, { add: { credits: -n } }, { mustExist: true, condition: { credits__gte: n } });
      tx.update(users, { email: to }, { add: { credits: n } }, { mustExist: true });
    });
    res.json({ from, to, amount: n });
  });

  router.post('/users/:email/posts', async (req, res) => {
    const authorEmail = req.params['email'];
    const post = postFrom(authorEmail, req.body);
    if (!post) return badRequest(res, POST_BODY);
    await users.getOrThrow({ email: authorEmail }, { select: ['email'] }); // 404 for an unknown author
    await posts.put(post, { condition: { slug__not_exists: true } });
    res.status(201).json(toPlain(post));
  });

  router.get('/users/:email/posts', async (req, res) => {
    const limit = pageSize(req.query['limit']);
    if (limit === undefined) return badRequest(res, 'limit must be a whole number from 1 to 100.');
    const filter = queryFilters(Post, req.query, { allow: POST_FILTERS });
    const page = await posts
      .query({ authorEmail: req.params['email'] })
      .filter(filter)
      .limit(limit)
      .startFrom(cursorOf(req));
    res.json(toPlain({ items: page.items, cursor: page.cursor }));
  });

  router.patch('/users/:email/posts/:slug/publish', async (req, res) => {
    const post = await posts.update(
      { authorEmail: req.params['email'], slug: req.params['slug'] },
      { set: { status: 'PUBLISHED', publishedAt: new Date().toISOString() } },
      { mustExist: true, condition: { status: 'DRAFT' }, returnValues: 'ALL_NEW' },
    );
    res.json(toPlain(post));
  });

  router.post('/users/:email/posts/:slug/like', async (req, res) => {
    const post = await posts.update(
      { authorEmail: req.params['email'], slug: req.params['slug'] },
      { add: { likes: 1 } },
      { mustExist: true, returnValues: 'ALL_NEW' },
    );
    res.json(toPlain(post));
  });

  router.get('/posts/by-status/:status', async (req, res) => {
    const limit = pageSize(req.query['limit']);
    if (limit === undefined) return badRequest(res, 'limit must be a whole number from 1 to 100.');
    const status = req.params['status'] as Post['status'];
    const page = await posts
      .index('gsi-status')
      .query({ status })
      .scanForward(false)
      .limit(limit)
      .startFrom(cursorOf(req));
    res.json(toPlain({ items: page.items, cursor: page.cursor }));
  });

  router.post('/sessions', async (req, res) => {
    const email = (req.body as { email?: unknown } | undefined)?.email;
    if (typeof email !== 'string') return badRequest(res, 'Send { email: string }.');
    await users.getOrThrow({ email }, { select: ['email'] });
    const session = { token: randomUUID(), email, expiresAt: fromNow({ hours: 1 }) };
    await sessions.put(session);
    res.status(201).json(session);
  });

  router.get('/sessions/:token', async (req, res) => {
    // TTL deletion is lazy (up to days later): an expired session is treated as gone.
    const session = await sessions.getOrThrow({ token: req.params['token'] });
    if (session.expiresAt <= Math.floor(Date.now() / 1000))
      return void res.status(404).json({ statusCode: 404, error: 'ITEM_NOT_FOUND', message: 'The session expired.' });
    res.json(toPlain(session));
  });

  return router;
}

/** ?cursor= as given (a string) or nothing; dkmio refuses, with a 400, anything it did not seal. */
function cursorOf(req: Request): string | undefined {
  const cursor = req.query['cursor'];
  return typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
}

function badRequest(res: Response, message: string): void {
  res.status(400).json({ statusCode: 400, error: 'BAD_REQUEST', message });
}
