import { BadRequestException } from '@nestjs/common';
import { pageSize } from '../../blog/entities';

/** A page as the API answers it; `cursor` is sealed: pass it back as ?cursor= for the next page. */
export interface ApiPage<T> {
  items: T[];
  cursor?: string;
}

/** ?limit= (1 to 100, default 20) or a 400. */
export function limitOf(raw: unknown): number {
  const n = pageSize(raw);
  if (n === undefined) throw new BadRequestException('limit must be a whole number from 1 to 100.');
  return n;
}

/** ?cursor= as given, or nothing. A cursor dkmio did not seal is a ValidationError (400), never sent. */
export function cursorOf(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw !== '' ? raw : undefined;
}
