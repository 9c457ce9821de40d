// Restart from Sign-in options: forget the factors used so far (Conditional Access asked for a different first factor).
import { redirect } from '../http/http';
import type { Interaction } from './interaction-context';

export function restart(it: Interaction): void {
  it.state.methods = [];
  it.state.offered = undefined;
  it.state.pushId = undefined;
  it.state.oneTimeCode = undefined;
  redirect(it.res, `${it.base}?view=options`);
}
