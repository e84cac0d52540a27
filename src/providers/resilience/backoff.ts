/**
 * The wait between attempts: what the provider's `Retry-After` asks for when it names one,
 * otherwise cockatiel's exponential backoff with decorrelated jitter.
 */
import { ExponentialBackoff, type IBackoff, type IBackoffFactory, type IRetryBackoffContext } from 'cockatiel';
import { isAnswer, retryAfterMs } from './decisions';

type Context = IRetryBackoffContext<unknown>;

/** Exponential backoff from `initialDelayMs` up to `maxDelayMs`, overridden by Retry-After. */
export function retryAfterBackoff(initialDelayMs: number, maxDelayMs: number): IBackoffFactory<Context> {
  const exponential = new ExponentialBackoff({ initialDelay: initialDelayMs, maxDelay: maxDelayMs });
  return { next: (context) => step(exponential, context) };
}

function step(exponential: IBackoffFactory<unknown>, context: Context): IBackoff<Context> {
  const next = exponential.next(context);
  const asked = 'value' in context.result && isAnswer(context.result.value) ? retryAfterMs(context.result.value) : null;
  return { duration: asked ?? next.duration, next: (following) => step(next, following) };
}
