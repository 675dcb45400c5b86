import { Router, type ErrorRequestHandler } from 'express';
import { DkmioError, httpStatusOf, type DkmioClient } from 'dkmio';
import { User } from './user.entity';

/**
 * GET /users/:userId answers 404 when absent (getOrThrow); POST /users creates a user only if
 * that id is free (a conditional put), answering 409 otherwise. Express 5 passes the errors of
 * async handlers to the error middleware, where dkmioErrorHandler turns them into HTTP answers.
 */
export function usersRouter(db: DkmioClient): Router {
  const users = db.getRepository(User);
  const router = Router();

  router.get('/users/:userId', async (req, res) => {
    const user = await users.getOrThrow({ userId: req.params['userId']! });
    res.json(user);
  });

  router.post('/users', async (req, res) => {
    const { userId, name, email } = (req.body ?? {}) as Partial<User>;
    if (typeof userId !== 'string' || typeof name !== 'string') {
      res.status(400).json({ error: 'BAD_REQUEST', message: 'Please provide "userId" and "name" as strings.' });
      return;
    }
    await users.put({ userId, name, email }, { condition: { userId__not_exists: true } });
    res.status(201).json({ userId, name, email });
  });

  return router;
}

/**
 * Error middleware: a dkmio error becomes `httpStatusOf(error)` with a JSON body naming its code
 * (404 ITEM_NOT_FOUND, 409 CONDITION_FAILED, 400 VALIDATION, 503 THROTTLED, ...). Server-side
 * failures are logged and answered with a generic message; other errors go to Express.
 */
export const dkmioErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (!(error instanceof DkmioError)) {
    next(error);
    return;
  }
  const status = httpStatusOf(error);
  if (status >= 500) console.error(error);
  res.status(status).json({ error: error.code, message: status < 500 ? error.message : 'Internal server error' });
};
