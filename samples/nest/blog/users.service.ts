import { BadRequestException, Injectable } from '@nestjs/common';
import { DkmioClient, queryFilters, type QueryParams, type Repository } from 'dkmio';
import { InjectRepository } from 'dkmio/nest';
import { USER_FILTERS, User } from '../../blog/entities';
import { TRANSFER_BODY, USER_BODY, transferFrom, userFrom } from '../../blog/input';
import { cursorOf, limitOf, type ApiPage } from './page';

/** No try/catch: dkmio errors reach DkmioExceptionFilter, which answers them (404, 409, 400...). */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly db: DkmioClient,
  ) {}

  /** Creates the user unless the email is taken (ConditionError -> 409). */
  async create(body: unknown): Promise<User> {
    const user = userFrom(body);
    if (!user) throw new BadRequestException(USER_BODY);
    await this.users.put(user, { condition: { email__not_exists: true } });
    return user;
  }

  /** Bulk import: batchWrite sends chunks of 25 and retries what DynamoDB leaves unprocessed. */
  async import(body: unknown): Promise<{ imported: number }> {
    const list = Array.isArray(body) ? body.map(userFrom) : [];
    if (list.length === 0 || list.some((u) => u === undefined))
      throw new BadRequestException('Send a non-empty array of users.');
    await this.users.batchWrite((batch) => list.forEach((u) => batch.put(u!)));
    return { imported: list.length };
  }

  /** ?role__in=author,admin&credits__gte=10&limit=&cursor=: filters from the query string, allow-listed. */
  async list(query: QueryParams & Record<string, unknown>): Promise<ApiPage<User>> {
    const filter = queryFilters(User, query, { allow: USER_FILTERS });
    const page = await this.users
      .scan()
      .filter(filter)
      .limit(limitOf(query['limit']))
      .startFrom(cursorOf(query['cursor']));
    return { items: page.items, cursor: page.cursor };
  }

  get(email: string): Promise<User> {
    return this.users.getOrThrow({ email });
  }

  /** mustExist: renaming an unknown user is a 404, not an upsert. */
  async rename(email: string, body: unknown): Promise<User | null> {
    const name = (body as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string' || name === '') throw new BadRequestException('Send { name: string }.');
    return this.users.update({ email }, { set: { name } }, { mustExist: true, returnValues: 'ALL_NEW' });
  }

  async remove(email: string): Promise<void> {
    await this.users.delete({ email }, { mustExist: true });
  }

  /** Both updates or neither: an unknown user is a 404 (mustExist), too few credits a 409. */
  async transfer(body: unknown): Promise<{ from: string; to: string; amount: number }> {
    const transfer = transferFrom(body);
    if (!transfer) throw new BadRequestException(TRANSFER_BODY);
    const { from, to, amount } = transfer;
    await this.db.transactWrite((tx) => {
      tx.update(
        this.users,
        { email: from },
        { add: { credits: -amount } },
        { mustExist: true, condition: { credits__gte: amount } },
      );
      tx.update(this.users, { email: to }, { add: { credits: amount } }, { mustExist: true });
    });
    return transfer;
  }
}
