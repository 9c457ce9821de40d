// The parts of oidc-provider 9 the mock uses. The package ships no types and @types/oidc-provider
// lags behind v9, so the mock declares what it touches, no more.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type KoaContextWithOIDC = {
    oidc: {
      params?: Record<string, unknown>;
      client?: ClientInstance;
      session?: {
        uid?: string;
        accountId?: string;
        authTime?: () => number | undefined;
        past?: (age: number) => boolean;
      };
      entities: Record<string, unknown>;
      prompts: Set<string>;
      route: string;
      uid?: string;
      result?: { login?: unknown; consent?: unknown };
    };
    ip?: string;
    method: string;
    path: string;
    type: string;
    body: unknown;
    status: number;
    get(field: string): string;
    req: IncomingMessage;
  };

  export type ClientInstance = { clientId: string; clientName?: string; grantTypeAllowed(type: string): boolean };

  export type TokenLike = {
    kind: string;
    jti: string;
    grantId?: string;
    sessionUid?: string;
    accountId?: string;
    clientId?: string;
    scope?: string;
    scopes: Set<string>;
    resourceServer?: { audience?: string };
  };

  export type AccountClaims = Record<string, unknown> & { sub: string };
  export type Account = {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): Promise<AccountClaims> | AccountClaims;
  };

  export type InteractionDetails = {
    uid: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown> & {
      client_id?: string;
      login_hint?: string;
      redirect_uri?: string;
      scope?: string;
    };
    session?: { accountId: string; uid?: string; amr?: string[] };
    grantId?: string;
    lastSubmission?: Record<string, unknown>;
    exp: number;
    returnTo: string;
  };

  export type GrantInstance = {
    jti: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  };

  export class Check {
    constructor(reason: string, description: string, check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>);
    static REQUEST_PROMPT: true;
    static NO_NEED_TO_PROMPT: false;
  }
  export class Prompt {
    constructor(options: { name: string; requestable: boolean }, ...checks: Check[]);
    name: string;
    checks: Check[] & { add(check: Check, index?: number): void };
  }
  export type InteractionPolicy = Prompt[] & {
    get(name: string): Prompt | undefined;
    add(prompt: Prompt, index?: number): void;
  };
  export const interactionPolicy: { base(): InteractionPolicy; Check: typeof Check; Prompt: typeof Prompt };

  export class OIDCProviderError extends Error {
    error: string;
    error_description?: string;
    status: number;
  }
  export const errors: {
    InvalidRequest: new (description?: string) => OIDCProviderError;
    InvalidTarget: new (description?: string) => OIDCProviderError;
    InvalidScope: new (description?: string, scope?: string) => OIDCProviderError;
    AccessDenied: new (description?: string) => OIDCProviderError;
  };

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    issuer: string;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
    on(event: string, listener: (...args: never[]) => void): this;
    Grant: {
      new (properties: { accountId: string; clientId: string }): GrantInstance;
      find(id: string): Promise<GrantInstance | undefined>;
    };
    Client: { find(id: string): Promise<ClientInstance | undefined> };
  }
  export default Provider;
}
