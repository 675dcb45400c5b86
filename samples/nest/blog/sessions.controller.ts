import { randomUUID } from 'node:crypto';
import { BadRequestException, Body, Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { fromNow, type Repository } from 'dkmio';
import { InjectRepository } from 'dkmio/nest';
import { Session, User } from '../../blog/entities';

/** Log-in sessions that DynamoDB expires by itself (TTL on expiresAt). */
@Controller('sessions')
export class SessionsController {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  @Post()
  async create(@Body() body: unknown): Promise<Session> {
    const email = (body as { email?: unknown } | undefined)?.email;
    if (typeof email !== 'string') throw new BadRequestException('Send { email: string }.');
    await this.users.getOrThrow({ email }, { select: ['email'] });
    const session: Session = { token: randomUUID(), email, expiresAt: fromNow({ hours: 1 }) };
    await this.sessions.put(session);
    return session;
  }

  /** TTL deletion is lazy (up to days later): an expired session is treated as gone. */
  @Get(':token')
  async get(@Param('token') token: string): Promise<Session> {
    const session = await this.sessions.getOrThrow({ token });
    if (session.expiresAt <= Math.floor(Date.now() / 1000)) throw new NotFoundException('The session expired.');
    return session;
  }
}
