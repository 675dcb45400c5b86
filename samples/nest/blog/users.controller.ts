import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { UsersService } from './users.service';

/** Results are entity instances; DkmioSerializerInterceptor turns them (Sets, Dates...) into JSON-safe data. */
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post('users')
  create(@Body() body: unknown) {
    return this.users.create(body);
  }

  @Post('users/import')
  import(@Body() body: unknown) {
    return this.users.import(body);
  }

  @Get('users')
  list(@Query() query: Record<string, unknown>) {
    return this.users.list(query);
  }

  @Get('users/:email')
  get(@Param('email') email: string) {
    return this.users.get(email);
  }

  @Patch('users/:email')
  rename(@Param('email') email: string, @Body() body: unknown) {
    return this.users.rename(email, body);
  }

  @Delete('users/:email')
  @HttpCode(204)
  async remove(@Param('email') email: string): Promise<void> {
    await this.users.remove(email);
  }

  @Post('transfers')
  @HttpCode(200)
  transfer(@Body() body: unknown) {
    return this.users.transfer(body);
  }
}
