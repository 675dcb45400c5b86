import { BadRequestException, Injectable } from '@nestjs/common';
import type { Repository } from 'dkmio';
import { InjectRepository } from 'dkmio/nest';
import { Order } from './order.entity';

/** What POST /orders takes. */
export interface CreateOrderDto {
  userId: string;
  orderId: string;
  total: number;
}

/** A page of orders; `cursor` is opaque, pass it back as ?cursor= for the next page. */
export interface OrdersPage<T> {
  items: T[];
  cursor?: string;
}

@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly orders: Repository<Order>) {}

  /** Creates the order unless one with this key exists (ConditionError -> 409). */
  async create(dto: CreateOrderDto): Promise<Order> {
    if (typeof dto?.userId !== 'string' || typeof dto.orderId !== 'string' || typeof dto.total !== 'number') {
      throw new BadRequestException('Send { userId: string, orderId: string, total: number }.');
    }
    const order: Order = Object.assign(new Order(), {
      userId: dto.userId,
      orderId: dto.orderId,
      total: dto.total,
      status: 'PENDING',
      createdAt: new Date().toISOString(),
    });
    await this.orders.put(order, { condition: { orderId__not_exists: true } });
    return order;
  }

  /** The order, or ItemNotFoundError (-> 404). */
  get(userId: string, orderId: string): Promise<Order> {
    return this.orders.getOrThrow({ userId, orderId });
  }

  /** One page of a user's orders, newest first. */
  async list(userId: string, limit: number, cursor?: string): Promise<OrdersPage<Order>> {
    let query = this.orders.query({ userId }).scanForward(false).limit(limit);
    if (cursor) query = query.startFrom(cursor);
    const page = await query;
    return { items: page.items, cursor: page.cursor };
  }

  /** Orders in a status, through the gsi-status index (which projects the keys and total). */
  async byStatus(status: string): Promise<Pick<Order, 'userId' | 'orderId' | 'total'>[]> {
    const page = await this.orders.index('gsi-status').query({ status }).select('userId', 'orderId', 'total').fetchAll({ maxItems: 100 });
    return page.items;
  }

  /** PENDING -> SHIPPED; anything else (including a missing order) is a ConditionError (-> 409). */
  async ship(userId: string, orderId: string): Promise<Order | null> {
    return this.orders.update({ userId, orderId }, { set: { status: 'SHIPPED' } }, { condition: { status__eq: 'PENDING' }, returnValues: 'ALL_NEW' });
  }

  async remove(userId: string, orderId: string): Promise<void> {
    await this.orders.delete({ userId, orderId });
  }
}
