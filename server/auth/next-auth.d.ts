import type { PortalRole } from './auth-options';

declare module 'next-auth' {
  interface Session {
    oid?: string;
    roles: PortalRole[];
    amr: string[];
    authTime: number | null;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    oid?: string;
    roles?: PortalRole[];
    amr?: string[];
    authTime?: number | null;
  }
}
