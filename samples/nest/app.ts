import { NestFactory } from '@nestjs/core';
import type { INestApplication, LogLevel } from '@nestjs/common';
import type { DkmioClientOptions } from 'dkmio';
import { AppModule } from './app.module';

/** Builds the Nest app (not yet listening). `logger: false` keeps tests quiet. */
export async function createNestApp(
  dkmio: DkmioClientOptions,
  logger: false | LogLevel[] = ['log', 'warn', 'error'],
): Promise<INestApplication> {
  return NestFactory.create(AppModule.register(dkmio), { logger });
}
