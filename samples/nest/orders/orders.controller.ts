import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query, DefaultValuePipe } from '@nestjs/common';
import { OrdersService, type CreateOrderDto } from './orders.service';

/**
 * No try/catch here: dkmio errors reach DkmioExceptionFilter (registered in AppModule), which
 * answers 404 for ItemNotFoundError, 409 for ConditionError, 400 for bad keys, and so on.
 */
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  create(@Body() dto: CreateOrderDto) {
    return this.orders.create(dto);
  }

  @Get('by-status/:status')
  byStatus(@Param('status') status: string) {
    return this.orders.byStatus(status);
  }

  @Get(':userId')
  list(@Param('userId') userId: string, @Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number, @Query('cursor') cursor?: string) {
    return this.orders.list(userId, limit, cursor);
  }

  @Get(':userId/:orderId')
  get(@Param('userId') userId: string, @Param('orderId') orderId: string) {
    return this.orders.get(userId, orderId);
  }

  @Patch(':userId/:orderId/ship')
  ship(@Param('userId') userId: string, @Param('orderId') orderId: string) {
    return this.orders.ship(userId, orderId);
  }

  @Delete(':userId/:orderId')
  @HttpCode(204)
  async remove(@Param('userId') userId: string, @Param('orderId') orderId: string): Promise<void> {
    await this.orders.remove(userId, orderId);
  }
}
